import type { RunningEmulator } from '../src';
import { SEED_IDENTITIES, DEFAULT_MERGE_POLICY_ID, NO_STITCHING_POLICY_ID, deriveXid } from '../src';
import { aepHeaders, call, entitiesUrl, start, tokenFor } from './helpers';

type EntityMap = Record<
    string,
    { entityId: string; mergePolicy: { id: string }; identityGraph: string[]; entity: Record<string, any>; lastModifiedAt: string }
>;

describe('Profile Access GET /data/core/ups/access/entities (profiles)', () => {
    let emu: RunningEmulator;
    let headers: Record<string, string>;

    beforeAll(async () => {
        emu = await start();
        headers = aepHeaders(await tokenFor(emu), emu.orgs.primary);
    });
    afterAll(() => emu.close());

    const lookup = (params: Record<string, string>) =>
        call(entitiesUrl(emu, { 'schema.name': '_xdm.context.profile', ...params }), { headers });

    it('resolves Jane by email, phone, CRM id and loyalty id to the same XID-keyed entry', async () => {
        const jane = SEED_IDENTITIES.jane;
        const answers = await Promise.all([
            lookup({ entityId: jane.email, entityIdNS: 'email' }),
            lookup({ entityId: jane.phone, entityIdNS: 'Phone' }),
            lookup({ entityId: jane.crmId, entityIdNS: 'CRMID' }),
            lookup({ entityId: jane.loyaltyId, entityIdNS: 'LOYALTYID' })
        ]);
        const keys = answers.map((a) => Object.keys(a.body as EntityMap));
        expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
        expect(new Set(keys.flat())).toEqual(new Set([deriveXid('CRMID', jane.crmId)]));
        const entry = (answers[0]!.body as EntityMap)[deriveXid('CRMID', jane.crmId)]!;
        expect(entry.mergePolicy.id).toBe(DEFAULT_MERGE_POLICY_ID);
        expect(entry.entity.identityMap.email).toEqual([{ id: jane.email }]);
        expect(Object.keys(entry.entity.identityMap).every((k: string) => k === k.toLowerCase())).toBe(true);
        expect(entry.identityGraph).toContain(deriveXid('Email', jane.email));
        const realized = Object.values(entry.entity.segmentMembership.ups as Record<string, { status: string }>).filter(
            (m) => m.status === 'realized'
        );
        expect(realized.length).toBeGreaterThanOrEqual(3);
    });

    it('collapses the household into one profile: the shared phone links both Riveras into one graph (no linking rules)', async () => {
        const res = await lookup({ entityId: SEED_IDENTITIES.sam.phone, entityIdNS: 'phone' });
        expect(res.status).toBe(200);
        const entries = Object.values(res.body as EntityMap);
        expect(entries).toHaveLength(1);
        const merged = entries[0]!;
        // Timestamp-ordered merge: Sam's record is the newer one, so his attributes win where both set one.
        expect(merged.entity.person.name.fullName).toBe('Sam Rivera');
        expect(merged.entity.identityMap.crmid.map((i: { id: string }) => i.id).sort()).toEqual(
            [SEED_IDENTITIES.alex.crmId, SEED_IDENTITIES.sam.crmId].sort()
        );
        expect(merged.entity.identityMap.email).toHaveLength(2);
        expect(Object.keys(merged.entity.segmentMembership.ups)).toHaveLength(3);
        // Every identity of the graph reaches the same merged profile.
        const byAlexEmail = await lookup({ entityId: SEED_IDENTITIES.alex.email, entityIdNS: 'email' });
        expect(Object.keys(byAlexEmail.body as EntityMap)).toEqual(Object.keys(res.body as EntityMap));
    });

    it('without identity stitching answers one entry per record that carries the identity', async () => {
        const res = await lookup({
            entityId: SEED_IDENTITIES.sam.phone,
            entityIdNS: 'phone',
            fields: 'person.name',
            mergePolicyId: NO_STITCHING_POLICY_ID
        });
        expect(res.status).toBe(200);
        const names = Object.values(res.body as EntityMap)
            .map((e) => e.entity.person.name.firstName)
            .sort();
        expect(names).toEqual(['Alex', 'Sam']);
    });

    it('matches identity values exactly as ingested: no case folding, no phone reformatting', async () => {
        const olivia = SEED_IDENTITIES.olivia;
        expect((await lookup({ entityId: olivia.email, entityIdNS: 'email' })).status).toBe(200);
        expect((await lookup({ entityId: olivia.email.toLowerCase(), entityIdNS: 'email' })).status).toBe(404);
        expect((await lookup({ entityId: olivia.phone, entityIdNS: 'phone' })).status).toBe(200);
        expect((await lookup({ entityId: '+14155550177', entityIdNS: 'phone' })).status).toBe(404);
        expect((await lookup({ entityId: SEED_IDENTITIES.chris.phone, entityIdNS: 'phone' })).status).toBe(200);
        expect((await lookup({ entityId: `+${SEED_IDENTITIES.chris.phone}`, entityIdNS: 'phone' })).status).toBe(404);
    });

    it('serves an identity-only profile: identities and nothing else', async () => {
        const res = await lookup({ entityId: SEED_IDENTITIES.chris.phone, entityIdNS: 'phone', withCA: 'true' });
        const entry = Object.values(res.body as EntityMap)[0]!;
        expect(Object.keys(entry.entity)).toEqual(['identityMap']);
        expect(Object.keys(entry.entity.identityMap).sort()).toEqual(['ecid', 'phone']);
    });

    it('projects fields, keeping parents, and gates computed attributes behind withCA', async () => {
        const base = { entityId: SEED_IDENTITIES.jane.email, entityIdNS: 'email' };
        const projected = Object.values((await lookup({ ...base, fields: 'person.name.firstName,loyalty.tier' })).body as EntityMap)[0]!;
        expect(projected.entity).toEqual({ person: { name: { firstName: 'Jane' } }, loyalty: { tier: 'gold' } });
        const withoutCA = Object.values((await lookup(base)).body as EntityMap)[0]!;
        expect(withoutCA.entity._acmetelco.SystemComputedAttributes).toBeUndefined();
        expect(withoutCA.entity._acmetelco.crm.lifetimeValue).toBe(12480.5);
        const withCA = Object.values((await lookup({ ...base, withCA: 'true' })).body as EntityMap)[0]!;
        expect(withCA.entity._acmetelco.SystemComputedAttributes.totalSpend90d.value).toBeGreaterThan(0);
    });

    it('answers 404 for an email without profile and 422 for the 51+ identity graph', async () => {
        const missing = await lookup({ entityId: SEED_IDENTITIES.unknown.email, entityIdNS: 'email' });
        expect(missing.status).toBe(404);
        expect(missing.body).toMatchObject({ statusCode: '404' });
        const heavy = await lookup({ entityId: SEED_IDENTITIES.gary.email, entityIdNS: 'email' });
        expect(heavy.status).toBe(422);
        expect(heavy.body).toMatchObject({ message: 'Too many related identities', statusCode: '422' });
    });
});

