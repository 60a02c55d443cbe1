import type { ProxyConfig } from '../config';
import type { LookupRequest } from '../contract/lookupRequest';
import { ProxyError } from '../errors';
import type { LookupAnswer, LookupContext } from './lookupTypes';

/** One record to warm, with the request it came in (for its audit line). */
export interface WarmJob {
    request: LookupRequest;
    ctx: Omit<LookupContext, 'priority'>;
    /** How the org authenticated the warm request, for the audit line. */
    callerAuth: string | null;
}

/** How warming one record ended: what its audit line says. */
export interface WarmResult {
    /** OK, or the look-up's error code (NO_IDENTITY, PROFILE_NOT_FOUND, RATE_LIMITED...). */
    outcome: string;
    /** aep: fetched and cached now; cache / shared-cache: a fresh card was already there. */
    source: LookupAnswer['source'] | null;
    matchedNamespace: string | null;
}

export interface WarmQueueDeps {
    lookup: (req: LookupRequest, ctx: LookupContext) => Promise<LookupAnswer>;
    /** Called once per record when its warming is over (the audit line, the metric). */
    onDone: (job: WarmJob, result: WarmResult) => void;
    /** Records waiting, for the metric. */
    onDepth?: (waiting: number) => void;
    /** Records refused because the queue was full. */
    onDropped?: (count: number) => void;
    /** Whether the instance sheds load now (@fastify/under-pressure, http/loadShedding.ts): warming then waits. */
    isUnderPressure?: () => boolean;
}

/** A record refused by the warming share or for want of a free slot is tried again this many times, after the wait named. */
const RATE_LIMITED_ATTEMPTS = 3;
/** Refusals that say "not now": the share is spent (RATE_LIMITED), or agents need the look-up slots (OVERLOADED). */
const TRY_AGAIN = new Set(['RATE_LIMITED', 'OVERLOADED']);
/** How long warming waits before looking again while the instance sheds load (under-pressure samples every second). */
const PRESSURE_PAUSE_MS = 1000;
/** Never paused longer than this at once: the share refills within a second or two at any sane AEP_MAX_RPS. */
const MAX_PAUSE_MS = 5000;

/**
 * Records waiting to be warmed, worked off PROXY_WARM_CONCURRENCY at a time as warm look-ups (their AEP calls
 * come out of the warming share, warmShare.ts). The warm route answers 202 as soon as the records are queued;
 * nobody waits for them. At most PROXY_WARM_QUEUE records wait: the rest of a batch is dropped and counted (a
 * card not warmed is only a cold look-up later). When the share is spent, the queue pauses for as long as the
 * share says and tries the record again, so a burst of new Cases is warmed at the share's pace, not refused. It
 * yields to agents the same way: a warm look-up takes a look-up slot only when one is free (lookupSlots.ts,
 * runIfFree), and while the instance sheds load nothing new starts.
 */
export class WarmQueue {
    private readonly waiting: { job: WarmJob; attempt: number }[] = [];
    private running = 0;
    private pausedUntil = 0;
    private pauseTimer: NodeJS.Timeout | null = null;
    private closed = false;
    private readonly idleWaiters: (() => void)[] = [];

    constructor(
        private readonly cfg: ProxyConfig['warm'],
        private readonly d: WarmQueueDeps
    ) {}

    /** Queues what fits; returns how many records were taken and how many were dropped. */
    offer(jobs: readonly WarmJob[]): { accepted: number; dropped: number } {
        const room = this.closed ? 0 : Math.max(0, this.cfg.queue - this.waiting.length);
        const taken = jobs.slice(0, room);
        for (const job of taken) this.waiting.push({ job, attempt: 1 });
        this.d.onDepth?.(this.waiting.length);
        if (jobs.length > taken.length) this.d.onDropped?.(jobs.length - taken.length);
        this.pump();
        return { accepted: taken.length, dropped: jobs.length - taken.length };
    }

    /** Resolves once nothing waits or runs (tests; a graceful shutdown). */
    idle(): Promise<void> {
        if (this.running === 0 && this.waiting.length === 0) return Promise.resolve();
        return new Promise((resolve) => this.idleWaiters.push(resolve));
    }

    /** Stops taking records and drops those waiting; running look-ups finish (their cards still land in the cache). */
    close(): void {
        this.closed = true;
        this.waiting.length = 0;
        if (this.pauseTimer) clearTimeout(this.pauseTimer);
        this.pauseTimer = null;
        this.d.onDepth?.(0);
        this.settle();
    }

    private pump(): void {
        while (!this.closed && this.running < this.cfg.concurrency && this.waiting.length > 0) {
            if (this.d.isUnderPressure?.()) this.pausedUntil = Math.max(this.pausedUntil, Date.now() + PRESSURE_PAUSE_MS);
            const wait = this.pausedUntil - Date.now();
            if (wait > 0) {
                this.pauseTimer ??= setTimeout(() => {
                    this.pauseTimer = null;
                    this.pump();
                }, wait).unref();
                return;
            }
            const next = this.waiting.shift()!;
            this.d.onDepth?.(this.waiting.length);
            this.running++;
            void this.warm(next.job, next.attempt).finally(() => {
                this.running--;
                this.pump();
                this.settle();
            });
        }
    }

    private async warm(job: WarmJob, attempt: number): Promise<void> {
        let result: WarmResult;
        try {
            const answer = await this.d.lookup(job.request, { ...job.ctx, priority: 'warm' });
            result = { outcome: 'OK', source: answer.source, matchedNamespace: answer.matchedNamespace };
        } catch (err) {
            const refusal = err instanceof ProxyError ? err : null;
            if (refusal && TRY_AGAIN.has(refusal.code) && attempt < RATE_LIMITED_ATTEMPTS && !this.closed) {
                // The share (or the whole budget) is spent, or agents hold the slots: wait as long as it says, then
                // this record goes first.
                const pause = Math.min(MAX_PAUSE_MS, (refusal.retryAfterSeconds ?? 1) * 1000);
                this.pausedUntil = Math.max(this.pausedUntil, Date.now() + pause);
                this.waiting.unshift({ job, attempt: attempt + 1 });
                this.d.onDepth?.(this.waiting.length);
                return;
            }
            if (!refusal || refusal.code === 'INTERNAL') job.ctx.log.error({ err }, 'warming a card failed unexpectedly');
            result = { outcome: refusal?.code ?? 'INTERNAL', source: null, matchedNamespace: null };
        }
        this.d.onDone(job, result);
    }

    private settle(): void {
        if (this.running > 0 || (this.waiting.length > 0 && !this.closed)) return;
        for (const resolve of this.idleWaiters.splice(0)) resolve();
    }
}
