import type { ProxyMetrics } from '../observability/metrics';
import type { SharedStore } from './redisStore';
import { SingleFlight } from '../lib/singleFlight';

/** How often a waiting instance re-reads the shared cache while another instance holds the lock. */
const SHARED_POLL_MS = 20;
/** Results stored this long before a look-up started still count as "another instance did it" (clock skew). */
const CLOCK_SKEW_MS = 1000;

export interface CoalescedResult<T> {
    value: T;
    /** none: this call did the work; local: joined an in-process call; shared: another instance did it. */
    joined: 'none' | 'local' | 'shared';
}

export interface CoalesceOptions<T> {
    /** The in-process flight's key when calls of one shared key must not all join each other (default: the key). */
    localKey?: string;
    /** How long the cross-instance lock lives (the request budget: nobody waits longer than that). */
    lockMs: number;
    /** Reads a result another instance stored after `sinceMs` (epoch ms), or null. Called again once the lock is taken. */
    readShared: (sinceMs: number) => Promise<T | null>;
}

/**
 * Coalesces identical look-ups so K agents opening the same customer cost AEP one call.
 * In-process: always (single flight). Across instances: best effort when Redis is configured: the first
 * instance takes a short lock (SET NX PX) and the others poll the shared cache for its result, taking
 * over when the lock is released or expires without a result (the holder failed or died). Whoever takes
 * the lock reads the shared cache once more before calling AEP, since the result may have landed just
 * before the lock was released. Redis failures never cost correctness, only an extra AEP call.
 */
export class LookupCoalescer<T> {
    private readonly flight = new SingleFlight<CoalescedResult<T>>();

    constructor(
        private readonly shared: SharedStore | null,
        private readonly metrics: ProxyMetrics
    ) {}

    async run(key: string, opts: CoalesceOptions<T>, work: () => Promise<T>): Promise<CoalescedResult<T>> {
        const { promise, joined } = this.flight.run(opts.localKey ?? key, () => this.acrossInstances(key, opts, work));
        if (joined) this.metrics.coalesced.inc({ scope: 'local' });
        const result = await promise;
        return joined ? { value: result.value, joined: 'local' } : result;
    }

    private async acrossInstances(key: string, opts: CoalesceOptions<T>, work: () => Promise<T>): Promise<CoalescedResult<T>> {
        const shared = this.shared;
        if (!shared) return { value: await work(), joined: 'none' };
        const startedAt = Date.now();
        const since = startedAt - CLOCK_SKEW_MS;
        let locked = await shared.tryLock(key, opts.lockMs);
        while (!locked && Date.now() - startedAt < opts.lockMs) {
            await new Promise((r) => setTimeout(r, SHARED_POLL_MS));
            const other = await opts.readShared(since);
            if (other !== null) return this.joinedShared(other);
            locked = await shared.tryLock(key, opts.lockMs);
        }
        try {
            // Holding the lock does not mean nobody did the work: the holder may have stored its result and
            // released the lock between our last read and our tryLock (or before our first one). Read once more.
            const done = await opts.readShared(since);
            if (done !== null) return this.joinedShared(done);
            return { value: await work(), joined: 'none' };
        } finally {
            if (locked) await shared.unlock(key);
        }
    }

    private joinedShared(value: T): CoalescedResult<T> {
        this.metrics.coalesced.inc({ scope: 'shared' });
        return { value, joined: 'shared' };
    }
}
