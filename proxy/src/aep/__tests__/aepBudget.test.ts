import { createLogger } from '../../observability/logger';
import { createMetrics } from '../../observability/metrics';
import type { ProxyConfig } from '../../config';
import { AepBudget, budgetWindow, instanceShare } from '../aepBudget';

const resilience = (maxRps: number, burst: number, expectedInstances: number) =>
    ({ maxRps, burst, expectedInstances }) as ProxyConfig['resilience'];

describe('budgetWindow: whole-second windows that never allow more than asked for', () => {
    it.each([
        // rate, burst -> calls per window, window seconds
        [50, 50, 50, 1],
        [20, 60, 60, 3],
        [20, 50, 40, 2], // 2.5 s of burst rounds down to 2 s
        [0.5, 30, 30, 60],
        [12.5, 12.5, 12, 1],
        [0.25, 1, 1, 4], // one call every 4 s
        [1 / 3, 1 / 3, 1, 3]
    ])('%p/s with a burst of %p: %p calls per %p s', (rate, burst, calls, seconds) => {
        const w = budgetWindow(rate, burst);
        expect(w).toEqual({ calls, seconds });
        expect(w.calls / w.seconds).toBeLessThanOrEqual(rate + 1e-9);
        expect(w.calls).toBeLessThanOrEqual(Math.max(1, burst));
    });

    it("gives each of N instances 1/N of the fleet's rate and burst", () => {
        expect(instanceShare(resilience(50, 50, 1))).toEqual({ calls: 50, seconds: 1 });
        expect(instanceShare(resilience(50, 50, 4))).toEqual({ calls: 12, seconds: 1 });
        expect(instanceShare(resilience(1, 60, 2))).toEqual({ calls: 30, seconds: 60 });
        expect(instanceShare(resilience(3, 3, 6))).toEqual({ calls: 1, seconds: 2 });
    });
});

describe('AepBudget without Redis', () => {
    it("keeps to the instance's share, tells how long until the window opens, and reports itself", async () => {
        const metrics = createMetrics({ defaultMetrics: false });
        const budget = new AepBudget(resilience(10, 10, 2), null, metrics, createLogger('silent'));
        const waits: number[] = [];
        for (let i = 0; i < 8; i++) waits.push(await budget.take());
        expect(waits.slice(0, 5)).toEqual([0, 0, 0, 0, 0]);
        for (const w of waits.slice(5)) {
            expect(w).toBeGreaterThan(0);
            expect(w).toBeLessThanOrEqual(1000);
        }
        expect(budget.report()).toEqual({
            scope: 'instance',
            callsPerSecond: 5,
            burst: 5,
            detail: "no REDIS_URL: this instance keeps to its share of the fleet's budget"
        });
        expect(await metrics.registry.getSingleMetricAsString('proxy_aep_budget_shared')).toMatch(/^proxy_aep_budget_shared 0$/m);
        await budget.close();
    });
});
