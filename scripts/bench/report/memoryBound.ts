/**
 * The memory bound of one proxy instance, as proxy/deploy/README.md ("Sizing") states it:
 *
 *   RSS <= RSS empty + 1.1 x cached card bytes
 *          + PROXY_MAX_CONCURRENT_LOOKUPS x 1 MiB   (a look-up talking to AEP: AEP's answers read and parsed,
 *                                                    the card being shaped, and the garbage it leaves)
 *          + PROXY_LOOKUP_QUEUE x 16 KiB           (a look-up waiting for a slot: its parsed request)
 *          + PROXY_MAX_CONNECTIONS x 64 KiB        (socket buffers, a body up to PROXY_BODY_LIMIT_BYTES, a card
 *                                                    being written)
 *
 * The allowances are for AEP answers of up to a few hundred KB (a profile read with the proxy's fields list and
 * up to 110 events); AEP_MAX_RESPONSE_BYTES caps each answer, so a deployment with larger profiles raises the
 * per-look-up allowance (about 3 x its profile and events answer bytes). The bench's burst scenario checks the
 * bound against the measured peak.
 */
export const ALLOWANCE = {
    perLookupBytes: 1024 * 1024,
    perQueuedBytes: 16 * 1024,
    perConnectionBytes: 64 * 1024,
    /** What the in-process cache holds beyond the cards' own bytes (bench scenario 5). */
    cacheOverhead: 1.1
} as const;

export interface BoundInputs {
    rssEmptyBytes: number;
    cachedCardBytes: number;
    maxConcurrentLookups: number;
    lookupQueue: number;
    maxConnections: number;
}

export interface MemoryBound {
    totalBytes: number;
    terms: { rssEmpty: number; cache: number; lookups: number; queue: number; connections: number };
}

export function memoryBound(i: BoundInputs): MemoryBound {
    const terms = {
        rssEmpty: i.rssEmptyBytes,
        cache: Math.round(ALLOWANCE.cacheOverhead * i.cachedCardBytes),
        lookups: i.maxConcurrentLookups * ALLOWANCE.perLookupBytes,
        queue: i.lookupQueue * ALLOWANCE.perQueuedBytes,
        connections: i.maxConnections * ALLOWANCE.perConnectionBytes
    };
    return { totalBytes: Object.values(terms).reduce((a, b) => a + b, 0), terms };
}
