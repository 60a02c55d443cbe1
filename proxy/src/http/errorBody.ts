import type { FastifyReply } from 'fastify';
import type { ErrorBody } from '../contract/errors';
import type { ProxyError } from '../errors';

declare module 'fastify' {
    interface FastifyRequest {
        /** The error this request was answered with: its code and log-only reason go into the request's log line. */
        rejection?: { code: string; reason: string | null };
    }
}

export function errorBody(err: ProxyError, requestId: string): ErrorBody {
    return { error: { code: err.code, message: err.message, requestId, ...(err.details ? { details: err.details } : {}) } };
}

/** Answers with the documented error shape (proxy/src/contract/errors.ts) and notes the rejection for the log line. */
export function sendProxyError(reply: FastifyReply, err: ProxyError): FastifyReply {
    reply.request.rejection = { code: err.code, reason: err.logReason ?? null };
    // Set here as well as in the onRequest hook: refusals from before the hooks (framework errors) carry it too.
    reply.header('x-request-id', String(reply.request.id));
    if (err.retryAfterSeconds !== undefined) reply.header('retry-after', String(Math.max(1, Math.ceil(err.retryAfterSeconds))));
    if (err.headers) reply.headers(err.headers);
    // The caller may still be sending a body we will not read: do not keep the connection for its next request.
    if (err.closeConnection) reply.header('connection', 'close');
    return reply
        .code(err.status)
        .header('cache-control', 'no-store')
        .type('application/json; charset=utf-8')
        .send(errorBody(err, String(reply.request.id)));
}
