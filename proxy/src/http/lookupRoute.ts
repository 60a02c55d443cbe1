import type { FastifyInstance } from 'fastify';
import type { CallerIdentity } from '../auth/callerAuth';
import type { LookupAnswer, LookupContext } from '../lookup/lookupTypes';
import type { LookupRequest } from '../contract/lookupRequest';
import { auditLookup } from './auditLog';
import { sendProxyError } from './errorBody';
import { toProxyError } from './errorHandler';
import { parseLookupBody } from './parseLookupBody';

export interface LookupRouteDeps {
    authenticate: (headers: Record<string, string | string[] | undefined>) => Promise<CallerIdentity>;
    lookup: (req: LookupRequest, ctx: LookupContext) => Promise<LookupAnswer>;
}

/**
 * POST /v1/profiles/lookup. Authentication runs in onRequest, before the body is even read, so an
 * unauthenticated caller cannot make the proxy parse anything.
 */
export function registerLookupRoute(app: FastifyInstance, deps: LookupRouteDeps): void {
    app.post(
        '/v1/profiles/lookup',
        {
            onRequest: async (request) => {
                const caller = await deps.authenticate(request.headers);
                request.callerAuth = caller.method;
            }
        },
        async (request, reply) => {
            let parsed: LookupRequest | null = null;
            try {
                parsed = parseLookupBody(request.body);
                const answer = await deps.lookup(parsed, { requestId: String(request.id), log: request.log });
                auditLookup(request, {
                    objectType: parsed.record.objectApiName,
                    recordId: parsed.record.recordId,
                    outcome: answer.source === 'stale' ? 'OK_STALE' : 'OK',
                    matchedNamespace: answer.matchedNamespace,
                    source: answer.source
                });
                reply.header('cache-control', 'no-store');
                return reply.code(200).type('application/json; charset=utf-8').send(answer.body);
            } catch (err) {
                const proxyError = toProxyError(err);
                if (proxyError.code === 'INTERNAL') request.log.error({ err }, 'look-up failed unexpectedly');
                auditLookup(request, {
                    objectType: parsed?.record.objectApiName ?? null,
                    recordId: parsed?.record.recordId ?? null,
                    outcome: proxyError.code,
                    matchedNamespace: null
                });
                return sendProxyError(reply, proxyError);
            }
        }
    );
}
