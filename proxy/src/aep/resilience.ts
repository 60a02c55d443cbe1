import {
    BrokenCircuitError,
    CircuitState,
    ConsecutiveBreaker,
    IsolatedCircuitError,
    circuitBreaker,
    handleWhen,
    type CircuitBreakerPolicy
} from 'cockatiel';
import type { ProxyConfig } from '../config';
import { BREAKER_STATE_VALUE, type ProxyMetrics } from '../observability/metrics';
import { AepCallError, isUpstreamFault, type Upstream } from './aepCallError';
import type { AepBudget } from './aepBudget';
import type { Budget, CallShare } from './budget';

export interface GuardOptions {
    budget: Budget;
    /** Idempotent reads may be retried; anything else runs once. */
    idempotent: boolean;
    /** Whether this call spends a token of the AEP rate limit (IMS token calls do not). */
    rateLimited: boolean;
    /** Asked before each retry: false stops retrying (the events call once the profile has answered). */
    mayRetry?: () => boolean;
}

export type BreakerState = keyof typeof BREAKER_STATE_VALUE;

/**
 * Retries, circuit breakers (one per upstream) and the outbound rate limit, around single AEP calls.
 *
 * Retry rules: only idempotent reads; only timeouts, connection failures, malformed bodies, 5xx and 429;
 * full-jitter exponential backoff, or AEP's own retryAfterMs/Retry-After when it sends one; never past
 * the request budget (a retry that cannot finish in time is not attempted). A timeout is retried once at
 * most, and not at all when a stale card can answer (Budget.staleFallback): a hanging AEP then costs one
 * per-call timeout, not the budget. Every attempt takes a rate-limit token, so retries cannot push AEP past
 * AEP_MAX_RPS.
 *
 * The error that leaves names the real cause: when the breaker opens in the middle of the retries, the
 * failure before it is thrown, and a refusal by an open breaker carries the failure that opened it
 * (`openedBy`), so a timeout reads as a timeout rather than as "circuit open".
 */
export class Resilience {
    private readonly breakers = new Map<Upstream, CircuitBreakerPolicy>();
    /** The last failure that counted for each breaker: what an open breaker is refusing calls because of. */
    private readonly lastFault = new Map<Upstream, AepCallError>();

    constructor(
        private readonly cfg: ProxyConfig['resilience'],
        /** The outbound rate limit: the fleet's budget in Redis, or this instance's share. */
        private readonly aepBudget: Pick<AepBudget, 'take'>,
        private readonly metrics: ProxyMetrics,
        private readonly onBreakerChange: (upstream: Upstream, state: BreakerState, cause: AepCallError | undefined) => void = () =>
            undefined,
        private readonly random: () => number = Math.random
    ) {}

    breakerState(upstream: Upstream): BreakerState {
        const state = this.breakers.get(upstream)?.state ?? CircuitState.Closed;
        return state === CircuitState.Open
            ? 'open'
            : state === CircuitState.HalfOpen
              ? 'halfOpen'
              : state === CircuitState.Isolated
                ? 'isolated'
                : 'closed';
    }

    allBreakerStates(): Record<string, string> {
        return Object.fromEntries([...this.breakers.keys()].map((u) => [u, this.breakerState(u)]));
    }

    async run<T>(upstream: Upstream, fn: (attempt: number) => Promise<T>, opts: GuardOptions): Promise<T> {
        const breaker = this.breaker(upstream);
        const maxAttempts = opts.idempotent ? this.cfg.retryMaxAttempts : 1;
        let previous: AepCallError | null = null;
        for (let attempt = 1; ; attempt++) {
            if (opts.rateLimited) {
                if (opts.budget.share) await this.takeShare(upstream, opts.budget.share);
                await this.takeToken(upstream);
            }
            try {
                return await breaker.execute(() => fn(attempt));
            } catch (raw) {
                const err = this.translate(upstream, raw);
                if (isUpstreamFault(err)) this.lastFault.set(upstream, err);
                // Our own earlier failure opened the breaker: that failure is the answer, not the refusal.
                if (err.kind === 'breaker_open' && previous) throw previous;
                const delay = this.retryDelay(err, attempt, maxAttempts, opts, previous);
                if (delay === null) throw err;
                previous = err;
                await sleep(delay);
            }
        }
    }

