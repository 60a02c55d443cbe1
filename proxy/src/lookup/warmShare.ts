import { TokenBucket } from '../aep/rateLimiter';
import type { CallShare } from '../aep/budget';
import type { ProxyConfig } from '../config';

/** A warm look-up's one round (profile, events, audience names) fits in the share's burst. */
const ROUND_CALLS = 3;

/**
 * The share of the AEP rate budget that warming may spend: PROXY_WARM_SHARE of AEP_MAX_RPS (and of the burst,
 * at least the calls of one round). Warm look-ups take every AEP call from this share first and from the whole budget
 * second (aep/resilience.ts), so warming never holds more than its share of the calls agents draw from; with
 * PROXY_WARM_SHARE=0 warming never calls AEP.
 */
export class WarmShare implements CallShare {
    readonly name = 'warming';
    private readonly bucket: TokenBucket | null;

    constructor(resilience: ProxyConfig['resilience'], warm: ProxyConfig['warm'], now?: () => number) {
        const rate = resilience.maxRps * warm.share;
        this.bucket = rate > 0 ? new TokenBucket(rate, Math.max(ROUND_CALLS, Math.floor(resilience.burst * warm.share)), now) : null;
    }

    /** 0 when a warm call may go, else the ms until the share has room (a share of 0 never has: one minute). */
    take(): number {
        return this.bucket ? this.bucket.tryTake() : 60_000;
    }
}
