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

    it('lets warming take a slot only when one is free, never a queue place, and at most a quarter of the slots', async () => {
        const slots = new LookupSlots(capacity(8, 8), createMetrics({ defaultMetrics: false }));
        let release: () => void = () => undefined;
        const held = new Promise<void>((resolve) => (release = resolve));
        const warmWork = () => held.then(() => 'warm card');
        // A quarter of 8 slots: two warm look-ups run, the third is refused although six slots are free.
        const warming = [slots.runIfFree(warmWork), slots.runIfFree(warmWork)];
        const third = await refusal(slots.runIfFree(warmWork));
        expect(third.details).toEqual({ reason: 'WARMING_YIELDS' });
        // Agents take the other six slots; a warm look-up does not queue behind them.
        const agents = Array.from({ length: 6 }, () => slots.run(new Budget(5000), () => held.then(() => 'card')));
        release();
        await expect(Promise.all([...warming, ...agents])).resolves.toHaveLength(8);
        await expect(slots.runIfFree(async () => 'warm again')).resolves.toBe('warm again');
    });

    it('refuses warming in the moment a slot frees for a queued agent, so the agent is never put behind it', async () => {
        const slots = new LookupSlots(capacity(1, 1), createMetrics({ defaultMetrics: false }));
        let open: () => void = () => undefined;
        const gate = new Promise<void>((resolve) => (open = resolve));
        const order: string[] = [];
        const holder = slots.run(new Budget(5000), () => gate);
        const agent = slots.run(new Budget(5000), async () => {
            order.push('agent');
        });
        // Runs after the bulkhead has freed the holder's slot and taken the agent off its queue, but before the agent
        // starts (cockatiel starts it a microtask later): the one moment the bulkhead alone shows a free slot.
        let warm: Promise<unknown> = Promise.resolve();
        void gate.then(() => {
            warm = slots.runIfFree(async () => {
                order.push('warm');
            });
        });
        open();
        await Promise.all([holder, agent]);
        expect((await refusal(warm)).details).toEqual({ reason: 'WARMING_YIELDS' });
        expect(order).toEqual(['agent']);
    });

    it('refuses warming while every slot is taken, even with queue places left', async () => {
        const slots = new LookupSlots(capacity(1, 5), createMetrics({ defaultMetrics: false }));
        const agent = slots.run(new Budget(5000), () => sleep(50));
        const err = await refusal(slots.runIfFree(async () => 'warm'));
        expect(err.details).toEqual({ reason: 'WARMING_YIELDS' });
        await agent;
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
