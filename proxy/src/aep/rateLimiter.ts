/**
 * Token bucket protecting AEP: at most `ratePerSecond` outbound calls on average, `burst` at once.
 * It never queues: a caller that finds it empty is told how long until the next token, and the look-up
 * fails fast (429 + Retry-After) or serves a stale card. Queuing would only turn overload into timeouts.
 */
export class TokenBucket {
    private tokens: number;
    private last: number;

    constructor(
        private readonly ratePerSecond: number,
        private readonly burst: number,
        private readonly now: () => number = () => performance.now()
    ) {
        this.tokens = burst;
        this.last = now();
    }

    /** Takes one token; returns 0 on success, else the ms until one is available. */
    tryTake(): number {
        this.refill();
        if (this.tokens >= 1) {
            this.tokens -= 1;
            return 0;
        }
        return Math.ceil(((1 - this.tokens) / this.ratePerSecond) * 1000);
    }

    available(): number {
        this.refill();
        return Math.floor(this.tokens);
    }

    private refill(): void {
        const t = this.now();
        this.tokens = Math.min(this.burst, this.tokens + ((t - this.last) / 1000) * this.ratePerSecond);
        this.last = t;
    }
}
