import { MAX_WARM_RECORDS } from '../src/contract/warmRequest';
import { json, PROXY_KEY, RECORDS, startHarness, type Harness } from './support/harness';

/** The records of one warm request as the Apex job (ProfileCardWarmer) sends them, with the relay's maxEvents. */
const warmBody = (records: readonly unknown[]) => ({ records, maxEvents: 10, includeSensitive: false });

const auditLines = (h: Harness, requestId: string) =>
    h.logs.map((l) => JSON.parse(l)).filter((l) => l.audit === true && l.requestId === requestId);

const upstreamOf = (h: Harness, requestId: string) => h.upstream.filter((r) => r.headers['x-request-id'] === requestId);

function warm(h: Harness, body: unknown, requestId: string, headers: Record<string, string> = { 'x-proxy-key': PROXY_KEY }) {
    return h.proxy.app.inject({
        method: 'POST',
        url: '/v1/profiles/warm',
        headers: { 'content-type': 'application/json', 'x-request-id': requestId, ...headers },
        payload: JSON.stringify(body)
    });
}

describe('POST /v1/profiles/warm (cards made ready before the agent opens the record)', () => {
    let h: Harness;
    beforeAll(async () => {
        h = await startHarness();
    });
    afterAll(async () => {
        await h.close();
    });

    it('answers 202 at once, then fills the cache the agent look-up reads, with one audit line per record that no agent viewed', async () => {
        const res = await warm(h, warmBody([RECORDS.janeCase, RECORDS.kenjiLead]), 'warm-1');
        expect(res.statusCode).toBe(202);
        expect(json(res)).toEqual({ accepted: 2, dropped: 0 });
        await h.proxy.warmingIdle();

        const lines = auditLines(h, 'warm-1');
        expect(lines).toHaveLength(2);
        for (const line of lines) {
            expect(line).toMatchObject({
                msg: 'profile warmed',
                source: 'warm',
                viewed: false,
                agentId: null,
                callerAuth: 'shared-secret'
            });
            expect(line).toMatchObject({ outcome: 'OK', cardFrom: 'aep' });
        }
        expect(lines.map((l) => l.recordId).sort()).toEqual([RECORDS.janeCase.recordId, RECORDS.kenjiLead.recordId].sort());
        // Identity values never reach the log.
        expect(JSON.stringify(lines)).not.toContain('jane.doe@example.com');

        // The agent opens the Case: a cache hit, no AEP call.
        const before = h.upstream.length;
        const look = await h.lookup({ record: RECORDS.janeCase, maxEvents: 10, includeSensitive: false }, { 'x-request-id': 'agent-1' });
        expect(look.statusCode).toBe(200);
        expect(json(look).freshness.fromCache).toBe(true);
        expect(h.upstream.length).toBe(before);
        expect(auditLines(h, 'agent-1')[0]).toMatchObject({ msg: 'profile look-up', source: 'cache', agentId: '0058c00000AgentAAA' });
    });

    it('warms a card already fresh without calling AEP, and says so', async () => {
        const res = await warm(h, warmBody([RECORDS.janeCase]), 'warm-2');
        expect(res.statusCode).toBe(202);
        await h.proxy.warmingIdle();
        expect(upstreamOf(h, 'warm-2')).toHaveLength(0);
        expect(auditLines(h, 'warm-2')[0]).toMatchObject({ outcome: 'OK', cardFrom: 'cache', source: 'warm' });
    });

    it('applies the look-up identity rules: a record without identity values is skipped with NO_IDENTITY', async () => {
        const empty = { objectApiName: 'Case', recordId: '5008c00001CsEmpAAF', fields: { SuppliedEmail: null, 'Contact.Email': null } };
        const res = await warm(h, warmBody([empty]), 'warm-3');
        expect(res.statusCode).toBe(202);
        await h.proxy.warmingIdle();
        expect(upstreamOf(h, 'warm-3')).toHaveLength(0);
        expect(auditLines(h, 'warm-3')[0]).toMatchObject({ outcome: 'NO_IDENTITY', recordId: '5008c00001CsEmpAAF', viewed: false });
    });

    it('authenticates the caller like a look-up, before reading the body', async () => {
        const res = await warm(h, warmBody([RECORDS.janeCase]), 'warm-4', { 'x-proxy-key': 'not-the-key-at-all-000000' });
        expect(res.statusCode).toBe(401);
        expect(json(res).error.code).toBe('UNAUTHORIZED');
        expect(auditLines(h, 'warm-4').filter((l) => l.msg === 'profile warmed')).toHaveLength(0);
    });

    it(`refuses an empty batch and one above ${MAX_WARM_RECORDS} records, and malformed records by path without their values`, async () => {
        expect((await warm(h, warmBody([]), 'warm-5')).statusCode).toBe(400);
        const tooMany = Array.from({ length: MAX_WARM_RECORDS + 1 }, () => RECORDS.kenjiLead);
        const res = await warm(h, warmBody(tooMany), 'warm-6');
        expect(res.statusCode).toBe(400);
        expect(json(res).error.message).toMatch(/at most 25 records per request/);

        const bad = await warm(h, warmBody([{ ...RECORDS.janeCase, recordId: 'jane.doe@example.com' }]), 'warm-7');
        expect(bad.statusCode).toBe(400);
        expect(json(bad).error.message).toMatch(/records\.0\.recordId: recordId must be a 15 or 18 character Salesforce Id/);
        expect(bad.body).not.toContain('jane.doe@example.com');
    });
});

