import type { RunningEmulator } from '../src';
import { SEED_IDENTITIES, DEFAULT_MERGE_POLICY_ID, NO_STITCHING_POLICY_ID, deriveXid } from '../src';
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

    it("answers one entry per requested identity, keyed by that identity's XID, as Adobe's example does", async () => {
        const phone = { entityId: SEED_IDENTITIES.jane.phone, entityIdNS: { code: 'Phone' } };
        const email = { entityId: SEED_IDENTITIES.jane.email, entityIdNS: { code: 'email' } };
        const res = await profiles([phone, email, phone], { fields: ['person.name', 'identityMap'] });
        expect(res.status).toBe(200);
        const entries = res.body as Record<string, Entry>;
        const phoneXid = deriveXid('Phone', SEED_IDENTITIES.jane.phone);
        const emailXid = deriveXid('Email', SEED_IDENTITIES.jane.email);
        expect(Object.keys(entries)).toEqual([phoneXid, emailXid]);
        expect(entries[phoneXid]).toMatchObject({ entityId: phoneXid, requestedIdentity: phone });
        expect(entries[emailXid]).toMatchObject({ entityId: emailXid, requestedIdentity: email });
        // The same person under both keys.
        expect(entries[phoneXid]!.entity).toEqual(entries[emailXid]!.entity);
    });

    it('answers one entry per profile when the org is switched to that form (admin setting)', async () => {
        const admin = (keying: unknown) =>
            call(`${emu.platformUrl}/__emulator/settings`, {
                method: 'POST',
                headers: { 'content-type': 'application/json' },
                body: JSON.stringify({ multiEntityKeying: keying })
            });
        const switched = await admin({ primary: 'perProfile' });
        expect(switched.status).toBe(200);
        expect((switched.body as { multiEntityKeying: Record<string, string> }).multiEntityKeying).toEqual({
            primary: 'perProfile',
            prime: 'perRequestedIdentity',
            linked: 'perRequestedIdentity'
        });
        try {
            const res = await profiles([
                { entityId: SEED_IDENTITIES.jane.phone, entityIdNS: { code: 'Phone' } },
                { entityId: SEED_IDENTITIES.jane.email, entityIdNS: { code: 'email' } }
            ]);
            const entries = res.body as Record<string, Entry>;
            const janeXid = deriveXid('CRMID', SEED_IDENTITIES.jane.crmId);
            expect(Object.keys(entries)).toEqual([janeXid]);
            expect(entries[janeXid]!.requestedIdentity).toEqual({ entityId: SEED_IDENTITIES.jane.phone, entityIdNS: { code: 'Phone' } });
        } finally {
            expect((await admin('perRequestedIdentity')).status).toBe(200);
        }
        expect((await admin({ nosuchorg: 'perProfile' })).status).toBe(400);
        expect((await admin('sometimes')).status).toBe(400);
    });

    it('gives the shared phone one collapsed entry; without stitching one entry per record', async () => {
        const phone = { entityId: SEED_IDENTITIES.sam.phone, entityIdNS: { code: 'phone' } };
        const collapsed = Object.values(
            (await profiles([phone], { fields: ['person.name', 'identityMap'] })).body as Record<string, Entry>
        );
        expect(collapsed).toHaveLength(1);
        expect(collapsed[0]!.entity.identityMap.crmid).toHaveLength(2);
        const res = await profiles([phone], { fields: ['person.name'], mergePolicyId: NO_STITCHING_POLICY_ID });
        const entries = Object.values(res.body as Record<string, Entry>);
        expect(entries.map((e) => e.entity.person.name.firstName).sort()).toEqual(['Alex', 'Sam']);
        for (const e of entries) expect(e.requestedIdentity).toEqual(phone);
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

    it('answers without stitching, and without a mergePolicy, in a sandbox that has no default policy', async () => {
        const dev = await post(
            {
                schema: { name: '_xdm.context.profile' },
                identities: [{ entityId: SEED_IDENTITIES.sam.phone, entityIdNS: { code: 'phone' } }]
            },
            { ...h, 'x-sandbox-name': 'dev' }
        );
        expect(dev.status).toBe(200);
        const entries = Object.values(dev.body as Record<string, Entry>);
        expect(entries).toHaveLength(2);
        for (const e of entries) expect(e.mergePolicy).toBeUndefined();
    });

    it('refuses the Prime org, profiles and events alike (the entities endpoints are Real-Time CDP Ultimate only)', async () => {
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
        const profile = await post(
            {
                schema: { name: '_xdm.context.profile' },
                identities: [{ entityId: SEED_IDENTITIES.jane.email, entityIdNS: { code: 'email' } }]
            },
            prime
        );
        expect(profile.status).toBe(403);
        expect(profile.body).toEqual({ message: 'UPS-ACC-1000004: IMS Org is not provisioned.', statusCode: '403' });
    });

    it('answers a body that is not JSON, or not an object, with its own 400', async () => {
        const url = `${emu.platformUrl}/data/core/ups/access/entities`;
        const malformed = await call(url, { method: 'POST', headers: h, body: '{"schema":' });
        expect(malformed.status).toBe(400);
        expect((malformed.body as { message: string }).message).toMatch(/^UPS-ACC-1000410: Malformed JSON body: /);
        const empty = await call(url, { method: 'POST', headers: h });
        expect(empty.body).toMatchObject({ message: 'UPS-ACC-1000410: Malformed JSON body: empty body', statusCode: '400' });
        const array = await post([{ schema: { name: '_xdm.context.profile' } }]);
        expect(array.status).toBe(400);
        expect(array.body).toMatchObject({ message: 'UPS-ACC-1000411: The request body must be a JSON object.' });
    });

    it('validates identities', async () => {
        for (const identities of [[], [{}], [{ entityId: 'a', entityIdNS: 'email' }], 'x']) {
            const res = await profiles(identities as unknown[]);
            expect(res.status).toBe(400);
            expect(res.body).toMatchObject({ statusCode: '400' });
        }
    });
});
