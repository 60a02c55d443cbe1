import type { FastifyReply } from 'fastify';
import type { ErrorBody } from '../contract/errors';
import type { ProxyError } from '../errors';

export function errorBody(err: ProxyError, requestId: string): ErrorBody {
    return { error: { code: err.code, message: err.message, requestId, ...(err.details ? { details: err.details } : {}) } };
}

export function sendProxyError(reply: FastifyReply, err: ProxyError): FastifyReply {
    if (err.retryAfterSeconds !== undefined) reply.header('retry-after', String(Math.max(1, Math.ceil(err.retryAfterSeconds))));
    return reply
        .code(err.status)
        .type('application/json; charset=utf-8')
        .send(errorBody(err, String(reply.request.id)));
}
