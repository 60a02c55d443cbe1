import type { FastifyInstance } from 'fastify';
import { AuditViewsRequest } from '../contract/auditViewsRequest';
import { authenticatedBody, type AuthenticatedBodyDeps } from './authenticatedBody';
import { sendProxyError } from './errorBody';
import { toProxyError } from './errorHandler';
import { invalidBody } from './invalidBody';
import { auditCacheView } from './requestLog';

/**
 * POST /v1/audit/views: records card views Salesforce served from its cache, one audit line each, the same line
 * a look-up writes, marked `source: salesforce-cache`. Authenticated like the look-up (the org's credential), in
 * onRequest, before the body is read, and the body read under the same deadlines (bodyGuard.ts). Not shed under
 * load (loadShedding.ts sheds look-ups only): a batch costs a few log lines, and a refused one is audit lines lost.
 * Answers 202 with the number of views recorded.
 */
export function registerAuditViewsRoute(app: FastifyInstance, deps: AuthenticatedBodyDeps): void {
    app.post('/v1/audit/views', authenticatedBody(deps), async (request, reply) => {
        try {
            const parsed = AuditViewsRequest.safeParse(request.body);
            if (!parsed.success) throw invalidBody(parsed.error, 'audit request');
            for (const view of parsed.data.views) auditCacheView(request, view);
            return reply.code(202).type('application/json; charset=utf-8').send({ accepted: parsed.data.views.length });
        } catch (err) {
            return sendProxyError(reply, toProxyError(err));
        }
    });
}
