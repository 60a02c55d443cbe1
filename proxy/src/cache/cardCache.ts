import { LRUCache } from 'lru-cache';
import type { ProxyConfig } from '../config';
import type { CardModel } from '../contract/cardModel';
import type { ErrorDetails } from '../contract/errors';
import { deserializeOutcome, serializeOutcome, type CachedErrorCode, type CachedOutcome } from './cachedOutcome';
import type { SharedStore } from './redisStore';

/**
 * A cached look-up result as served. Cards are kept as the UTF-8 JSON body of a cache hit (freshness.fromCache
 * already true) so a hit is a map lookup and a socket write, with no re-serialisation or re-encoding. Bytes,
 * not a string: a card with a mask character ('•') would be a two-byte V8 string, twice the memory, encoded
 * again on every write.
 */
export type CacheEntry =
    | {
          kind: 'card';
          fetchedAtMs: number;
          hitBody: Buffer;
          profileId: string;
          matchedNamespace: string | null;
          /** Its events failed this time: fresh only for the short partial TTL, so the next look-up tries again. */
          partial: boolean;
      }
    | {
          kind: 'error';
          fetchedAtMs: number;
          code: CachedErrorCode;
          message: string;
          details: ErrorDetails;
      };

export interface CacheLookup {
    entry: CacheEntry;
    /** Within CACHE_TTL_SECONDS; otherwise only good as a stale fallback. */
    fresh: boolean;
    source: 'memory' | 'shared';
}

/**
 * Short-TTL card cache: an in-process LRU bounded by entries and bytes, with an optional shared store
 * (Redis) behind it so N stateless instances share hits. Cards outlive their fresh TTL up to the stale TTL,
 * only to be served (marked stale) when AEP fails. A card whose events failed this time is fresh only for
 * CACHE_PARTIAL_TTL_SECONDS: a brief events failure must not stay on every agent's screen for the full TTL.
 * The shared store is best effort: its failures are misses.
 */
export class CardCache {
    private readonly lru: LRUCache<string, CacheEntry>;

    constructor(
        private readonly cfg: ProxyConfig['cache'],
        private readonly shared: SharedStore | null,
        private readonly now: () => number = Date.now
    ) {
        this.lru = new LRUCache<string, CacheEntry>({
            max: cfg.maxEntries,
            maxSize: cfg.maxBytes,
            // Body bytes (own ArrayBuffer) or UTF-16 strings, plus object overhead: keeps RSS within CACHE_MAX_BYTES.
            sizeCalculation: (e) =>
                256 + (e.kind === 'card' ? e.hitBody.length : 2 * (e.message.length + JSON.stringify(e.details).length)),
            ttl: Math.max(cfg.ttlMs, cfg.staleTtlMs, 1),
            ttlAutopurge: false
        });
    }

    get size(): number {
        return this.lru.size;
    }

    /** Synchronous in-process lookup (the hot path of a cache hit). */
    getLocal(key: string): CacheLookup | null {
        const entry = this.lru.get(key);
        if (!entry) return null;
        const fresh = this.isFresh(entry);
        if (!fresh && entry.kind === 'error') return null; // negative answers are never served stale
        return { entry, fresh, source: 'memory' };
    }

    async get(key: string): Promise<CacheLookup | null> {
        const local = this.getLocal(key);
        if (local?.fresh || !this.shared) return local;
        const text = await this.shared.get(key);
        const outcome = text ? deserializeOutcome(text) : null;
        if (!outcome) return local;
        const entry = toEntry(outcome);
        if (local && local.entry.fetchedAtMs >= entry.fetchedAtMs) return local;
        const fresh = this.isFresh(entry);
        if (!fresh && entry.kind === 'error') return local;
        this.lru.set(key, entry, { ttl: this.remainingTtl(entry) });
        return { entry, fresh, source: 'shared' };
    }

    /**
     * A fresh result stored at or after `sinceMs` (by this instance or, through the shared store, another
     * one), or null. Coalescing uses it to pick up what another instance fetched, never an older copy: a
     * refresh must not be answered with the card it asked to replace.
     */
    async getFreshSince(key: string, sinceMs: number): Promise<CacheEntry | null> {
        const isNew = (e: CacheEntry) => this.isFresh(e) && e.fetchedAtMs >= sinceMs;
        const local = this.lru.get(key);
        if (local && isNew(local)) return local;
        if (!this.shared) return null;
        const text = await this.shared.get(key);
        const outcome = text ? deserializeOutcome(text) : null;
        if (!outcome) return null;
        const entry = toEntry(outcome);
        if (!isNew(entry)) return null;
        const current = this.lru.get(key);
        if (!current || current.fetchedAtMs < entry.fetchedAtMs) this.lru.set(key, entry, { ttl: this.remainingTtl(entry) });
        return entry;
    }

    async set(key: string, outcome: CachedOutcome): Promise<void> {
        if (this.cfg.ttlMs === 0) return;
        const entry = toEntry(outcome);
        this.lru.set(key, entry, { ttl: this.remainingTtl(entry) });
        if (this.shared) await this.shared.set(key, serializeOutcome(outcome), this.remainingTtl(entry));
    }

    private isFresh(e: CacheEntry): boolean {
        return this.now() - e.fetchedAtMs < (e.kind === 'card' && e.partial ? this.cfg.partialTtlMs : this.cfg.ttlMs);
    }

    private remainingTtl(e: CacheEntry): number {
        const keepFor = e.kind === 'card' ? Math.max(this.cfg.ttlMs, this.cfg.staleTtlMs) : this.cfg.ttlMs;
        return Math.max(1, keepFor - (this.now() - e.fetchedAtMs));
    }
}

function toEntry(o: CachedOutcome): CacheEntry {
    if (o.kind === 'error') return o;
    const hit: CardModel = { ...o.card, freshness: { ...o.card.freshness, fromCache: true, stale: false, staleReason: null } };
    return {
        kind: 'card',
        fetchedAtMs: o.fetchedAtMs,
        hitBody: utf8Bytes(JSON.stringify(hit)),
        profileId: o.card.profileId,
        matchedNamespace: o.matchedNamespace,
        partial: o.card.events.status === 'error'
    };
}

/**
 * The text as UTF-8 in a buffer of its own. Buffer.from would carve small bodies out of Node's shared 8 KB
 * pool, and one cached body would then keep a whole pool slab alive for as long as it stays cached.
 */
function utf8Bytes(text: string): Buffer {
    const bytes = Buffer.allocUnsafeSlow(Buffer.byteLength(text, 'utf8'));
    bytes.write(text, 'utf8');
    return bytes;
}

/** The body of a stale answer: the last good card, marked so the agent sees a stale banner. */
export function staleBody(entry: Extract<CacheEntry, { kind: 'card' }>, reason: string): string {
    const card = JSON.parse(entry.hitBody.toString('utf8')) as CardModel;
    return JSON.stringify({ ...card, freshness: { ...card.freshness, fromCache: true, stale: true, staleReason: reason.slice(0, 64) } });
}
