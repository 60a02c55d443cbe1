import { json, RECORDS, startHarness, type Harness } from './support/harness';

/** Fault injection through the emulator: each mode must lead to the documented behaviour. */
describe('AEP failures', () => {
    let h: Harness;
    beforeAll(async () => {
        h = await startHarness({
            env: { AEP_PROFILE_TIMEOUT_MS: '250', AEP_EVENTS_TIMEOUT_MS: '250', PROXY_BUDGET_MS: '1500', AEP_BREAKER_FAILURES: '50' }
        });
    });
    afterAll(async () => {
        await h.close();
    });
    beforeEach(() => {
        h.emulator.faults.clear();
        h.emulator.resetStats();
    });

    it('retries a 503 and succeeds', async () => {
        h.emulator.faults.set({ group: 'entities', action: { type: 'status', status: 503 }, mode: { type: 'next', count: 1 } });
        const res = await h.lookup({ record: RECORDS.janeByEmail, refresh: true });
        expect(res.statusCode).toBe(200);
        expect(json(res).freshness.stale).toBe(false);
        expect(h.emulator.stats().byGroup.entities).toBe(2);
    });

    it('honours a 429 with retryAfterMs and succeeds', async () => {
        h.emulator.faults.set({
            group: 'entities',
            action: { type: 'status', status: 429, retryAfterMs: 30 },
            mode: { type: 'next', count: 1 }
        });
        const res = await h.lookup({ record: RECORDS.janeByEmail, refresh: true });
        expect(res.statusCode).toBe(200);
        expect(h.emulator.stats().byGroup.entities).toBe(2);
    });

    it('retries malformed JSON and succeeds', async () => {
        h.emulator.faults.set({ group: 'entities', action: { type: 'malformedJson' }, mode: { type: 'next', count: 1 } });
        const res = await h.lookup({ record: RECORDS.janeByEmail, refresh: true });
        expect(res.statusCode).toBe(200);
    });

    it('serves the last good card marked stale when AEP keeps failing', async () => {
        expect((await h.lookup({ record: RECORDS.janeByEmail, refresh: true })).statusCode).toBe(200);
        h.emulator.faults.set({ group: 'entities', action: { type: 'status', status: 500 } });
        const res = await h.lookup({ record: RECORDS.janeByEmail, refresh: true });
        expect(res.statusCode).toBe(200);
        const card = json(res);
        expect(card.freshness).toMatchObject({ stale: true, staleReason: 'UPSTREAM_UNAVAILABLE', fromCache: true });
        expect(card.person.displayName).toBe('Jane Doe');
    });

    it('answers 503 UPSTREAM_UNAVAILABLE when AEP fails and nothing is cached', async () => {
        h.emulator.faults.set({ group: 'entities', action: { type: 'status', status: 502 } });
        const res = await h.lookup({
            record: { objectApiName: 'Contact', recordId: '0038c00002MLopzAAD', fields: { Email: 'maria.lopez@example.com' } }
        });
        expect(res.statusCode).toBe(503);
        expect(json(res).error).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', details: { upstream: 'profile', upstreamStatus: 502 } });
        expect(h.emulator.stats().byGroup.entities).toBe(3); // the configured attempts, no more
    });

    it('answers 429 RATE_LIMITED with Retry-After when AEP throttles every attempt', async () => {
        h.emulator.faults.set({ group: 'entities', action: { type: 'status', status: 429, retryAfterMs: 2000 } });
        const res = await h.lookup({
            record: { objectApiName: 'Lead', recordId: '00Q8c00000ThrotEAD', fields: { Email: 'sam.rivera@example.com' } }
        });
        expect(res.statusCode).toBe(429);
        expect(json(res).error.code).toBe('RATE_LIMITED');
        expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    });

    it('gives up inside the budget when AEP hangs: 504 UPSTREAM_TIMEOUT', async () => {
        h.emulator.faults.set({ group: 'entities', action: { type: 'timeout' } });
        const res = await h.lookup({
            record: { objectApiName: 'Lead', recordId: '00Q8c00000HangsEAD', fields: { Email: 'alex.rivera@example.com' } }
        });
        expect(res.statusCode).toBe(504);
        expect(json(res).error.code).toBe('UPSTREAM_TIMEOUT');
    });

    it('serves the card with events in error when only the events call fails', async () => {
        h.emulator.faults.set({ group: 'events', action: { type: 'status', status: 500 } });
        const res = await h.lookup({ record: RECORDS.kenjiLead, refresh: true });
        expect(res.statusCode).toBe(200);
        expect(json(res).events).toMatchObject({ status: 'error', reason: 'HTTP_500', items: [] });
    });

    it('serves the card with events in error when the events call times out', async () => {
        h.emulator.faults.set({ group: 'events', action: { type: 'timeout' } });
        const res = await h.lookup({ record: RECORDS.kenjiLead, refresh: true });
        expect(res.statusCode).toBe(200);
        expect(json(res).events).toMatchObject({ status: 'error', reason: 'TIMEOUT' });
    });

    it('never retries events once the profile has answered', async () => {
        // Events fail after the profile call is done: one events call, not AEP_RETRY_MAX_ATTEMPTS.
        h.emulator.faults.set({ group: 'events', action: { type: 'latency', ms: 60 } });
        h.emulator.faults.set({ group: 'events', action: { type: 'status', status: 500 } });
        const res = await h.lookup({ record: RECORDS.kenjiLead, refresh: true });
        expect(res.statusCode).toBe(200);
        expect(json(res).events).toMatchObject({ status: 'error', reason: 'HTTP_500' });
        expect(h.emulator.stats().byGroup.events).toBe(1);
    });

    it('still retries events while the profile is on its way', async () => {
        h.emulator.faults.set({ group: 'entities', action: { type: 'latency', ms: 150 } });
        h.emulator.faults.set({ group: 'events', action: { type: 'status', status: 503 }, mode: { type: 'next', count: 1 } });
        const res = await h.lookup({ record: RECORDS.kenjiLead, refresh: true });
        expect(res.statusCode).toBe(200);
        expect(json(res).events.status).toBe('available');
        expect(h.emulator.stats().byGroup.events).toBe(2);
    });

    it('retries a timed-out profile call once, and only once, when no stale card exists', async () => {
        h.emulator.faults.set({ group: 'entities', action: { type: 'timeout' } });
        const started = performance.now();
        const res = await h.lookup({
            record: { objectApiName: 'Lead', recordId: '00Q8c00000HangtEAD', fields: { Email: 'hang.twice@example.com' } }
        });
        expect(res.statusCode).toBe(504);
        expect(json(res).error).toMatchObject({ code: 'UPSTREAM_TIMEOUT', details: { upstream: 'profile' } });
        expect(h.emulator.stats().byGroup.entities).toBe(2);
        // Two per-call timeouts (250 ms) and a backoff, well inside the 1.5 s budget.
        expect(performance.now() - started).toBeLessThan(1400);
    });

    it('answers with the stale card after one per-call timeout when AEP hangs', async () => {
        expect((await h.lookup({ record: RECORDS.janeByEmail, refresh: true })).statusCode).toBe(200);
        h.emulator.resetStats();
        h.emulator.faults.set({ group: 'entities', action: { type: 'timeout' } });
        const res = await h.lookup({ record: RECORDS.janeByEmail, refresh: true });
        expect(res.statusCode).toBe(200);
        expect(json(res).freshness).toMatchObject({ stale: true, staleReason: 'UPSTREAM_TIMEOUT' });
        expect(h.emulator.stats().byGroup.entities).toBe(1);
    });
});

