import type { FastifyBaseLogger, FastifyReply, FastifyRequest } from 'fastify';
import type { CacheView } from '../contract/auditViewsRequest';
import { SALESFORCE_ID } from '../contract/lookupRequest';
import { LOOKUP_ROUTE } from './lookupRoute';

/** What the look-up route learnt about one look-up, for its log line. */
export interface LookupFacts {
    objectType: string | null;
    recordId: string | null;
    outcome: string;
    matchedNamespace: string | null;
    /** aep, cache, shared-cache, coalesced, stale. */
    source?: string;
    /** Why AEP failed, when the card is stale or the answer an upstream error. */
    upstreamCode?: string;
    upstream?: string;
    upstreamStatus?: number;
}

declare module 'fastify' {
    interface FastifyRequest {
        /** How the caller authenticated (jwt / shared-secret), for the log line. */
        callerAuth?: string;
        lookupFacts?: LookupFacts;
    }
}

export interface RequestLogOptions {
    /** Share of successful look-ups logged (PROXY_LOG_LOOKUP_SAMPLE); every other outcome is always logged. */
    lookupSample: number;
    random?: () => number;
}

/** Routes probed every few seconds: their successful answers are not worth a line each. */
const QUIET_ROUTES = new Set(['/metrics', '/healthz', '/readyz']);

/**
 * One line per request, written when it completes (fastify's own request logging is off: it would log URLs and
 * headers we do not want). A look-up's line is also its audit record: who (the agent's Salesforce user id from
 * X-Agent-Id), which record, how the caller authenticated, the outcome and, for refusals, the reason code (the
 * detail a 401 body never gives). Never identity values: the record id and the namespace code are enough to
 * reconstruct the access from Salesforce's side.
 */
export function requestLogger(opts: RequestLogOptions): (request: FastifyRequest, reply: FastifyReply) => void {
    const random = opts.random ?? Math.random;
    return (request, reply) => {
        const route = request.routeOptions.url ?? 'unmatched';
        const status = reply.statusCode;
        const ms = Math.round(reply.elapsedTime * 10) / 10;
        const rejection = request.rejection;
        if (route !== LOOKUP_ROUTE || request.method !== 'POST') {
            if (QUIET_ROUTES.has(route) && status < 400) return;
            request.log.info(
                { method: request.method, route, status, ms, ...(rejection ? { outcome: rejection.code, reason: rejection.reason } : {}) },
                'request completed'
            );
            return;
        }
        const facts = request.lookupFacts;
        const served = status === 200 && facts?.source !== 'stale';
        if (served && opts.lookupSample < 1 && random() >= opts.lookupSample) return;
        const line = {
            audit: true,
            agentId: agentIdOf(request),
            callerAuth: request.callerAuth ?? null,
            objectType: facts?.objectType ?? null,
            recordId: facts?.recordId ?? null,
            outcome: facts?.outcome ?? rejection?.code ?? String(status),
            // Every refusal (4xx) names its reason; an upstream failure is described by the upstream fields below.
            ...(rejection && (rejection.reason || status < 500) ? { reason: rejection.reason ?? rejection.code } : {}),
            matchedNamespace: facts?.matchedNamespace ?? null,
            ...(facts?.source ? { source: facts.source } : {}),
            ...(facts?.upstreamCode ? { upstreamCode: facts.upstreamCode } : {}),
            ...(facts?.upstream ? { upstream: facts.upstream } : {}),
            ...(facts?.upstreamStatus ? { upstreamStatus: facts.upstreamStatus } : {}),
            status,
            ms
        };
        // Served: info. Stale cards, refused callers and AEP failures without a stale card: warn, so they stand out.
        if (served || (status >= 400 && status < 500 && status !== 401)) request.log.info(line, 'profile look-up');
        else if (status === 500) request.log.error(line, 'profile look-up');
        else request.log.warn(line, 'profile look-up');
    };
}

/**
 * The audit line of a view Salesforce served from its own cache (POST /v1/audit/views): the look-up's line, with
 * the agent and time the view carries (the caller is the org's forwarder, not the agent) and
 * `source: salesforce-cache`. Kept next to the look-up's line so the two stay one shape.
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

/**
 * The audit line of a card warmed ahead of the agent (POST /v1/profiles/warm): the look-up's line with no agent
 * (nobody has seen the card yet; the agent's own look-up writes its line when it is opened), `source: warm` and
 * `viewed: false`, so an audit of who saw which profile can leave it out and still see that AEP was asked.
 */
export function auditWarmed(
    log: FastifyBaseLogger,
    facts: {
        callerAuth: string | null;
        objectType: string;
        recordId: string;
        outcome: string;
        matchedNamespace: string | null;
        cached: string | null;
    }
): void {
    log.info(
        {
            audit: true,
            agentId: null,
            callerAuth: facts.callerAuth,
            objectType: facts.objectType,
            recordId: facts.recordId,
            outcome: facts.outcome,
            matchedNamespace: facts.matchedNamespace,
            source: 'warm',
            viewed: false,
            // Where the warmed card came from: aep (fetched now), cache / shared-cache (it was already fresh).
            ...(facts.cached ? { cardFrom: facts.cached } : {})
        },
        'profile warmed'
    );
}

function agentIdOf(request: FastifyRequest): string | null {
    const raw = request.headers['x-agent-id'];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value === undefined) return null;
    // Only a Salesforce user id is recorded; anything else is flagged, not copied (it could be PII).
    return SALESFORCE_ID.test(value) && value.startsWith('005') ? value : 'unrecognised';
}
