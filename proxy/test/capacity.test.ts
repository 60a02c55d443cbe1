import { json, RECORDS, startHarness, type Harness } from './support/harness';

const unknownLead = (i: number) => ({
    objectApiName: 'Lead',
    recordId: `00Q8c00000Cap${String(i).padStart(2, '0')}EAD`,
    fields: { Email: `capacity.probe${i}@example.com` }
});

/** Look-ups that talk to AEP are capped per instance; beyond the cap and its queue the answer is a fast 503 or a stale card. */
describe('look-up slots (PROXY_MAX_CONCURRENT_LOOKUPS, PROXY_LOOKUP_QUEUE)', () => {
    let h: Harness;
    beforeAll(async () => {
        h = await startHarness({ env: { PROXY_MAX_CONCURRENT_LOOKUPS: '2', PROXY_LOOKUP_QUEUE: '1' } });
        await h.proxy.warmUp();
    });
    afterAll(async () => {
        await h.close();
    });
    afterEach(() => h.emulator.faults.clear());

    it('runs 2, queues 1 and refuses the rest with 503 OVERLOADED + Retry-After', async () => {
        h.emulator.faults.set({ group: 'entities', action: { type: 'latency', ms: 300 } });
        h.emulator.resetStats();
        const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => h.lookup({ record: unknownLead(i), maxEvents: 0 })));
        const byStatus = answers.map((a) => a.statusCode).sort();
        expect(byStatus).toEqual([404, 404, 404, 503, 503, 503]);
        for (const refused of answers.filter((a) => a.statusCode === 503)) {
            expect(json(refused).error).toMatchObject({ code: 'OVERLOADED', details: { reason: 'LOOKUPS_SATURATED' } });
            expect(refused.headers['retry-after']).toBe('1');
        }
        // Refused look-ups never reached AEP.
        expect(h.emulator.stats().byGroup.entities).toBe(3);
        const metrics = (await h.proxy.app.inject({ method: 'GET', url: '/metrics' })).body;
        expect(metrics).toMatch(/proxy_lookup_slots\{state="running"\} 0/);
    });

    it('answers with the stale card rather than refusing when every slot is taken', async () => {
        expect((await h.lookup({ record: RECORDS.janeByEmail, maxEvents: 0 })).statusCode).toBe(200);
        h.emulator.faults.set({ group: 'entities', action: { type: 'latency', ms: 300 } });
        const busy = Array.from({ length: 3 }, (_, i) => h.lookup({ record: unknownLead(10 + i), maxEvents: 0 }));
        await new Promise((r) => setTimeout(r, 50));
        const jane = await h.lookup({ record: RECORDS.janeByEmail, maxEvents: 0, refresh: true });
        expect(jane.statusCode).toBe(200);
        expect(json(jane).freshness).toMatchObject({ stale: true, staleReason: 'OVERLOADED' });
        await Promise.all(busy);
    });
});

/** @fastify/under-pressure: above the memory limit (here any RSS), look-ups are shed; health, readiness and metrics answer. */
describe('load shedding under pressure (PROXY_MAX_RSS_BYTES)', () => {
    let h: Harness;
    beforeAll(async () => {
        h = await startHarness({ env: { PROXY_MAX_RSS_BYTES: '1' } });
        await h.proxy.warmUp();
        // under-pressure samples memory once a second.
        await new Promise((r) => setTimeout(r, 1200));
    });
    afterAll(async () => {
        await h.close();
    });

    it('refuses look-ups with 503 OVERLOADED and Retry-After, before reading them', async () => {
        h.emulator.resetStats();
        const res = await h.lookup({ record: RECORDS.janeByEmail });
        expect(res.statusCode).toBe(503);
        expect(json(res).error).toMatchObject({
            code: 'OVERLOADED',
            details: { reason: 'MEMORY' },
            requestId: res.headers['x-request-id']
        });
        expect(res.headers['retry-after']).toBe('2');
        expect(h.emulator.stats().byGroup.entities ?? 0).toBe(0);
        const line = h.logs.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.msg === 'profile look-up');
        expect(line).toMatchObject({ outcome: 'OVERLOADED', reason: 'MEMORY', status: 503 });
    });

    it('keeps answering health, readiness and metrics', async () => {
        for (const url of ['/healthz', '/readyz', '/metrics']) {
            expect((await h.proxy.app.inject({ method: 'GET', url })).statusCode).toBe(200);
        }
    });
});
