/**
 * In-process request coalescing: concurrent calls with the same key share one execution. The entry is
 * removed when it settles, so later calls start fresh (the card cache then answers them).
 */
export class SingleFlight<T> {
    private readonly inFlight = new Map<string, Promise<T>>();

    /** Runs `fn` unless an identical call is already running; `joined` says which happened. */
    run(key: string, fn: () => Promise<T>): { promise: Promise<T>; joined: boolean } {
        const existing = this.inFlight.get(key);
        if (existing) return { promise: existing, joined: true };
        const promise = fn().finally(() => this.inFlight.delete(key));
        this.inFlight.set(key, promise);
        return { promise, joined: false };
    }

    get size(): number {
        return this.inFlight.size;
    }
}