describe('merge policies per org and sandbox', () => {
    let emu: RunningEmulator;
    let headers: Record<string, string>;

    beforeAll(async () => {
        emu = await start();
        headers = aepHeaders(await tokenFor(emu), emu.orgs.primary);
    });
    afterAll(() => emu.close());

    type Page = {
        _page: { totalCount: number; count: number; next: string };
        children: Array<{ id: string; default: boolean; name: string }>;
        _links: { next: { href: string } };
    };
    const list = (query: string, h = headers) => call(`${emu.platformUrl}/data/core/ups/config/mergePolicies${query}`, { headers: h });

    it('pages through every policy of prod with the start token, and filters', async () => {
        const first = (await list('?limit=2')).body as Page;
        expect(first._page).toMatchObject({ totalCount: 3, count: 2 });
        const second = (await list(`?limit=2&start=${encodeURIComponent(first._page.next)}`)).body as Page;
        expect(second._page.next).toBe('');
        expect(second._links.next.href).toBe('');
        expect([...first.children, ...second.children].map((p) => p.id)).toHaveLength(3);
        const none = (await list('?identityGraph.type=none')).body as Page;
        expect(none.children.map((p) => p.name)).toEqual(['No identity stitching']);
        expect((await list('?start=bogus')).status).toBe(400);
    });

    it('has no default policy in dev, and its own default in the Prime org', async () => {
        const dev = (await list('?default=true', { ...headers, 'x-sandbox-name': 'dev' })).body as Page;
        expect(dev.children).toEqual([]);
        const prime = aepHeaders(await tokenFor(emu, emu.orgs.prime), emu.orgs.prime);
        const primeDefault = (await list('?default=true', prime)).body as Page;
        expect(primeDefault.children.map((p) => p.id)).toEqual([emu.orgs.prime.defaultMergePolicyId]);
        const bulk = await call(`${emu.platformUrl}/data/core/ups/config/mergePolicies/bulk-get`, {
            method: 'POST',
            headers: { ...headers, 'content-type': 'application/json' },
            body: JSON.stringify({ ids: [{ id: DEFAULT_MERGE_POLICY_ID }, { id: emu.orgs.prime.defaultMergePolicyId! }] })
        });
        // Another org's policy is not visible here.
        expect(
            (bulk.body as { results: Record<string, { statusCode?: string }> }).results[emu.orgs.prime.defaultMergePolicyId!]
        ).toMatchObject({ statusCode: '404' });
    });
});
