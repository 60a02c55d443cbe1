import type { RunningEmulator } from '../src';
import { generateDataset, deriveXid } from '../src';
import { aepHeaders, call, entitiesUrl, start, tokenFor } from './helpers';

describe('deterministic data generator', () => {
    it('gives byte-identical profiles, events and audiences for the same seed', () => {
        const a = generateDataset({ seed: 7, profiles: 50, eventsPerProfile: 12, audiences: 8 });
        const b = generateDataset({ seed: 7, profiles: 50, eventsPerProfile: 12, audiences: 8 });
        for (const n of [0, 17, 49]) {
            const pa = a.profileAt(n);
            expect(JSON.stringify(pa)).toBe(JSON.stringify(b.profileAt(n)));
            expect(JSON.stringify(a.eventsOf(pa))).toBe(JSON.stringify(b.eventsOf(b.profileAt(n))));
            expect(a.eventsOf(pa)).toHaveLength(12);
        }
        expect(JSON.stringify(a.audiences())).toBe(JSON.stringify(b.audiences()));
    });

    it('differs for another seed', () => {
        const a = generateDataset({ seed: 7, profiles: 5, eventsPerProfile: 3 });
        const c = generateDataset({ seed: 8, profiles: 5, eventsPerProfile: 3 });
        expect(JSON.stringify(a.profileAt(1))).not.toBe(JSON.stringify(c.profileAt(1)));
        expect(a.identitiesOf(1).email).toBe(c.identitiesOf(1).email);
        expect(a.identitiesOf(1).ecid).not.toBe(c.identitiesOf(1).ecid);
    });

    it('resolves every identity of profile n back to n, and nothing outside the range', () => {
        const data = generateDataset({ seed: 3, profiles: 200, eventsPerProfile: 1 });
        const ids = data.identitiesOf(123);
        const xid = deriveXid('CRMID', ids.crmId);
        for (const [ns, id] of [
            ['Email', ids.email],
            ['phone', ids.phone],
            ['CRMID', ids.crmId],
            ['ECID', ids.ecid]
        ] as const) {
            expect(data.findByIdentity(ns, id).map((p) => p.xid)).toEqual([xid]);
        }
        expect(data.findByXid(deriveXid('Email', ids.email)).map((p) => p.xid)).toEqual([xid]);
        expect(data.findByIdentity('Email', 'user200@bench.example.com')).toEqual([]);
        expect(data.findByIdentity('ECID', `${ids.ecid[0] === '1' ? '2' : '1'}${ids.ecid.slice(1)}`)).toEqual([]);
        expect(() => data.identitiesOf(200)).toThrow(RangeError);
    });

    it('validates its options', () => {
        expect(() => generateDataset({ seed: 1.5, profiles: 1, eventsPerProfile: 1 })).toThrow(/seed/);
        expect(() => generateDataset({ seed: 1, profiles: -1, eventsPerProfile: 1 })).toThrow(/profiles/);
        expect(() => generateDataset({ seed: 1, profiles: 1, eventsPerProfile: 6000 })).toThrow(/eventsPerProfile/);
    });

    describe('loaded into an emulator (100k profiles, generated on demand)', () => {
        let emu: RunningEmulator;
        let h: Record<string, string>;
        const data = generateDataset({ seed: 42, profiles: 100_000, eventsPerProfile: 20, audiences: 30 });

        beforeAll(async () => {
            emu = await start({ dataset: data });
            h = aepHeaders(await tokenFor(emu), emu.orgs.primary);
        });
        afterAll(() => emu.close());

        it('serves the last generated profile and its events next to the seed people', async () => {
            const ids = data.identitiesOf(99_999);
            const res = await call(
                entitiesUrl(emu, { 'schema.name': '_xdm.context.profile', entityId: ids.email, entityIdNS: 'email', withCA: 'true' }),
                { headers: h }
            );
            expect(res.status).toBe(200);
            const entry = (res.body as Record<string, { entity: Record<string, any> }>)[deriveXid('CRMID', ids.crmId)]!;
            expect(entry.entity.personalEmail.address).toBe(ids.email);
            expect(entry.entity._acmetelco.SystemComputedAttributes).toBeDefined();
            const audienceIds = Object.keys(entry.entity.segmentMembership.ups as object);
            const names = await call(`${emu.platformUrl}/data/core/ups/audiences/bulk-get`, {
                method: 'POST',
                headers: { ...h, 'content-type': 'application/json' },
                body: JSON.stringify({ ids: audienceIds.map((id) => ({ id })) })
            });
            expect(names.status).toBe(207);
            const events = await call(
                entitiesUrl(emu, {
                    'schema.name': '_xdm.context.experienceevent',
                    'relatedSchema.name': '_xdm.context.profile',
                    relatedEntityId: ids.crmId,
                    relatedEntityIdNS: 'CRMID'
                }),
                { headers: h }
            );
            expect((events.body as { children: unknown[] }).children).toHaveLength(20);
            const jane = await call(
                entitiesUrl(emu, { 'schema.name': '_xdm.context.profile', entityId: 'jane.doe@example.com', entityIdNS: 'email' }),
                { headers: h }
            );
            expect(jane.status).toBe(200);
        });
    });
});
