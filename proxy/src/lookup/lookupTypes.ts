import type { FastifyBaseLogger } from 'fastify';

/** What the look-up route sends back on success: the card as JSON text plus facts for the audit log. */
export interface LookupAnswer {
    /** Serialised CardModel: UTF-8 bytes as cached (hits), or JSON text (fresh from AEP, coalesced, stale). */
    body: Buffer | string;
    /** aep: fetched now; cache / shared-cache: fresh copy; coalesced: joined an identical call; stale: AEP failed. */
    source: 'aep' | 'cache' | 'shared-cache' | 'coalesced' | 'stale';
    profileId: string;
    matchedNamespace: string | null;
    /** Time spent on the AEP round(s) of this answer (fetched or joined; shaping included), for Server-Timing. */
    aepMs?: number;
    /** A stale answer's cause, for the look-up's log line: the error code AEP's failure maps to, and which call failed. */
    staleBecause?: { upstreamCode: string; upstream?: string; upstreamStatus?: number };
}

export interface LookupContext {
    requestId: string;
    log: FastifyBaseLogger;
    /** warm: nobody waits for it (lookup/warmQueue.ts); its AEP calls come out of the warming share. */
    priority?: 'interactive' | 'warm';
}
