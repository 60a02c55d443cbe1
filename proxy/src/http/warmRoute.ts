import type { FastifyInstance } from 'fastify';
import { WarmRequest } from '../contract/warmRequest';
import type { WarmQueue } from '../lookup/warmQueue';
import { authenticatedBody, type AuthenticatedBodyDeps } from './authenticatedBody';
import { sendProxyError } from './errorBody';
import { toProxyError } from './errorHandler';
import { invalidBody } from './invalidBody';

export const WARM_ROUTE = '/v1/profiles/warm';

export interface WarmRouteDeps extends AuthenticatedBodyDeps {
    warmQueue: WarmQueue;
}

/**
 * POST /v1/profiles/warm: the org asks for cards to be ready before an agent opens them (the Case trigger's job,
 * ProfileCardWarmer). Authenticated like a look-up, in onRequest, before the body is read; the body read under the
 * same deadlines and validated against the same record contract. Answers 202 as soon as the records are queued
 * (lookup/warmQueue.ts), with how many were taken and how many dropped because the queue was full; each record
 * then gets a warm look-up at the warming share's pace and its own audit line (requestLog.ts, auditWarmed). Refused
 * under load shedding like a look-up (loadShedding.ts); records already queued wait while it lasts (warmQueue.ts).
 */
export function registerWarmRoute(app: FastifyInstance, deps: WarmRouteDeps): void {
    app.post(WARM_ROUTE, authenticatedBody(deps), async (request, reply) => {
        try {
            const parsed = WarmRequest.safeParse(request.body);
            if (!parsed.success) throw invalidBody(parsed.error, 'warm request');
            const { records, maxEvents, includeSensitive } = parsed.data;
            const ctx = { requestId: String(request.id), log: request.log };
            const callerAuth = request.callerAuth ?? null;
            const { accepted, dropped } = deps.warmQueue.offer(
                records.map((record) => ({
                    request: {
                        record,
                        ...(maxEvents !== undefined ? { maxEvents } : {}),
                        ...(includeSensitive !== undefined ? { includeSensitive } : {})
                    },
                    ctx,
                    callerAuth
                }))
            );
            if (dropped > 0) request.log.warn({ accepted, dropped }, 'warm queue full (PROXY_WARM_QUEUE): records dropped, not warmed');
            return reply.code(202).type('application/json; charset=utf-8').send({ accepted, dropped });
        } catch (err) {
            return sendProxyError(reply, toProxyError(err));
        }
    });
}
