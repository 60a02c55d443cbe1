/**
 * A lower-priority share of the AEP rate budget (lookup/warmShare.ts). `take` answers like the budget itself: 0
 * when the call may go, else the ms until the share has room again. A call at lower priority takes from its share
 * first and from the whole budget second, so it can never spend more than its share of what agents draw from.
 */
export interface CallShare {
    readonly name: string;
    take(): number | Promise<number>;
}

/**
 * The time a look-up may spend, end to end. It starts below Apex's 10 s default callout timeout
 * (PROXY_BUDGET_MS, 8 s by default) so the proxy always answers, with a clear code, before Salesforce
 * gives up on it. Every upstream call takes min(its own timeout, what is left).
 */
export class Budget {
    readonly deadline: number;
    /**
     * Set when a stale card can answer this look-up if AEP fails: a call that timed out is then not retried,
     * so the agent gets the stale card after one per-call timeout instead of after the whole budget.
     */
    staleFallback = false;
    /** Set for look-ups nobody waits for (warming): each rate-limited call also takes from this share. */
    share: CallShare | null = null;

    constructor(
        ms: number,
        private readonly now: () => number = Date.now
    ) {
        this.deadline = now() + ms;
    }

    remainingMs(): number {
        return Math.max(0, this.deadline - this.now());
    }

    /** Timeout for one call: its own limit, capped by the budget. */
    callTimeoutMs(callLimitMs: number): number {
        return Math.min(callLimitMs, this.remainingMs());
    }
}