describe('audience names', () => {
    let h: Harness;
    beforeAll(async () => {
        h = await startHarness();
    });
    afterAll(async () => {
        await h.close();
    });

    it('fall back to audience ids when the segmentation API fails, and resolve once it recovers', async () => {
        h.emulator.faults.set({ group: 'audiences', action: { type: 'status', status: 500 } });
        const res = await h.lookup({ record: RECORDS.janeByEmail, refresh: true });
        expect(res.statusCode).toBe(200);
        const audiences = json(res).audiences as Array<{ id: string; name: string; nameResolved: boolean }>;
        expect(audiences.length).toBeGreaterThan(0);
        for (const a of audiences) expect(a).toMatchObject({ name: a.id, nameResolved: false });
        h.emulator.faults.clear();
        const again = await h.lookup({ record: RECORDS.janeByEmail, refresh: true });
        expect((json(again).audiences as Array<{ nameResolved: boolean }>).some((a) => a.nameResolved)).toBe(true);
    });
});

describe('circuit breaker', () => {
    let h: Harness;
    beforeAll(async () => {
        h = await startHarness({ env: { AEP_BREAKER_FAILURES: '3', AEP_BREAKER_HALF_OPEN_MS: '60000', AEP_RETRY_MAX_ATTEMPTS: '1' } });
    });
    afterAll(async () => {
        await h.close();
    });

    it('opens after repeated failures, stops calling AEP, logs the transition and keeps the instance ready', async () => {
        await h.proxy.warmUp();
        h.emulator.faults.set({ group: 'entities', action: { type: 'status', status: 500 } });
        for (let i = 0; i < 3; i++) {
            const r = await h.lookup({
                record: { objectApiName: 'Lead', recordId: `00Q8c00000Brk${i}0EAD`, fields: { Email: `nobody${i}@example.com` } }
            });
            expect(r.statusCode).toBe(503);
        }
        h.emulator.resetStats();
        const res = await h.lookup({ record: RECORDS.kenjiLead });
        expect(res.statusCode).toBe(503);
        expect(json(res).error).toMatchObject({
            code: 'UPSTREAM_UNAVAILABLE',
            details: { upstream: 'profile', upstreamStatus: 500, reason: 'CIRCUIT_OPEN' }
        });
        expect(json(res).error.message).toMatch(/AEP answered 500, repeatedly; .*circuit open/);
        expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
        expect(h.emulator.stats().byGroup.entities ?? 0).toBe(0);
        const opened = h.logs
            .map((l) => JSON.parse(l) as Record<string, unknown>)
            .find((l) => l.upstream === 'profile' && l.state === 'open');
        expect(opened).toMatchObject({ level: 'warn', cause: { kind: 'http', status: 500 } });
        const ready = await h.proxy.app.inject({ method: 'GET', url: '/readyz' });
        expect(ready.statusCode).toBe(200);
        expect(json(ready).aep).toBe('degraded');
        const health = json(await h.proxy.app.inject({ method: 'GET', url: '/healthz' }));
        expect(health.aep.checks.circuits).toEqual({ ok: false, detail: 'profile open' });
        const metrics = await h.proxy.app.inject({ method: 'GET', url: '/metrics' });
        expect(metrics.body).toMatch(/proxy_circuit_breaker_state\{upstream="profile"\} 1/);
        expect(metrics.body).toMatch(/^proxy_aep_degraded 1$/m);
    });
});

