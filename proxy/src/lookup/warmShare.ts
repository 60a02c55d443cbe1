import { RateLimiterMemory } from 'rate-limiter-flexible';
import { budgetWindow, takeLocal } from '../aep/aepBudget';
import type { CallShare } from '../aep/budget';
import type { ProxyConfig } from '../config';

/** A warm look-up's one round (profile, events, audience names) fits in the share's burst. */
const ROUND_CALLS = 3;
const KEY = 'warm';

/**
 * The share of the AEP rate budget that warming may spend: PROXY_WARM_SHARE of this instance's share of the fleet's
 * budget (AEP_MAX_RPS / PROXY_EXPECTED_INSTANCES, and of the burst, at least the calls of one round), counted here
 * with rate-limiter-flexible in the same windows as the budget itself (aep/aepBudget.ts). Warm look-ups take every
 * AEP call from this share first and from the budget second (aep/resilience.ts), so across the fleet warming never
 * holds more than its share of the calls agents draw from; with PROXY_WARM_SHARE=0 warming never calls AEP.
 */
export class WarmShare implements CallShare {
    readonly name = 'warming';
    private readonly limiter: RateLimiterMemory | null;

    constructor(resilience: ProxyConfig['resilience'], warm: ProxyConfig['warm']) {
        const rate = (resilience.maxRps / resilience.expectedInstances) * warm.share;
        const burst = Math.max(ROUND_CALLS, (resilience.burst / resilience.expectedInstances) * warm.share);
        const window = rate > 0 ? budgetWindow(rate, burst) : null;
        this.limiter = window ? new RateLimiterMemory({ points: window.calls, duration: window.seconds }) : null;
    }

    /** 0 when a warm call may go, else the ms until the share has room (a share of 0 never has: one minute). */
    async take(): Promise<number> {
        return this.limiter ? takeLocal(this.limiter, KEY) : 60_000;
    }
}