describe('warming under the AEP rate budget', () => {
    let h: Harness;
    beforeAll(async () => {
        // 6 calls at once for everyone; warming's share is 3 of them (one round), refilled at 0.6 call/s.
        h = await startHarness({ env: { AEP_MAX_RPS: '6', AEP_BURST: '6', PROXY_WARM_SHARE: '0.1', PROXY_WARM_CONCURRENCY: '4' } });
    });
    afterAll(async () => {
        await h.close();
    });

    it('never takes more than its share: an agent opening a record meanwhile still reaches AEP', async () => {
        // Namespaces and merge policy loaded, then a full budget again (6 calls/s refill it within a second).
        expect((await h.lookup({ record: RECORDS.unknownLead }, { 'x-request-id': 'agent-b0' })).statusCode).toBe(404);
        await new Promise((resolve) => setTimeout(resolve, 1100));

        const records = [RECORDS.janeCase, RECORDS.kenjiLead, RECORDS.householdCase, RECORDS.garyContact];
        const res = await warm(h, warmBody(records), 'warm-budget');
        expect(res.statusCode).toBe(202);
        expect(json(res)).toEqual({ accepted: 4, dropped: 0 });
        // Let the four warm look-ups start (each wants two calls at once: eight, more than the whole budget).
        await new Promise((resolve) => setTimeout(resolve, 50));

        // Warming holds at most its share (3 calls); the agent's round (2 calls) still fits in the rest.
        const agent = await h.lookup({ record: RECORDS.janeContact }, { 'x-request-id': 'agent-b1' });
        expect(agent.statusCode).toBe(200);
        expect(json(agent).freshness.fromCache).toBe(false);
        expect(upstreamOf(h, 'warm-budget').length).toBeLessThanOrEqual(3);
        const refused = await h.proxy.metrics.registry.getSingleMetricAsString('proxy_rate_limited_total');
        expect(refused).toMatch(/proxy_rate_limited_total\{target="[a-z-]+"\} [1-9]/);
    });
});

describe('an agent opening a record while it is being warmed', () => {
    let h: Harness;
    beforeAll(async () => {
        h = await startHarness({ env: { CACHE_TTL_SECONDS: '1' } });
        // Namespaces and merge policy loaded.
        expect((await h.lookup({ record: RECORDS.unknownLead }, { 'x-request-id': 'agent-j0' })).statusCode).toBe(404);
    });
    afterEach(() => h.emulator.faults.reset());
    afterAll(async () => {
        await h.close();
    });

    it('never joins the warm look-up: events that fail cost the agent the events, not the card', async () => {
        h.emulator.faults.set({ group: 'entities', action: { type: 'latency', ms: 200 } });
        h.emulator.faults.set({ group: 'events', action: { type: 'status', status: 500 } });
        expect((await warm(h, warmBody([RECORDS.kenjiLead]), 'warm-join')).statusCode).toBe(202);
        // The warm look-up is waiting for the profile call; the agent opens the same record with the same key.
        const agent = await h.lookup({ record: RECORDS.kenjiLead, maxEvents: 10, includeSensitive: false }, { 'x-request-id': 'agent-j1' });
        expect(agent.statusCode).toBe(200);
        expect(json(agent).events).toMatchObject({ status: 'error' });
        expect(upstreamOf(h, 'agent-j1').length).toBeGreaterThan(0);
        await h.proxy.warmingIdle();
        // Warming keeps no card without events and says so.
        expect(auditLines(h, 'warm-join')[0].outcome).not.toBe('OK');
    });

    it('reports a failed warm look-up as failed, not as OK from a stale card nobody asked for', async () => {
        expect(
            (await h.lookup({ record: RECORDS.janeCase, maxEvents: 10, includeSensitive: false }, { 'x-request-id': 'agent-s0' }))
                .statusCode
        ).toBe(200);
        // The card goes stale (CACHE_TTL_SECONDS=1) and AEP fails.
        await new Promise((resolve) => setTimeout(resolve, 1100));
        h.emulator.faults.set({ group: 'entities', action: { type: 'status', status: 503 } });
        const staleServed = async () =>
            Number(
                /result="stale_served"\} (\d+)/.exec(
                    await h.proxy.metrics.registry.getSingleMetricAsString('proxy_card_cache_total')
                )?.[1] ?? 0
            );
        const staleBefore = await staleServed();
        expect((await warm(h, warmBody([RECORDS.janeCase]), 'warm-stale')).statusCode).toBe(202);
        await h.proxy.warmingIdle();
        const line = auditLines(h, 'warm-stale')[0];
        expect(line.outcome).toBe('UPSTREAM_UNAVAILABLE');
        expect(line.cardFrom ?? null).toBeNull();
        expect(await staleServed()).toBe(staleBefore);
    });
});
