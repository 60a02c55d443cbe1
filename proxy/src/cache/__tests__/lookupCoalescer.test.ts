import { createMetrics } from '../../observability/metrics';
import { LookupCoalescer } from '../lookupCoalescer';
import type { SharedStore } from '../redisStore';

/**
 * The shared store's semantics as Redis gives them (GET/SET, SET NX lock, DEL), in memory, so each test
 * can place the other instance's steps exactly between this instance's steps. TTLs do not matter here.
 */
class InMemoryStore implements SharedStore {
    readonly values = new Map<string, string>();
    readonly locks = new Set<string>();
    async get(key: string) {
        return this.values.get(key) ?? null;
    }
    async set(key: string, value: string) {
        this.values.set(key, value);
    }
    async tryLock(key: string) {
        if (this.locks.has(key)) return false;
        this.locks.add(key);
        return true;
    }
    async unlock(key: string) {
        this.locks.delete(key);
    }
    async claimOnce(key: string) {
        if (this.locks.has(key)) return false;
        this.locks.add(key);
        return true;
    }
    async ping() {
        return true;
    }
    async close() {}
}

interface Result {
    by: string;
    at: number;
}

const KEY = 'k1';

function setUp() {
    const store = new InMemoryStore();
    const metrics = createMetrics({ defaultMetrics: false });
    const coalescer = new LookupCoalescer<Result>(store, metrics);
    const readShared = async (sinceMs: number): Promise<Result | null> => {
        const text = await store.get(KEY);
        const stored = text ? (JSON.parse(text) as Result) : null;
        return stored && stored.at >= sinceMs ? stored : null;
    };
    let aepCalls = 0;
    const work = async (): Promise<Result> => {
        aepCalls += 1;
        return { by: 'this instance', at: Date.now() };
    };
    const otherInstanceFinishes = async () => {
        await store.set(KEY, JSON.stringify({ by: 'other instance', at: Date.now() }));
        await store.unlock(KEY);
    };
    const sharedJoins = async () => (await metrics.coalesced.get()).values.find((v) => v.labels.scope === 'shared')?.value ?? 0;
    return { store, coalescer, readShared, work, otherInstanceFinishes, aepCalls: () => aepCalls, sharedJoins };
}

describe('LookupCoalescer across instances', () => {
    it('does not call AEP again when the other instance stores its result and releases the lock right after a poll missed it', async () => {
        const t = setUp();
        await t.store.tryLock(KEY); // the other instance is fetching
        let polls = 0;
        const readShared = async (sinceMs: number) => {
            polls += 1;
            const seen = await t.readShared(sinceMs);
            // The race: this poll read the cache just before the result landed; the lock is released before the next tryLock.
            if (polls === 1) await t.otherInstanceFinishes();
            return seen;
        };

        const result = await t.coalescer.run(KEY, { lockMs: 5000, readShared }, t.work);

        expect(polls).toBe(2); // the missed poll, then the read under the lock
        expect(t.aepCalls()).toBe(0);
        expect(result).toEqual({ value: expect.objectContaining({ by: 'other instance' }), joined: 'shared' });
        expect(await t.sharedJoins()).toBe(1);
        expect(t.store.locks.has(KEY)).toBe(false); // the lock taken for the re-read is released
    });

    it('does not call AEP when the result landed before the first lock attempt', async () => {
        const t = setUp();
        await t.otherInstanceFinishes();
        const result = await t.coalescer.run(KEY, { lockMs: 5000, readShared: t.readShared }, t.work);
        expect(t.aepCalls()).toBe(0);
        expect(result.joined).toBe('shared');
        expect(t.store.locks.has(KEY)).toBe(false);
    });

    it('calls AEP exactly once, under the lock, when nobody stored a result', async () => {
        const t = setUp();
        let lockedDuringWork = false;
        const result = await t.coalescer.run(KEY, { lockMs: 5000, readShared: t.readShared }, async () => {
            lockedDuringWork = t.store.locks.has(KEY);
            return t.work();
        });
        expect(t.aepCalls()).toBe(1);
        expect(lockedDuringWork).toBe(true);
        expect(result).toEqual({ value: expect.objectContaining({ by: 'this instance' }), joined: 'none' });
        expect(t.store.locks.has(KEY)).toBe(false);
    });

    it('ignores a result stored well before the look-up started (a refresh is not answered with the old card)', async () => {
        const t = setUp();
        await t.store.set(KEY, JSON.stringify({ by: 'old fetch', at: Date.now() - 60_000 }));
        const result = await t.coalescer.run(KEY, { lockMs: 5000, readShared: t.readShared }, t.work);
        expect(t.aepCalls()).toBe(1);
        expect(result.value.by).toBe('this instance');
    });

    it('joins an identical in-process look-up without touching the shared store twice', async () => {
        const t = setUp();
        let release!: () => void;
        const gate = new Promise<void>((r) => (release = r));
        const first = t.coalescer.run(KEY, { lockMs: 5000, readShared: t.readShared }, async () => {
            await gate;
            return t.work();
        });
        const second = t.coalescer.run(KEY, { lockMs: 5000, readShared: t.readShared }, t.work);
        release();
        const [a, b] = await Promise.all([first, second]);
        expect(t.aepCalls()).toBe(1);
        expect(a.joined).toBe('none');
        expect(b.joined).toBe('local');
        expect(b.value).toBe(a.value);
    });
});
