import type { RunningEmulator } from '../src';
import { NO_STITCHING_POLICY_ID, SEED_IDENTITIES, deriveXid } from '../src';
import { aepHeaders, call, entitiesUrl, start, tokenFor } from './helpers';
import { expectValidResponse } from './spec';

interface EventPage {
    _page: { orderby: string; start: string; count: number; next: string };
    children: Array<{ relatedEntityId: string; entityId: string; timestamp: number; entity: Record<string, any>; lastModifiedAt: string }>;
    _links: { next: { href: string } };
}

describe('ExperienceEvent look-up (deprecated, edition-gated)', () => {
    let emu: RunningEmulator;
    let h: Record<string, string>;
    const jane = { relatedEntityId: SEED_IDENTITIES.jane.email, relatedEntityIdNS: 'email' };

    beforeAll(async () => {
        emu = await start({ eventLookup: { linked: { enabled: false, refusalStatus: 422 } } });
        h = aepHeaders(await tokenFor(emu), emu.orgs.primary);
    });
    afterAll(() => emu.close());

    const events = async (params: Record<string, string>, headers = h) =>
        call(entitiesUrl(emu, { 'schema.name': '_xdm.context.experienceevent', 'relatedSchema.name': '_xdm.context.profile', ...params }), {
            headers
        });

    async function pageThrough(first: Record<string, string>, cursorParam: 'start' | 'offsets'): Promise<EventPage['children']> {
        const seen: EventPage['children'] = [];
        let res = await events(first);
        for (let guard = 0; guard < 50; guard += 1) {
            expect(res.status).toBe(200);
            const page = res.body as EventPage;
            seen.push(...page.children);
            expect(page._page.count).toBe(page.children.length);
            if (page._page.next === '') {
                expect(page._links.next.href).toBe('');
                return seen;
            }
            // Next page: GET /data/core/ups/access + href (the href starts with /entities).
            let href = page._links.next.href;
            expect(href.startsWith('/entities?start=')).toBe(true);
            if (cursorParam === 'offsets') href = href.replace('?start=', '?offsets=');
            res = await call(`${emu.platformUrl}/data/core/ups/access${href}`, { headers: h });
        }
        throw new Error('paging did not terminate');
    }

    it("pages through all of Jane's events (25+) with _links.next.href, ascending, no duplicates", async () => {
        const all = await pageThrough({ ...jane, limit: '4' }, 'start');
        expect(all.length).toBeGreaterThanOrEqual(25);
        expect(new Set(all.map((e) => e.entityId)).size).toBe(all.length);
        const times = all.map((e) => e.timestamp);
        expect(times).toEqual([...times].sort((a, b) => a - b));
        expect(new Set(all.map((e) => e.relatedEntityId))).toEqual(new Set([deriveXid('CRMID', SEED_IDENTITIES.jane.crmId)]));
        const types = new Set(all.map((e) => e.entity.eventType));
        for (const t of [
            'commerce.purchases',
            'web.webpagedetails.pageViews',
            // Journey Optimizer's message feedback and tracking events.
            'message.feedback',
            'message.tracking'
        ])
            expect(types).toContain(t);
        for (const e of all) expect(e.entity.timestamp).toBe(new Date(e.timestamp).toISOString());
    });

    it('accepts offsets= as the cursor too, and -timestamp ordering', async () => {
        const viaOffsets = await pageThrough({ ...jane, limit: '7', orderby: '-timestamp' }, 'offsets');
        const times = viaOffsets.map((e) => e.timestamp);
        expect(times).toEqual([...times].sort((a, b) => b - a));
        const single = (await events({ ...jane })).body as EventPage;
        expect(viaOffsets.length).toBe(single.children.length);
        expect(single._page.next).toBe('');
    });

    it('treats an unencoded + in orderby (a space) as ascending', async () => {
        const res = await call(
            `${entitiesUrl(emu, { 'schema.name': '_xdm.context.experienceevent', 'relatedSchema.name': '_xdm.context.profile', ...jane })}&orderby=+timestamp&limit=3`,
            { headers: h }
        );
        expect(res.status).toBe(200);
        expect((res.body as EventPage)._page.orderby).toBe('timestamp');
    });

    it('filters startTime inclusive, endTime exclusive', async () => {
        const all = ((await events({ ...jane })).body as EventPage).children;
        const [a, b, c] = [all[3]!, all[4]!, all[5]!];
        const window = ((await events({ ...jane, startTime: String(a.timestamp), endTime: String(c.timestamp) })).body as EventPage)
            .children;
        expect(window.map((e) => e.entityId)).toEqual([a.entityId, b.entityId]);
    });

    it('applies property filters (up to 3) and fields projection', async () => {
        const url = `${entitiesUrl(emu, { 'schema.name': '_xdm.context.experienceevent', 'relatedSchema.name': '_xdm.context.profile', ...jane, fields: 'eventType,commerce.order.priceTotal' })}&property=${encodeURIComponent('eventType=commerce.purchases')}&property=${encodeURIComponent('commerce.order.priceTotal>=40')}`;
        const res = await call(url, { headers: h });
        const children = (res.body as EventPage).children;
        expect(children.length).toBeGreaterThan(0);
        for (const e of children) {
            expect(e.entity).toEqual({ eventType: 'commerce.purchases', commerce: { order: { priceTotal: expect.any(Number) } } });
            expect(e.entity.commerce.order.priceTotal).toBeGreaterThanOrEqual(40);
        }
        const dated = await call(
            `${entitiesUrl(emu, { 'schema.name': '_xdm.context.experienceevent', 'relatedSchema.name': '_xdm.context.profile', ...jane })}&property=${encodeURIComponent('timestamp>="2026-11-10"')}`,
            { headers: h }
        );
        for (const e of (dated.body as EventPage).children) expect(e.entity.timestamp >= '2026-11-10').toBe(true);
    });

    it("returns the collapsed household's events under one profile; without stitching each record's under its own", async () => {
        const phone = { relatedEntityId: SEED_IDENTITIES.sam.phone, relatedEntityIdNS: 'phone' };
        const merged = (await events(phone)).body as EventPage;
        expect(new Set(merged.children.map((e) => e.relatedEntityId))).toEqual(new Set([deriveXid('CRMID', SEED_IDENTITIES.sam.crmId)]));
        // Sam's record's 5 (the household email's delivery and open among them) and Alex's 3.
        expect(merged.children).toHaveLength(8);
        const apart = (await events({ ...phone, mergePolicyId: NO_STITCHING_POLICY_ID })).body as EventPage;
        expect(new Set(apart.children.map((e) => e.relatedEntityId))).toEqual(
            new Set([deriveXid('CRMID', SEED_IDENTITIES.sam.crmId), deriveXid('CRMID', SEED_IDENTITIES.alex.crmId)])
        );
    });

    it('refuses an org without event look-up with the configured status (422 here), and Prime with the edition 403', async () => {
        const linked = aepHeaders(await tokenFor(emu, emu.orgs.linked), emu.orgs.linked);
        const res = await events({ ...jane }, linked);
        expect(res.status).toBe(422);
        expect(res.body).toMatchObject({ statusCode: '422', message: expect.stringMatching(/not enabled/) });
        // Profiles still work there.
        const profile = await call(
            entitiesUrl(emu, { 'schema.name': '_xdm.context.profile', entityId: SEED_IDENTITIES.jane.email, entityIdNS: 'email' }),
            { headers: linked }
        );
        expect(profile.status).toBe(200);
        const prime = aepHeaders(await tokenFor(emu, emu.orgs.prime), emu.orgs.prime);
        const refused = await events({ ...jane }, prime);
        expect(refused.status).toBe(403);
        expect(refused.body).toEqual({ message: 'UPS-ACC-1000004: IMS Org is not provisioned.', statusCode: '403' });
    });

    it('switches event look-up off for the primary org when configured (EMULATOR_EVENTS=off)', async () => {
        const off = await start({ eventLookup: { primary: { enabled: false } } });
        try {
            const headers = aepHeaders(await tokenFor(off), off.orgs.primary);
            const res = await call(
                entitiesUrl(off, { 'schema.name': '_xdm.context.experienceevent', 'relatedSchema.name': '_xdm.context.profile', ...jane }),
                { headers }
            );
            expect(res.status).toBe(403);
            expect(off.orgs.primary.eventLookupEnabled).toBe(false);
        } finally {
            await off.close();
        }
    });

    it('answers 400 without relatedSchema.name or relatedEntityId', async () => {
        const noRelated = await call(entitiesUrl(emu, { 'schema.name': '_xdm.context.experienceevent', ...jane }), { headers: h });
        expect(noRelated.status).toBe(400);
        const noId = await events({ relatedEntityIdNS: 'email' });
        expect(noId.status).toBe(400);
    });
});

