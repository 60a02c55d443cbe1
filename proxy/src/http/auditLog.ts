import type { FastifyRequest } from 'fastify';
import type { CacheView } from '../contract/auditViewsRequest';
import { SALESFORCE_ID } from '../contract/lookupRequest';

export interface AuditFacts {
    objectType: string | null;
    recordId: string | null;
    outcome: string;
    matchedNamespace: string | null;
    source?: string;
}

/**
 * One audit line per look-up: who (the agent's Salesforce user id from X-Agent-Id), which record, what
 * happened, which namespace matched. Never identity values: the record id and namespace code are enough
 * to reconstruct the access from Salesforce's side.
 */
export function auditLookup(request: FastifyRequest, facts: AuditFacts): void {
    request.log.info({ audit: true, agentId: agentIdOf(request), callerAuth: request.callerAuth ?? null, ...facts }, 'profile look-up');
}

/**
 * The audit line of a view Salesforce served from its cache: the look-up's line, with the agent and time the
 * view carries (the caller is the org's forwarder, not the agent) and `source: salesforce-cache`.
 */
export function auditCacheView(request: FastifyRequest, view: CacheView): void {
    request.log.info(
        {
            audit: true,
            agentId: view.agentId,
            callerAuth: request.callerAuth ?? null,
            objectType: view.objectApiName,
            recordId: view.recordId,
            outcome: 'OK',
            matchedNamespace: view.matchedNamespace ?? null,
            source: 'salesforce-cache',
            viewedAt: view.viewedAt,
            eventId: view.eventId ?? null
        },
        'profile look-up'
    );
}

function agentIdOf(request: FastifyRequest): string | null {
    const raw = request.headers['x-agent-id'];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value === undefined) return null;
    // Only a Salesforce user id is recorded; anything else is flagged, not copied (it could be PII).
    return SALESFORCE_ID.test(value) && value.startsWith('005') ? value : 'unrecognised';
}
