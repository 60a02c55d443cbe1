import { bulkhead, BulkheadRejectedError, type BulkheadPolicy } from 'cockatiel';
import type { Budget } from '../aep/budget';
import type { ProxyConfig } from '../config';
import { ProxyError } from '../errors';
import type { ProxyMetrics } from '../observability/metrics';

/**
 * How many look-ups talk to AEP at once (cockatiel's bulkhead): PROXY_MAX_CONCURRENT_LOOKUPS run, up to
 * PROXY_LOOKUP_QUEUE wait for a slot, and the next one is refused at once with 503 OVERLOADED (or answered with
 * its stale card). Each running look-up holds AEP's answers and the card being shaped, so this, not the number
 * of connections, is what bounds memory under a burst of cache misses; cache hits never take a slot.
 * A look-up waits for a slot only while its budget lasts.
 */
export class LookupSlots {
    private readonly policy: BulkheadPolicy;
    /** Warm look-ups holding a slot now (runIfFree). */
    private warmRunning = 0;
    /**
     * Agents' look-ups waiting for a slot, counted here rather than read from the bulkhead: cockatiel takes the next
     * one off its queue when a slot frees but starts it a microtask later, and in that gap its queue looks empty
     * and a slot free (node_modules/cockatiel/dist/BulkheadPolicy.js, dequeue).
     */
    private agentsWaiting = 0;

    constructor(
        private readonly cfg: ProxyConfig['capacity'],
        private readonly metrics: ProxyMetrics
    ) {
        this.policy = bulkhead(cfg.maxConcurrentLookups, cfg.lookupQueue);
    }

    async run<T>(budget: Budget, work: () => Promise<T>): Promise<T> {
        let started = false;
        let waiting = false;
        const stopWaiting = () => {
            if (waiting) this.agentsWaiting--;
            waiting = false;
        };
        const giveUp = new AbortController();
        const execution = this.policy.execute(() => {
            started = true;
            stopWaiting();
            this.report();
            return work();
        }, giveUp.signal);
        if (!started) {
            waiting = true;
            this.agentsWaiting++;
        }
        this.report();
        try {
            if (started) return await execution;
            return await this.untilStartedOrDeadline(execution, budget, () => started, giveUp);
        } catch (err) {
            if (err instanceof BulkheadRejectedError) throw overloaded('every look-up slot and queue place is taken');
            throw err;
        } finally {
            stopWaiting();
            this.report();
        }
    }

    /**
     * For look-ups nobody waits for (warming): runs only when a slot is free now, no agent waits for one, and warming
     * holds fewer than a quarter of the slots (at least one), never queueing in front of or beside an agent; otherwise refused at once
     * with OVERLOADED (reason WARMING_YIELDS), which the warm queue answers by pausing (warmQueue.ts).
     */
    async runIfFree<T>(work: () => Promise<T>): Promise<T> {
        const warmCap = Math.max(1, Math.floor(this.cfg.maxConcurrentLookups / 4));
        if (this.policy.executionSlots === 0 || this.agentsWaiting > 0 || this.warmRunning >= warmCap) {
            throw overloaded('warming yields the look-up slots to agents', 'WARMING_YIELDS');
        }
        this.warmRunning++;
        try {
            // A slot is free and nobody waits for one: the bulkhead starts this at once, never queues or refuses it.
            return await this.policy.execute(() => {
                this.report();
                return work();
            });
        } finally {
            this.warmRunning--;
            this.report();
        }
    }

    /** A queued look-up gives up its place when its budget ends before a slot frees (it would time out anyway). */
    private untilStartedOrDeadline<T>(
        execution: Promise<T>,
        budget: Budget,
        isStarted: () => boolean,
        giveUp: AbortController
    ): Promise<T> {
        return new Promise<T>((resolve, reject) => {
            const timer = setTimeout(() => {
                if (isStarted()) return;
                // The bulkhead drops an aborted task when its turn comes (TaskCancelledError, nobody listening).
                giveUp.abort();
                execution.catch(() => undefined);
                reject(overloaded('no look-up slot freed up within the request budget'));
            }, budget.remainingMs());
            execution.then(
                (v) => {
                    clearTimeout(timer);
                    resolve(v);
                },
                (err: unknown) => {
                    clearTimeout(timer);
                    reject(err);
                }
            );
        });
    }

    private report(): void {
        this.metrics.lookupSlots.set({ state: 'running' }, this.cfg.maxConcurrentLookups - this.policy.executionSlots);
        this.metrics.lookupSlots.set({ state: 'queued' }, this.cfg.lookupQueue - this.policy.queueSlots);
    }
}

function overloaded(why: string, reason = 'LOOKUPS_SATURATED'): ProxyError {
    return new ProxyError('OVERLOADED', `this proxy instance is at its limit of concurrent AEP look-ups (${why}); retry shortly`, {
        details: { reason },
        logReason: reason,
        retryAfterSeconds: 1
    });
}
