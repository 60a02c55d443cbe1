import type { RunningEmulator } from '../src';
import { SEED_IDENTITIES } from '../src';
import { aepHeaders, call, entitiesUrl, start, tokenFor } from './helpers';

describe('fault injection and stats', () => {
    let emu: RunningEmulator;
    let h: Record<string, string>;

    beforeAll(async () => {
        emu = await start();
        h = aepHeaders(await tokenFor(emu), emu.orgs.primary);
    });
    beforeEach(() => {
        emu.faults.clear();
        emu.resetStats();
    });
    afterAll(() => emu.close());

    const profileUrl = () =>
        entitiesUrl(emu, { 'schema.name': '_xdm.context.profile', entityId: SEED_IDENTITIES.jane.email, entityIdNS: 'email' });
    const lookup = (init: RequestInit = {}) => fetch(profileUrl(), { headers: h, ...init });
    const namespaces = () => fetch(`${emu.identityUrl}/data/core/idnamespace/identities`, { headers: h });

    it('counts calls per route and group (exactly one upstream profile call)', async () => {
        await (await lookup()).text();
        await (await namespaces()).text();
        const stats = emu.stats();
        expect(stats.byRoute['GET /data/core/ups/access/entities']).toBe(1);
        expect(stats.byGroup.entities).toBe(1);
        expect(stats.byGroup.identity).toBe(1);
        expect(stats.total).toBe(2);
        emu.resetStats();
        expect(emu.stats()).toEqual({ total: 0, byRoute: {}, byGroup: {} });
    });

    it('adds latency to one group only', async () => {
        emu.faults.set({ group: 'entities', action: { type: 'latency', ms: 150 } });
        let t = Date.now();
        await (await lookup()).text();
        expect(Date.now() - t).toBeGreaterThanOrEqual(140);
        t = Date.now();
        await (await namespaces()).text();
        expect(Date.now() - t).toBeLessThan(140);
    });

    it('fails only the next N requests, then recovers', async () => {
        emu.faults.set({
            group: 'entities',
            action: { type: 'status', status: 503, retryAfterMs: 2000 },
            mode: { type: 'next', count: 2 }
        });
        const first = await lookup();
        expect(first.status).toBe(503);
        expect(first.headers.get('retry-after')).toBe('2');
        expect(await first.json()).toEqual({ error_code: '503000', message: 'Service Unavailable' });
        expect((await lookup()).status).toBe(503);
        expect((await lookup()).status).toBe(200);
        expect(emu.faults.list()).toEqual([]);
    });

    it('queues terminal rules in the order set; a new latency rule replaces the old one', async () => {
        emu.faults.set({ group: 'entities', action: { type: 'status', status: 429 }, mode: { type: 'next', count: 1 } });
        emu.faults.set({ group: 'entities', action: { type: 'status', status: 500 }, mode: { type: 'next', count: 1 } });
        expect((await lookup()).status).toBe(429);
        expect((await lookup()).status).toBe(500);
        expect((await lookup()).status).toBe(200);
        emu.faults.set({ group: 'identity', action: { type: 'latency', ms: 10 } });
        emu.faults.set({ group: 'identity', action: { type: 'latency', ms: 20 } });
        expect(emu.faults.list()).toEqual([expect.objectContaining({ group: 'identity', action: { type: 'latency', ms: 20 } })]);
        const id = emu.faults.list()[0]!.id;
        expect(emu.faults.remove(id)).toBe(true);
        expect(emu.faults.list()).toEqual([]);
    });

    it('fires with a seeded probability, reproducibly', async () => {
        const run = async () => {
            emu.faults.clear();
            emu.faults.set({
                group: 'all',
                action: { type: 'status', status: 502 },
                mode: { type: 'probability', probability: 0.5, seed: 1234 }
            });
            const statuses: number[] = [];
            for (let i = 0; i < 16; i += 1) {
                const res = await namespaces();
                await res.text();
                statuses.push(res.status);
            }
            return statuses;
        };
        const a = await run();
        const b = await run();
        expect(a).toEqual(b);
        expect(new Set(a)).toEqual(new Set([200, 502]));
    });

    it('serves malformed JSON', async () => {
        emu.faults.set({ group: 'entities', action: { type: 'malformedJson' }, mode: { type: 'next', count: 1 } });
        const res = await lookup();
        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toMatch(/application\/json/);
        await expect(res.json()).rejects.toThrow(/JSON/);
    });

    it('resets the connection', async () => {
        emu.faults.set({ group: 'entities', action: { type: 'connectionReset' }, mode: { type: 'next', count: 1 } });
        await expect(lookup()).rejects.toThrow(/fetch failed/);
        expect((await lookup()).status).toBe(200);
    });

    it('holds a request without answering until the client gives up', async () => {
        emu.faults.set({ group: 'entities', action: { type: 'timeout' }, mode: { type: 'next', count: 1 } });
        await expect(lookup({ signal: AbortSignal.timeout(200) })).rejects.toThrow(/aborted|timeout/i);
        expect((await lookup()).status).toBe(200);
    });

    it('close() does not wait for hung requests or pending latency', async () => {
        const other = await start({
            faults: [
                { group: 'identity', action: { type: 'timeout' } },
                { group: 'entities', action: { type: 'latency', ms: 60000 } }
            ]
        });
        const headers = aepHeaders(await tokenFor(other), other.orgs.primary);
        const hung = fetch(`${other.identityUrl}/data/core/idnamespace/identities`, { headers });
        const slow = fetch(entitiesUrl(other, { 'schema.name': '_xdm.context.profile', entityId: 'x', entityIdNS: 'email' }), { headers });
        await new Promise((r) => setTimeout(r, 100));
        const t = Date.now();
        await other.close();
        expect(Date.now() - t).toBeLessThan(5000);
        await expect(hung).rejects.toThrow();
        await slow.then((r) => r.text()).catch(() => undefined);
    });

    it('answers 429/500 in the style of each group (IMS, audiences)', async () => {
        emu.faults.set({ group: 'ims', action: { type: 'status', status: 429, retryAfterMs: 3000 }, mode: { type: 'next', count: 1 } });
        const ims = await call(`${emu.imsUrl}/ims/token/v3`, {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: 'grant_type=client_credentials'
        });
        expect(ims.status).toBe(429);
        expect(ims.headers.get('retry-after')).toBe('3');
        expect(ims.body).toMatchObject({ error: expect.any(String) });
        emu.faults.set({ group: 'audiences', action: { type: 'status', status: 500 }, mode: { type: 'next', count: 1 } });
        const aud = await call(`${emu.platformUrl}/data/core/ups/audiences/x`, { headers: h });
        expect(aud.status).toBe(500);
        expect(aud.body).toEqual({
            message: 'Unable to connect to server',
            cause: 'Status Code - 500 : Connection Timeout',
            statusCode: '500'
        });
    });

    it('is controllable over HTTP: /__emulator/faults and /__emulator/stats', async () => {
        const admin = `${emu.platformUrl}/__emulator`;
        const bad = await call(`${admin}/faults`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ group: 'entities', action: { type: 'status', status: 418 } })
        });
        expect(bad.status).toBe(400);
        const added = await call(`${admin}/faults`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({
                rules: [
                    { group: 'events', action: { type: 'status', status: 429 } },
                    { group: 'entities', action: { type: 'status', status: 502 }, mode: { type: 'next', count: 1 } }
                ]
            })
        });
        expect(added.status).toBe(201);
        expect((added.body as { ids: string[] }).ids).toHaveLength(2);
        expect((await lookup()).status).toBe(502);
        const events = await call(
            entitiesUrl(emu, {
                'schema.name': '_xdm.context.experienceevent',
                'relatedSchema.name': '_xdm.context.profile',
                relatedEntityId: 'x',
                relatedEntityIdNS: 'email'
            }),
            { headers: h }
        );
        expect(events.status).toBe(429);
        expect((await call(`${admin}/faults?group=events`, { method: 'DELETE' })).status).toBe(204);
        expect(((await call(`${admin}/faults`)).body as { faults: unknown[] }).faults).toEqual([]);
        const stats = await call(`${admin}/stats`);
        expect(stats.body).toMatchObject({ byGroup: { entities: 1, events: 1 }, byRoute: { 'GET /data/core/ups/access/entities': 2 } });
        expect((await call(`${admin}/stats/reset`, { method: 'POST' })).status).toBe(204);
        expect(((await call(`${admin}/stats`)).body as { total: number }).total).toBe(0);
    });

    it('DELETE /__emulator/faults goes back to the start-up rules: injected faults go, the configured latency stays', async () => {
        const latency = { group: 'entities', action: { type: 'latency', ms: 120 } } as const;
        const other = await start({ faults: [latency] });
        try {
            const admin = `${other.platformUrl}/__emulator/faults`;
            const headers = aepHeaders(await tokenFor(other), other.orgs.primary);
            const url = entitiesUrl(other, {
                'schema.name': '_xdm.context.profile',
                entityId: SEED_IDENTITIES.jane.email,
                entityIdNS: 'email'
            });
            await call(admin, {
                method: 'POST',
                headers: { 'content-type': 'application/json' },
                body: JSON.stringify({ group: 'all', action: { type: 'status', status: 503 } })
            });
            expect((await fetch(url, { headers })).status).toBe(503);
            expect((await call(admin, { method: 'DELETE' })).status).toBe(204);
            const left = ((await call(admin)).body as { faults: { group: string; action: unknown }[] }).faults;
            expect(left.map(({ group, action }) => ({ group, action }))).toEqual([latency]);
            const t = Date.now();
            const res = await fetch(url, { headers });
            expect(res.status).toBe(200);
            expect(Date.now() - t).toBeGreaterThanOrEqual(110);
            // clear() is the programmatic "no rules at all", start-up ones included.
            other.faults.clear();
            expect(other.faults.list()).toEqual([]);
        } finally {
            await other.close();
        }
    });

    it('changes token lifetime and rate limit over HTTP', async () => {
        const admin = `${emu.platformUrl}/__emulator`;
        const res = await call(`${admin}/settings`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ tokenLifetimeSeconds: 5, rateLimit: { requestsPerSecond: 0 } })
        });
        expect(res.body).toEqual({
            tokenLifetimeSeconds: 5,
            rateLimit: { requestsPerSecond: 0 },
            multiEntityKeying: { primary: 'perRequestedIdentity', prime: 'perRequestedIdentity', linked: 'perRequestedIdentity' }
        });
        const token = await call(`${emu.imsUrl}/ims/token/v3`, {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams({
                grant_type: 'client_credentials',
                client_id: emu.orgs.primary.clientId,
                client_secret: emu.orgs.primary.clientSecret,
                scope: 'openid'
            }).toString()
        });
        expect((token.body as { expires_in: number }).expires_in).toBe(5);
        emu.setTokenLifetime(86399);
        const revoke = await call(`${admin}/tokens/revoke`, { method: 'POST' });
        expect((revoke.body as { revoked: number }).revoked).toBeGreaterThan(0);
        expect((await lookup()).status).toBe(401);
        h = aepHeaders(await tokenFor(emu), emu.orgs.primary);
    });
});