describe('circuit breaker opened by timeouts', () => {
    let h: Harness;
    beforeAll(async () => {
        h = await startHarness({
            env: { AEP_BREAKER_FAILURES: '3', AEP_BREAKER_HALF_OPEN_MS: '60000', AEP_PROFILE_TIMEOUT_MS: '150', PROXY_BUDGET_MS: '2000' }
        });
    });
    afterAll(async () => {
        await h.close();
    });

    it('answers 504 UPSTREAM_TIMEOUT, never 503 "circuit open", whatever the moment the breaker opens', async () => {
        h.emulator.faults.set({ group: 'entities', action: { type: 'timeout' } });
        const codes: string[] = [];
        for (let i = 0; i < 4; i++) {
            const r = await h.lookup({
                record: { objectApiName: 'Lead', recordId: `00Q8c00000Hng${i}0EAD`, fields: { Email: `hanging${i}@example.com` } }
            });
            expect(r.statusCode).toBe(504);
            codes.push(json(r).error.code);
        }
        expect(new Set(codes)).toEqual(new Set(['UPSTREAM_TIMEOUT']));
        // By now the breaker is open: the answer is immediate and still names the timeouts.
        const fast = await h.lookup({ record: RECORDS.kenjiLead });
        expect(fast.statusCode).toBe(504);
        expect(json(fast).error).toMatchObject({ code: 'UPSTREAM_TIMEOUT', details: { reason: 'CIRCUIT_OPEN', upstream: 'profile' } });
    });
});

