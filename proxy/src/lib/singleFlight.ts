/**
 * Concurrent calls with the same key share one execution: the second caller gets the first one's promise. The
 * entry is removed when it settles (success or failure), so a later call starts afresh. One mechanism for every
 * "only one request at a time" in the proxy: identical look-ups (cache/lookupCoalescer.ts), the IMS token, the
 * namespace catalog and the merge policy (aep/).
 */
export class SingleFlight<T> {
    private readonly inFlight = new Map<string, Promise<T>>();

    /** Runs `fn` unless a call with this key is already running; `joined` says which happened. */
    run(key: string, fn: () => Promise<T>): { promise: Promise<T>; joined: boolean } {
        const existing = this.inFlight.get(key);
        if (existing) return { promise: existing, joined: true };
        const promise = fn().finally(() => this.inFlight.delete(key));
        this.inFlight.set(key, promise);
        return { promise, joined: false };
    }

    /** The shared promise of `fn` under `key`, for callers that need not know whether they joined. */
    share(key: string, fn: () => Promise<T>): Promise<T> {
        return this.run(key, fn).promise;
    }

    get size(): number {
        return this.inFlight.size;
    }
}
