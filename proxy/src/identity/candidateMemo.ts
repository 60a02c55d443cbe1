import { LRUCache } from 'lru-cache';
import type { LookupRequest } from '../contract/lookupRequest';
import { buildCandidates, type BuiltCandidates } from './buildCandidates';
import type { FieldMapping, NamespaceCatalog } from './fieldMapping';

/** Candidates of one record, plus values derived from them alone (the hashed cache key), memoised together. */
export interface MemoisedCandidates extends BuiltCandidates {
    /** Derived value by caller-chosen key (e.g. the look-up cache key per merge policy, profileId, maxEvents). */
    derive(key: string, compute: () => string): string;
}

export interface CandidateMemoOptions {
    /** Records remembered per (catalog, mapping). */
    maxEntries: number;
    /** Bound on the memo's estimated memory per (catalog, mapping). */
    maxBytes: number;
}

/** Values derived per memo entry (cache keys for a few maxEvents / profileId variants of one record). */
const MAX_DERIVED = 16;

/**
 * Memo of `buildCandidates`, which is pure given the record's fields, the mapping and the namespace catalog
 * but costs most of a cache hit (libphonenumber parses every phone). Agents reopen the same records, so a
 * cache hit finds the record here and skips normalisation and hashing entirely.
 *
 * Keyed by object identity of the catalog and the mapping (each refresh of the catalog yields a new
 * object, so a refreshed catalog never sees candidates built against the old one; the old memo goes with
 * the old catalog), then by the record's object type and fields exactly as sent (JSON text: field order,
 * case and nulls included, so equal keys mean equal input). Entries are frozen: callers share them.
 */
export class CandidateMemo {
    private readonly byCatalog = new WeakMap<NamespaceCatalog, WeakMap<FieldMapping, LRUCache<string, MemoisedCandidates>>>();

    constructor(private readonly opts: CandidateMemoOptions = { maxEntries: 10_000, maxBytes: 16 * 1024 * 1024 }) {}

    build(record: LookupRequest['record'], mapping: FieldMapping, catalog: NamespaceCatalog): MemoisedCandidates {
        const memo = this.memoFor(catalog, mapping);
        const key = `${record.objectApiName}\u0000${JSON.stringify(record.fields)}`;
        const known = memo.get(key);
        if (known) return known;
        const entry = memoised(buildCandidates(record, mapping, catalog));
        memo.set(key, entry);
        return entry;
    }

    private memoFor(catalog: NamespaceCatalog, mapping: FieldMapping): LRUCache<string, MemoisedCandidates> {
        let byMapping = this.byCatalog.get(catalog);
        if (!byMapping) {
            byMapping = new WeakMap();
            this.byCatalog.set(catalog, byMapping);
        }
        let memo = byMapping.get(mapping);
        if (!memo) {
            memo = new LRUCache<string, MemoisedCandidates>({
                max: this.opts.maxEntries,
                maxSize: this.opts.maxBytes,
                // UTF-16 key, the candidate objects (values, masks; a record spelled several ways has a dozen) and the
                // derived keys: a generous estimate.
                sizeCalculation: (v, key) => 2 * key.length + 1024 + 256 * (v.candidates.length + v.skipped.length)
            });
            byMapping.set(mapping, memo);
        }
        return memo;
    }
}

function memoised(built: BuiltCandidates): MemoisedCandidates {
    const derived = new Map<string, string>();
    for (const c of built.candidates) Object.freeze(c);
    for (const s of built.skipped) Object.freeze(s);
    return Object.freeze({
        candidates: Object.freeze(built.candidates) as BuiltCandidates['candidates'],
        skipped: Object.freeze(built.skipped) as BuiltCandidates['skipped'],
        derive(key: string, compute: () => string): string {
            let value = derived.get(key);
            if (value === undefined) {
                value = compute();
                if (derived.size < MAX_DERIVED) derived.set(key, value);
            }
            return value;
        }
    });
}
