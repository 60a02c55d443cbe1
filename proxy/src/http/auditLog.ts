import type { FastifyRequest } from 'fastify';
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

function agentIdOf(request: FastifyRequest): string | null {
    const raw = request.headers['x-agent-id'];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value === undefined) return null;
    // Only a Salesforce user id is recorded; anything else is flagged, not copied (it could be PII).
    return SALESFORCE_ID.test(value) && value.startsWith('005') ? value : 'unrecognised';
}
