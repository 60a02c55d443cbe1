/**
 * Per-org request-rate limit. AEP publishes no number for /access/entities (https://experienceleague.adobe.com/en/docs/experience-platform/profile/guardrails); the spec has a
 * 429 with retryAfterMs, so the limit is configurable and off by default.
 */
export interface RateLimitOptions {
    /** Requests per org per rolling second; 0 or undefined disables the limit. */
    readonly requestsPerSecond?: number;
    /** The retryAfterMs AEP puts in the 429 body. */
    readonly retryAfterMs?: number;
}

export class RateLimiter {
    private readonly windows = new Map<string, number[]>();

    constructor(
        private options: RateLimitOptions,
        private readonly now: () => number
    ) {}

    configure(options: RateLimitOptions): void {
        this.options = options;
        this.windows.clear();
    }

    get current(): RateLimitOptions {
        return this.options;
    }

    /** Records a request; returns retryAfterMs when it is over the limit, else undefined. */
    take(orgId: string): number | undefined {
        const limit = this.options.requestsPerSecond ?? 0;
        if (limit <= 0) return undefined;
        const now = this.now();
        const window = (this.windows.get(orgId) ?? []).filter((t) => t > now - 1000);
        if (window.length >= limit) {
            this.windows.set(orgId, window);
            return this.options.retryAfterMs ?? 500;
        }
        window.push(now);
        this.windows.set(orgId, window);
        return undefined;
    }
}
