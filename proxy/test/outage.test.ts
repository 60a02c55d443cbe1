import { ErrorBody } from '../src/contract/errors';
import { startProxyStack, type ProxyStack } from '../../scripts/stack/proxyStack';
import { PROXY_KEY, RECORDS } from './support/harness';

/**
 * An AEP outage as a load balancer and Apex see it, over real HTTP on loopback (the emulator and a listening
 * proxy): AEP answers 503 to everything for a few seconds, long enough for the circuit breaker to open, go
 * half-open and open again. The instance must stay in rotation (/readyz 200 on every probe), serve the card it
 * cached before the outage (stale), and answer a customer it never saw with the documented error.
 */
const OUTAGE_MS = 4000;
const PROBE_EVERY_MS = 100;

describe('an AEP outage (emulator answering 503)', () => {
    let stack: ProxyStack;
    beforeAll(async () => {
        stack = await startProxyStack({
            env: {
                PROXY_SHARED_SECRET: PROXY_KEY,
                CACHE_TTL_SECONDS: '1',
                AEP_BREAKER_FAILURES: '3',
                AEP_BREAKER_HALF_OPEN_MS: '1500',
                AEP_RETRY_BASE_DELAY_MS: '5',
                AEP_RETRY_MAX_DELAY_MS: '20'
            }
        });
    });
    afterAll(async () => {
        await stack?.close();
    });

    const lookup = (record: unknown) =>
        fetch(`${stack.proxy.url}/v1/profiles/lookup`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-proxy-key': PROXY_KEY, 'x-request-id': 'outage-test' },
            body: JSON.stringify({ record })
        });
    const neverSeen = (i: number) => ({
        objectApiName: 'Lead',
        recordId: `00Q8c00000Out${String(i).padStart(2, '0')}EAD`,
        fields: { Email: `first.contact${i}@example.com` }
    });

    it('keeps the instance ready, serves the cached card stale and a never-seen customer the documented error', async () => {
        const before = await lookup(RECORDS.janeByEmail);
        expect(before.status).toBe(200);
        expect((await before.json()).freshness.stale).toBe(false);
        await new Promise((r) => setTimeout(r, 1100)); // past the fresh TTL: only the stale copy is left

        stack.emulator.faults.set({ group: 'all', action: { type: 'status', status: 503 } });
        const probes: number[] = [];
        const stale: boolean[] = [];
        const refusals: { status: number; retryAfter: string | null; body: unknown }[] = [];
        const endAt = performance.now() + OUTAGE_MS;
        const prober = (async () => {
            while (performance.now() < endAt) {
                probes.push((await fetch(`${stack.proxy.url}/readyz`)).status);
                await new Promise((r) => setTimeout(r, PROBE_EVERY_MS));
            }
        })();
        for (let i = 0; performance.now() < endAt; i++) {
            const jane = await lookup(RECORDS.janeByEmail);
            expect(jane.status).toBe(200);
            stale.push((await jane.json()).freshness.stale);
            const other = await lookup(neverSeen(i));
            refusals.push({ status: other.status, retryAfter: other.headers.get('retry-after'), body: await other.json() });
            await new Promise((r) => setTimeout(r, 200));
        }
        await prober;
        const health = await (await fetch(`${stack.proxy.url}/healthz`)).json();
        stack.emulator.faults.clear();

        expect(probes.length).toBeGreaterThan(OUTAGE_MS / PROBE_EVERY_MS / 3);
        expect(new Set(probes)).toEqual(new Set([200]));
        expect(new Set(stale)).toEqual(new Set([true]));
        for (const r of refusals) {
            expect(r.status).toBe(503);
            expect(Number(r.retryAfter)).toBeGreaterThanOrEqual(1);
            const body = ErrorBody.parse(r.body);
            expect(body.error).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', requestId: 'outage-test', details: { upstream: 'profile' } });
        }
        // The breaker did open during the outage (and the refusals then said so), without taking the instance out.
        expect(refusals.some((r) => ErrorBody.parse(r.body).error.details?.reason === 'CIRCUIT_OPEN')).toBe(true);
        expect(health.aep.status).toBe('degraded');

        // Recovery: once the breaker lets a call through again, the card is fresh.
        await new Promise((r) => setTimeout(r, 1600));
        const after = await lookup(RECORDS.janeByEmail);
        expect(after.status).toBe(200);
        expect((await after.json()).freshness.stale).toBe(false);
    }, 20_000);
});
