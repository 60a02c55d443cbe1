import type { FastifyInstance } from 'fastify';
import type { LookupAnswer, LookupContext } from '../lookup/lookupTypes';
import type { LookupRequest } from '../contract/lookupRequest';
import { authenticatedBody, type AuthenticatedBodyDeps } from './authenticatedBody';
import { sendProxyError } from './errorBody';
import { toProxyError } from './errorHandler';
import { parseLookupBody } from './parseLookupBody';

export const LOOKUP_ROUTE = '/v1/profiles/lookup';

export interface LookupRouteDeps extends AuthenticatedBodyDeps {
    lookup: (req: LookupRequest, ctx: LookupContext) => Promise<LookupAnswer>;
}

/**
 * POST /v1/profiles/lookup. Authenticated before the body is read, the body read under deadlines
 * (authenticatedBody.ts). The route is shed first when the instance is overloaded (loadShedding.ts).
 */
export function registerLookupRoute(app: FastifyInstance, deps: LookupRouteDeps): void {
    app.post(LOOKUP_ROUTE, authenticatedBody(deps), async (request, reply) => {
        let parsed: LookupRequest | null = null;
        try {
            parsed = parseLookupBody(request.body);
            const answer = await deps.lookup(parsed, { requestId: String(request.id), log: request.log });
            request.lookupFacts = {
                objectType: parsed.record.objectApiName,
                recordId: parsed.record.recordId,
                outcome: answer.source === 'stale' ? 'OK_STALE' : 'OK',
                matchedNamespace: answer.matchedNamespace,
                source: answer.source,
                ...answer.staleBecause
            };
            reply.header('cache-control', 'no-store');
            // Where the time went, for the relay and the browser (https://www.w3.org/TR/server-timing/); a
            // cache hit spends none in AEP and sends none.
            if (answer.aepMs !== undefined) reply.header('server-timing', `aep;dur=${answer.aepMs.toFixed(1)};desc="AEP round"`);
            return reply.code(200).type('application/json; charset=utf-8').send(answer.body);
        } catch (err) {
            const proxyError = toProxyError(err);
            if (proxyError.code === 'INTERNAL') request.log.error({ err }, 'look-up failed unexpectedly');
            request.lookupFacts = {
                objectType: parsed?.record.objectApiName ?? null,
                recordId: parsed?.record.recordId ?? null,
                outcome: proxyError.code,
                matchedNamespace: null,
                ...(proxyError.details?.upstream ? { upstream: proxyError.details.upstream } : {}),
                ...(proxyError.details?.upstreamStatus ? { upstreamStatus: proxyError.details.upstreamStatus } : {})
            };
            return sendProxyError(reply, proxyError);
        }
    });
}
