import type Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { ProxyConfig } from '../config';
import { closeRedisClient, createRedisClient } from '../lib/redisClient';
import type { Logger } from '../observability/logger';
import type { ProxyMetrics } from '../observability/metrics';

/** At most `calls` AEP calls in each window of `seconds`, counted from the window's first call. */
export interface BudgetWindow {
    readonly calls: number;
    readonly seconds: number;
}

/** Where the calls are counted: in Redis for the whole fleet, or by this instance for itself. */
export type BudgetScope = 'fleet' | 'instance';

/** What /healthz shows of the budget (proxy/deploy/README.md, "One AEP budget for the fleet"). */
export interface BudgetReport {
    scope: BudgetScope;
    /** Calls per second and at once that the budget in force allows. */
    callsPerSecond: number;
    burst: number;
    detail: string;
}

/**
 * The window that keeps `callsPerSecond` on average and at most `burst` at once. rate-limiter-flexible counts in
 * whole seconds (RateLimiterRedis sets its keys' expiry with EX), so a window is as many whole seconds as the burst
 * lasts at that rate, at least one and at least long enough for one call; rounding always goes down, so the
 * window never allows more than asked for. Over any D seconds of sustained demand the calls stay at or below
 * callsPerSecond x D + burst.
 */
export function budgetWindow(callsPerSecond: number, burst: number): BudgetWindow {
    const seconds = Math.max(1, Math.floor(burst / callsPerSecond + 1e-9), Math.ceil(1 / callsPerSecond - 1e-9));
    return { calls: Math.max(1, Math.floor(callsPerSecond * seconds + 1e-9)), seconds };
}

/** One call from an in-memory window: 0 when it may go, else the ms until the window has room (at least 1). */
export async function takeLocal(limiter: RateLimiterMemory, key: string): Promise<number> {
    try {
        await limiter.consume(key);
        return 0;
    } catch (outcome) {
        if (outcome instanceof RateLimiterRes) return Math.max(1, outcome.msBeforeNext);
        throw outcome;
    }
}

/** One instance's share of the fleet's budget: what it keeps to without Redis. */
export function instanceShare(cfg: ProxyConfig['resilience']): BudgetWindow {
    return budgetWindow(cfg.maxRps / cfg.expectedInstances, Math.max(1, cfg.burst / cfg.expectedInstances));
}

const KEY = 'aep';

/**
 * The outbound AEP rate limit. With REDIS_URL every instance draws from one budget for the fleet (AEP_MAX_RPS,
 * AEP_BURST), counted atomically in Redis by rate-limiter-flexible's RateLimiterRedis; scaling out or a rolling
 * update does not change what AEP sees. Without Redis, and whenever Redis does not answer (the check costs nothing
 * while it is down: rejectIfRedisNotReady), the instance keeps to its share, AEP_MAX_RPS / PROXY_EXPECTED_INSTANCES
 * (RateLimiterMemory), so a fleet of that size stays within the budget all the same; the scope shows in /healthz,
 * the proxy_aep_budget_* metrics and one log line per change.
 *
 * It never queues: a call that finds the window spent is told how long until the next one opens.
 */
export class AepBudget {
    private readonly fleet: RateLimiterRedis | null;
    private readonly local: RateLimiterMemory;
    private readonly fleetWindow: BudgetWindow;
    private readonly shareWindow: BudgetWindow;
    private scope: BudgetScope = 'instance';
    private closing = false;

    constructor(
        cfg: ProxyConfig['resilience'],
        private readonly redis: Redis | null,
        private readonly metrics: ProxyMetrics,
        private readonly log: Logger
    ) {
        this.fleetWindow = budgetWindow(cfg.maxRps, cfg.burst);
        this.shareWindow = instanceShare(cfg);
        this.fleet = redis
            ? new RateLimiterRedis({
                  storeClient: redis,
                  keyPrefix: 'aep-budget',
                  points: this.fleetWindow.calls,
                  duration: this.fleetWindow.seconds,
                  rejectIfRedisNotReady: true
              })
            : null;
        this.local = new RateLimiterMemory({ points: this.shareWindow.calls, duration: this.shareWindow.seconds });
        this.show(this.scope);
        // Until the connection is up (at start, and after Redis went away) calls keep to this instance's share.
        redis?.on('ready', () => this.enter('fleet'));
        redis?.on('close', () => {
            if (!this.closing) this.enter('instance', new Error('connection to Redis closed'));
        });
    }

    /**
     * REDIS_URL (or null) and REDIS_KEY_PREFIX. The budget gets a connection of its own: one ioredis connection
     * answers its commands in order, so on the card cache's connection every AEP call's budget check would wait
     * behind card reads and writes of up to 40 KB (cache/redisStore.ts), and each says in its own words what an
     * outage means for it.
     */
    static create(cfg: ProxyConfig, metrics: ProxyMetrics, log: Logger): AepBudget {
        const { redisUrl, redisKeyPrefix } = cfg.cache;
        const redis = redisUrl
            ? createRedisClient(redisUrl, redisKeyPrefix, log, `each instance keeps to its share of the AEP budget`)
            : null;
        return new AepBudget(cfg.resilience, redis, metrics, log);
    }

    /** Takes one call from the budget: 0 when the call may go, else the ms until the window opens again. */
    async take(): Promise<number> {
        if (this.fleet) {
            try {
                await this.fleet.consume(KEY);
                this.enter('fleet');
                return 0;
            } catch (outcome) {
                if (outcome instanceof RateLimiterRes) {
                    this.enter('fleet');
                    return Math.max(1, outcome.msBeforeNext);
                }
                this.enter('instance', outcome);
            }
        }
        return takeLocal(this.local, KEY);
    }

    report(): BudgetReport {
        const window = this.scope === 'fleet' ? this.fleetWindow : this.shareWindow;
        const callsPerSecond = Math.round((window.calls / window.seconds) * 1000) / 1000;
        const detail =
            this.scope === 'fleet'
                ? "the fleet's one budget, counted in Redis"
                : this.fleet
                  ? "Redis does not answer (or not yet): this instance keeps to its share of the fleet's budget"
                  : "no REDIS_URL: this instance keeps to its share of the fleet's budget";
        return { scope: this.scope, callsPerSecond, burst: window.calls, detail };
    }

    async close(): Promise<void> {
        this.closing = true;
        if (this.redis) await closeRedisClient(this.redis);
    }

    private enter(scope: BudgetScope, cause?: unknown): void {
        if (scope === this.scope) return;
        this.scope = scope;
        this.show(scope);
        if (scope === 'instance') {
            const share = this.shareWindow;
            this.log.warn(
                { aepBudget: { scope, calls: share.calls, seconds: share.seconds }, err: { message: describe(cause) } },
                'AEP budget: Redis does not answer; this instance keeps to its share until it does'
            );
        } else this.log.info({ aepBudget: { scope } }, "AEP budget: drawing from the fleet's budget in Redis again");
    }

    private show(scope: BudgetScope): void {
        const window = scope === 'fleet' ? this.fleetWindow : this.shareWindow;
        this.metrics.aepBudgetShared.set(scope === 'fleet' ? 1 : 0);
        this.metrics.aepBudgetCallsPerSecond.set(window.calls / window.seconds);
    }
}

function describe(cause: unknown): string {
    return cause instanceof Error ? cause.message : String(cause);
}