describe('outbound rate limit (protecting AEP)', () => {
    let h: Harness;
    beforeAll(async () => {
        h = await startHarness({ env: { AEP_MAX_RPS: '1', AEP_BURST: '6' } });
        await h.proxy.warmUp();
    });
    afterAll(async () => {
        await h.close();
    });

    it('fails fast with 429 + Retry-After, or serves stale, instead of queueing', async () => {
        const first = await h.lookup({ record: RECORDS.janeByEmail, maxEvents: 0 });
        expect(first.statusCode).toBe(200);
        const answers = [];
        for (let i = 0; i < 6; i++)
            answers.push(
                await h.lookup({
                    record: { objectApiName: 'Lead', recordId: `00Q8c00000Rate${i}EAD`, fields: { Email: `rate${i}@example.com` } },
                    maxEvents: 0
                })
            );
        const limited = answers.filter((r) => r.statusCode === 429);
        expect(limited.length).toBeGreaterThan(0);
        expect(json(limited[0]!).error.code).toBe('RATE_LIMITED');
        expect(Number(limited[0]!.headers['retry-after'])).toBeGreaterThanOrEqual(1);
        // A refresh of a card we have is served stale rather than refused.
        const stale = await h.lookup({ record: RECORDS.janeByEmail, maxEvents: 0, refresh: true });
        expect(stale.statusCode).toBe(200);
        expect(json(stale).freshness).toMatchObject({ stale: true, staleReason: 'RATE_LIMITED' });
    });
});

describe('IMS token', () => {
    let h: Harness;
    beforeAll(async () => {
        h = await startHarness({ emulator: { tokenLifetimeSeconds: 1 } });
    });
    afterAll(async () => {
        await h.close();
    });

    it('refreshes an expired short-lived token', async () => {
        expect((await h.lookup({ record: RECORDS.janeByEmail, refresh: true })).statusCode).toBe(200);
        h.emulator.resetStats();
        await new Promise((r) => setTimeout(r, 1200));
        expect((await h.lookup({ record: RECORDS.janeByEmail, refresh: true })).statusCode).toBe(200);
        expect(h.emulator.stats().byGroup.ims).toBe(1);
    });

    it('drops a revoked token on 401, gets a new one and retries once', async () => {
        h.emulator.setTokenLifetime(3600);
        expect((await h.lookup({ record: RECORDS.kenjiLead, refresh: true })).statusCode).toBe(200);
        h.emulator.revokeTokens();
        h.emulator.resetStats();
        const res = await h.lookup({ record: RECORDS.kenjiLead, refresh: true });
        expect(res.statusCode).toBe(200);
        expect(json(res).freshness.stale).toBe(false);
        expect(h.emulator.stats().byGroup.ims).toBe(1);
    });

    it('asks IMS once when many look-ups need a new token at the same time', async () => {
        h.emulator.revokeTokens();
        h.emulator.setTokenLifetime(3600);
        await new Promise((r) => setTimeout(r, 1100));
        h.emulator.resetStats();
        const answers = await Promise.all(
            Array.from({ length: 10 }, (_, i) =>
                h.lookup({
                    record: { objectApiName: 'Lead', recordId: `00Q8c00000Tok${i}0EAD`, fields: { Email: `token${i}@example.com` } }
                })
            )
        );
        expect(answers.every((r) => r.statusCode === 404)).toBe(true);
        expect(h.emulator.stats().byGroup.ims).toBe(1);
    });
});

describe('coalescing', () => {
    let h: Harness;
    beforeAll(async () => {
        h = await startHarness();
        await h.proxy.warmUp();
    });
    afterAll(async () => {
        await h.close();
    });

    it('turns 100 concurrent identical look-ups into exactly one upstream profile call', async () => {
        h.emulator.faults.set({ group: 'entities', action: { type: 'latency', ms: 50 } });
        h.emulator.resetStats();
        const answers = await Promise.all(Array.from({ length: 100 }, () => h.lookup({ record: RECORDS.janeContact })));
        expect(answers.every((r) => r.statusCode === 200)).toBe(true);
        expect(new Set(answers.map((r) => json(r).profileId)).size).toBe(1);
        expect(h.emulator.stats().byGroup.entities).toBe(1);
        expect(h.emulator.stats().byGroup.events).toBe(1);
        const metrics = await h.proxy.app.inject({ method: 'GET', url: '/metrics' });
        expect(metrics.body).toMatch(/proxy_coalesced_lookups_total\{scope="local"\} 99/);
    });
});
