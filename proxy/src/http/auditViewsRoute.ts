import type { FastifyInstance } from 'fastify';
import { ProxyError } from '../errors';
import { AuditViewsRequest } from '../contract/auditViewsRequest';
import { bodyGuard } from './bodyGuard';
import { sendProxyError } from './errorBody';
import { toProxyError } from './errorHandler';
import type { LookupRouteDeps } from './lookupRoute';
import { auditCacheView } from './requestLog';

/**
 * POST /v1/audit/views: records card views Salesforce served from its cache, one audit line each, the same line
 * a look-up writes, marked `source: salesforce-cache`. Authenticated like the look-up (the org's credential), in
 * onRequest, before the body is read, and the body read under the same deadlines (bodyGuard.ts). Not shed under
 * load (loadShedding.ts sheds look-ups only): a batch costs a few log lines, and a refused one is audit lines lost.
 * Answers 202 with the number of views recorded.
 */
export function registerAuditViewsRoute(app: FastifyInstance, deps: Pick<LookupRouteDeps, 'authenticate' | 'bodyDeadlines'>): void {
    app.post(
        '/v1/audit/views',
        {
            onRequest: async (request) => {
                const caller = await deps.authenticate(request.headers);
                request.callerAuth = caller.method;
            },
            preParsing: bodyGuard(deps.bodyDeadlines)
        },
        async (request, reply) => {
            try {
                const parsed = AuditViewsRequest.safeParse(request.body);
                if (!parsed.success) {
                    // Paths and rules only: the body holds user and record ids, not for echoing back.
                    const issues = parsed.error.issues.slice(0, 10).map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`);
                    throw new ProxyError('INVALID_REQUEST', `invalid audit request: ${issues.join('; ')}`, { logReason: 'SCHEMA' });
                }
                for (const view of parsed.data.views) auditCacheView(request, view);
                return reply.code(202).type('application/json; charset=utf-8').send({ accepted: parsed.data.views.length });
            } catch (err) {
                return sendProxyError(reply, toProxyError(err));
            }
        }
    );
}
