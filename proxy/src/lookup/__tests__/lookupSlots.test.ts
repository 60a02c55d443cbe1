import { Budget } from '../../aep/budget';
import { ProxyError } from '../../errors';
import { createMetrics } from '../../observability/metrics';
import { LookupSlots } from '../lookupSlots';

const capacity = (maxConcurrentLookups: number, lookupQueue: number) => ({
    maxConcurrentLookups,
    lookupQueue,
    maxEventLoopDelayMs: 0,
    maxRssBytes: 0
});
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function refusal(p: Promise<unknown>): Promise<ProxyError> {
    const err = await p.then(
        () => null,
        (e: unknown) => e
    );
    expect(err).toBeInstanceOf(ProxyError);
    expect((err as ProxyError).code).toBe('OVERLOADED');
    return err as ProxyError;
}

describe('LookupSlots', () => {
    it('runs up to the cap, queues up to the queue, refuses the rest at once', async () => {
        const slots = new LookupSlots(capacity(2, 1), createMetrics({ defaultMetrics: false }));
        let running = 0;
        let peak = 0;
        const work = async () => {
            peak = Math.max(peak, ++running);
            await sleep(50);
            running--;
            return 'card';
        };
        const budget = () => new Budget(5000);
        const first = [slots.run(budget(), work), slots.run(budget(), work), slots.run(budget(), work)];
        const refused = await refusal(slots.run(budget(), work));
        expect(refused.details).toEqual({ reason: 'LOOKUPS_SATURATED' });
        expect(refused.retryAfterSeconds).toBe(1);
        await expect(Promise.all(first)).resolves.toEqual(['card', 'card', 'card']);
        expect(peak).toBe(2);
    });

    it('gives up a queue place when the budget ends first, and never runs that look-up later', async () => {
        const metrics = createMetrics({ defaultMetrics: false });
        const slots = new LookupSlots(capacity(1, 1), metrics);
        let ranLate = false;
        const holder = slots.run(new Budget(5000), () => sleep(300));
        const queued = slots.run(new Budget(100), async () => {
            ranLate = true;
        });
        const err = await refusal(queued);
        expect(err.message).toMatch(/no look-up slot freed up within the request budget/);
        await holder;
        await sleep(20);
        expect(ranLate).toBe(false);
        expect(await metrics.registry.getSingleMetricAsString('proxy_lookup_slots')).toMatch(/state="running"\} 0/);
    });

    it("passes the look-up's own errors through", async () => {
        const slots = new LookupSlots(capacity(1, 0), createMetrics({ defaultMetrics: false }));
        await expect(slots.run(new Budget(1000), () => Promise.reject(new Error('aep down')))).rejects.toThrow('aep down');
        await expect(slots.run(new Budget(1000), async () => 'next')).resolves.toBe('next');
    });
});