    /** A lower-priority call first takes from its own share; a spent share refuses it before the budget is touched. */
    private takeShare(upstream: Upstream, share: CallShare): Promise<void> {
        return this.take(upstream, share, `the ${share.name} share of the AEP rate limit`);
    }

    private takeToken(upstream: Upstream): Promise<void> {
        return this.take(upstream, this.aepBudget, `the AEP budget (AEP_MAX_RPS=${this.cfg.maxRps})`);
    }

    /** Takes one call from `from`, or refuses it locally (rate_limited_local) with the ms until there is room. */
    private async take(upstream: Upstream, from: { take(): number | Promise<number> }, what: string): Promise<void> {
        const waitMs = await from.take();
        if (waitMs > 0) {
            this.metrics.rateLimited.inc({ target: upstream });
            throw new AepCallError(upstream, 'rate_limited_local', `${upstream}: ${what} is spent for now`, { retryAfterMs: waitMs });
        }
    }

    /** ms to wait before the next attempt, or null when this error must not be retried. */
    private retryDelay(
        err: AepCallError,
        attempt: number,
        maxAttempts: number,
        opts: GuardOptions,
        previous: AepCallError | null
    ): number | null {
        const budget = opts.budget;
        if (attempt >= maxAttempts) return null;
        const retryable =
            err.kind === 'timeout' ||
            err.kind === 'network' ||
            err.kind === 'malformed' ||
            (err.kind === 'http' && (err.status === 429 || (err.status ?? 0) >= 500));
        if (!retryable) return null;
        if (err.kind === 'timeout' && (budget.staleFallback || previous?.kind === 'timeout')) return null;
        if (opts.mayRetry && !opts.mayRetry()) return null;
        // A timeout that used up the call's share of the budget leaves nothing useful to retry with.
        const cap = Math.min(this.cfg.retryMaxDelayMs, this.cfg.retryBaseDelayMs * 2 ** (attempt - 1));
        const jitter = Math.floor(this.random() * cap);
        const delay = err.retryAfterMs !== undefined ? Math.max(err.retryAfterMs, jitter) : jitter;
        // Leave at least 100 ms for the retried call itself; otherwise give up now with the real error.
        if (delay + 100 > budget.remainingMs()) return null;
        return delay;
    }

    private translate(upstream: Upstream, raw: unknown): AepCallError {
        if (raw instanceof AepCallError) return raw;
        if (raw instanceof BrokenCircuitError || raw instanceof IsolatedCircuitError) {
            return new AepCallError(upstream, 'breaker_open', `${upstream}: circuit breaker open after repeated AEP failures`, {
                retryAfterMs: this.cfg.breakerHalfOpenMs,
                openedBy: this.lastFault.get(upstream)
            });
        }
        return new AepCallError(upstream, 'network', `${upstream}: unexpected failure`, { cause: raw });
    }

    private breaker(upstream: Upstream): CircuitBreakerPolicy {
        let b = this.breakers.get(upstream);
        if (!b) {
            b = circuitBreaker(handleWhen(isUpstreamFault), {
                halfOpenAfter: this.cfg.breakerHalfOpenMs,
                breaker: new ConsecutiveBreaker(this.cfg.breakerFailures)
            });
            const gauge = this.metrics.breakerState;
            gauge.set({ upstream }, 0);
            b.onStateChange(() => {
                const state = this.breakerState(upstream);
                gauge.set({ upstream }, BREAKER_STATE_VALUE[state]);
                this.onBreakerChange(upstream, state, this.lastFault.get(upstream));
            });
            this.breakers.set(upstream, b);
        }
        return b;
    }
}

function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, ms));
}