describe('ExperienceEvent look-up, POST form', () => {
    let emu: RunningEmulator;
    let h: Record<string, string>;

    beforeAll(async () => {
        emu = await start();
        h = { ...aepHeaders(await tokenFor(emu), emu.orgs.primary), 'content-type': 'application/json' };
    });
    afterAll(() => emu.close());

    const post = (body: unknown) =>
        call(`${emu.platformUrl}/data/core/ups/access/entities`, { method: 'POST', headers: h, body: JSON.stringify(body) });

    it("pages through Jane's events by re-POSTing _links.next.payload", async () => {
        const janeXid = deriveXid('Email', SEED_IDENTITIES.jane.email);
        let body: unknown = {
            schema: { name: '_xdm.context.experienceevent' },
            relatedSchema: { name: '_xdm.context.profile' },
            identities: [{ relatedEntityId: SEED_IDENTITIES.jane.email, relatedEntityIdNS: { code: 'email' } }],
            fields: ['eventType'],
            limit: 10,
            orderby: '-timestamp'
        };
        const seen: number[] = [];
        for (let guard = 0; guard < 10; guard += 1) {
            const res = await post(body);
            expect(res.status).toBe(200);
            const entry = (
                res.body as Record<
                    string,
                    {
                        _page: { count: number; next: string };
                        children: Array<{ timestamp: number; entity: object }>;
                        _links: { next: { href: string; payload?: unknown } };
                    }
                >
            )[janeXid]!;
            expect(entry._page.count).toBe(entry.children.length);
            for (const child of entry.children) expect(Object.keys(child.entity)).toEqual(['eventType']);
            seen.push(...entry.children.map((c) => c.timestamp));
            if (entry._page.next === '') {
                expect(entry._links.next).toEqual({ href: '' });
                break;
            }
            expect(entry._links.next.href).toBe('/entities');
            body = entry._links.next.payload;
        }
        expect(seen.length).toBeGreaterThanOrEqual(25);
        expect(seen).toEqual([...seen].sort((a, b) => b - a));
        await expectValidResponse(
            'history/profile@83027f4d.yaml',
            'retrieveMultipleEntities',
            200,
            (await post({ ...(body as object) })).body
        );
    });

    it('applies timeFilter (start inclusive, end exclusive) and answers 207 for the >50 identity graph', async () => {
        const base = { schema: { name: '_xdm.context.experienceevent' }, relatedSchema: { name: '_xdm.context.profile' } };
        const all = await post({
            ...base,
            identities: [{ relatedEntityId: SEED_IDENTITIES.maria.crmId, relatedEntityIdNS: { code: 'CRMID' } }]
        });
        const children = Object.values(all.body as Record<string, { children: Array<{ timestamp: number }> }>)[0]!.children;
        const window = await post({
            ...base,
            identities: [{ relatedEntityId: SEED_IDENTITIES.maria.crmId, relatedEntityIdNS: { code: 'CRMID' } }],
            timeFilter: { startTime: children[1]!.timestamp, endTime: children[3]!.timestamp }
        });
        expect(Object.values(window.body as Record<string, { children: unknown[] }>)[0]!.children).toHaveLength(2);
        const heavy = await post({
            ...base,
            identities: [{ relatedEntityId: SEED_IDENTITIES.gary.email, relatedEntityIdNS: { code: 'email' } }]
        });
        expect(heavy.status).toBe(207);
        await expectValidResponse('history/profile@83027f4d.yaml', 'retrieveMultipleEntities', 207, heavy.body);
        const noRelated = await post({ schema: { name: '_xdm.context.experienceevent' }, identities: [{ relatedEntityId: 'x' }] });
        expect(noRelated.status).toBe(400);
        await expectValidResponse('history/profile@83027f4d.yaml', 'retrieveMultipleEntities', 400, noRelated.body);
    });
});
