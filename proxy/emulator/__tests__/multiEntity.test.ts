import type { RunningEmulator } from '../src';
import { SEED_IDENTITIES, DEFAULT_MERGE_POLICY_ID, deriveXid } from '../src';
import { aepHeaders, call, start, tokenFor } from './helpers';

type Entry = {
    entityId: string;
    requestedIdentity: { entityId: string; entityIdNS?: { code: string } };
    entity: Record<string, any>;
    sources: string[];
    lastModifiedAt: string;
    mergePolicy?: { id: string };
};

describe('Profile Access POST /access/entities (multiple identities)', () => {
    let emu: RunningEmulator;
    let h: Record<string, string>;

    beforeAll(async () => {
        emu = await start();
        h = { ...aepHeaders(await tokenFor(emu), emu.orgs.primary), 'content-type': 'application/json' };
    });
    afterAll(() => emu.close());

    const post = (body: unknown, headers = h) =>
        call(`${emu.platformUrl}/data/core/ups/access/entities`, { method: 'POST', headers, body: JSON.stringify(body) });
    const profiles = (identities: unknown[], extra: Record<string, unknown> = {}) =>
        post({ schema: { name: '_xdm.context.profile' }, identities, ...extra });

    it('gives one entry per profile; two identities of one person -> one entry with the first requested identity', async () => {
        const res = await profiles([
            { entityId: SEED_IDENTITIES.jane.phone, entityIdNS: { code: 'Phone' } },
            { entityId: SEED_IDENTITIES.jane.email, entityIdNS: { code: 'email' } }
        ]);
        expect(res.status).toBe(200);
        const entries = res.body as Record<string, Entry>;
        const janeXid = deriveXid('CRMID', SEED_IDENTITIES.jane.crmId);
        expect(Object.keys(entries)).toEqual([janeXid]);
        expect(entries[janeXid]!.requestedIdentity).toEqual({ entityId: SEED_IDENTITIES.jane.phone, entityIdNS: { code: 'Phone' } });
    });

    it('gives the shared phone two entries, each with requestedIdentity = the phone', async () => {
        const res = await profiles([{ entityId: SEED_IDENTITIES.sam.phone, entityIdNS: { code: 'phone' } }], { fields: ['person.name'] });
        const entries = Object.values(res.body as Record<string, Entry>);
        expect(entries.map((e) => e.entity.person.name.firstName).sort()).toEqual(['Alex', 'Sam']);
        for (const e of entries)
            expect(e.requestedIdentity).toEqual({ entityId: SEED_IDENTITIES.sam.phone, entityIdNS: { code: 'phone' } });
    });

    it("returns the documented empty entry for an identity without profile, keyed by that identity's XID", async () => {
        const res = await profiles([{ entityId: SEED_IDENTITIES.unknown.email, entityIdNS: { code: 'Email' } }]);
        expect(res.status).toBe(200);
        const xid = deriveXid('Email', SEED_IDENTITIES.unknown.email);
        expect(res.body).toEqual({
            [xid]: {
                entityId: xid,
                sources: [''],
                entity: {},
                lastModifiedAt: '1970-01-01T00:00:00Z',
                requestedIdentity: { entityId: SEED_IDENTITIES.unknown.email, entityIdNS: { code: 'Email' } }
            }
        });
    });

    it('accepts bare XIDs, fields[], withCA and mergePolicyId in the body', async () => {
        const mariaXid = deriveXid('Email', SEED_IDENTITIES.maria.email);
        const res = await profiles([{ entityId: mariaXid }], {
            fields: ['_acmetelco', 'loyalty.tier'],
            withCA: true,
            mergePolicyId: DEFAULT_MERGE_POLICY_ID
        });
        const entry = Object.values(res.body as Record<string, Entry>)[0]!;
        expect(entry.requestedIdentity).toEqual({ entityId: mariaXid });
        expect(entry.entity.loyalty).toEqual({ tier: 'gold' });
        expect(entry.entity._acmetelco.SystemComputedAttributes.supportCallsLast30d).toEqual({ value: 3 });
        expect(entry.entity._acmetelco.CustomerAI.churn_90d.score).toBe(87);
        expect(entry.mergePolicy).toEqual({ id: DEFAULT_MERGE_POLICY_ID });
        const noCA = Object.values((await profiles([{ entityId: mariaXid }])).body as Record<string, Entry>)[0]!;
        expect(noCA.entity._acmetelco.SystemComputedAttributes).toBeUndefined();
    });

    it('answers 422 without mergePolicyId in a sandbox without default policy', async () => {
        const res = await profiles([{ entityId: SEED_IDENTITIES.jane.email, entityIdNS: { code: 'email' } }], {});
        expect(res.status).toBe(200);
        const dev = await post(
            {
                schema: { name: '_xdm.context.profile' },
                identities: [{ entityId: SEED_IDENTITIES.jane.email, entityIdNS: { code: 'email' } }]
            },
            { ...h, 'x-sandbox-name': 'dev' }
        );
        expect(dev.status).toBe(422);
        expect(dev.body).toMatchObject({ statusCode: '422' });
    });

    it('refuses the events variant for the Prime org', async () => {
        const prime = { ...aepHeaders(await tokenFor(emu, emu.orgs.prime), emu.orgs.prime), 'content-type': 'application/json' };
        const res = await post(
            {
                schema: { name: '_xdm.context.experienceevent' },
                relatedSchema: { name: '_xdm.context.profile' },
                identities: [{ relatedEntityId: 'x' }]
            },
            prime
        );
        expect(res.status).toBe(403);
    });

    it('validates identities', async () => {
        for (const identities of [[], [{}], [{ entityId: 'a', entityIdNS: 'email' }], 'x']) {
            const res = await profiles(identities as unknown[]);
            expect(res.status).toBe(400);
            expect(res.body).toMatchObject({ statusCode: '400' });
        }
    });
});
