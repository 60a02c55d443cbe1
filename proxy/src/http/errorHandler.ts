import type { FastifyError, FastifyInstance } from 'fastify';
import { ProxyError } from '../errors';
import { sendProxyError } from './errorBody';

/**
 * Maps everything that escapes a route to the documented error shape. Fastify's own errors (body too
 * large, unsupported media type, unparsable JSON, prototype-poisoning keys) become the matching 4xx;
 * anything unknown is a 500 INTERNAL whose message reveals nothing about internals (the details go to
 * the log, scrubbed). The process never crashes on a request. What the HTTP parser refuses before fastify
 * sees a request is answered in the same shape by transportErrors.ts.
 */
export function installErrorHandling(app: FastifyInstance): void {
    app.setErrorHandler((err: FastifyError | ProxyError | Error, request, reply) => {
        const mapped = toProxyError(err);
        if (mapped.code === 'INTERNAL') request.log.error({ err }, 'unhandled error in request');
        return sendProxyError(reply, mapped);
    });
    app.setNotFoundHandler((request, reply) =>
        sendProxyError(
            reply,
            new ProxyError('ROUTE_NOT_FOUND', `no route ${request.method} ${request.url.split('?')[0]?.slice(0, 100)}; see /openapi.yaml`, {
                logReason: 'NO_ROUTE'
            })
        )
    );
}

export function toProxyError(err: unknown): ProxyError {
    if (err instanceof ProxyError) return err;
    const e = err as Partial<FastifyError> & { message?: string };
    switch (e.code) {
        case 'FST_ERR_CTP_BODY_TOO_LARGE':
            return new ProxyError('PAYLOAD_TOO_LARGE', 'request body is larger than the proxy accepts (PROXY_BODY_LIMIT_BYTES)', {
                logReason: 'BODY_TOO_LARGE',
                closeConnection: true
            });
        case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
            return new ProxyError('UNSUPPORTED_MEDIA_TYPE', 'send the body as Content-Type: application/json', {
                logReason: 'CONTENT_TYPE',
                closeConnection: true
            });
        case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
            return new ProxyError('INVALID_REQUEST', 'Content-Length does not match the body', {
                logReason: 'CONTENT_LENGTH_MISMATCH',
                closeConnection: true
            });
        case 'FST_ERR_CTP_EMPTY_JSON_BODY':
            return new ProxyError('INVALID_REQUEST', 'request body is empty; send a JSON object', { logReason: 'EMPTY_BODY' });
        case 'FST_ERR_CTP_INVALID_JSON_BODY':
            return new ProxyError('INVALID_REQUEST', 'request body is not valid JSON', { logReason: 'INVALID_JSON' });
        case 'FST_ERR_BAD_URL':
            return new ProxyError('INVALID_REQUEST', 'the URL is not valid (bad percent-encoding)', { logReason: 'BAD_URL' });
        default:
            break;
    }
    // secure-json-parse (fastify's JSON parser) refuses __proto__ / constructor.prototype keys.
    if (/prototype|constructor/i.test(e.message ?? ''))
        return new ProxyError('INVALID_REQUEST', 'request body contains a forbidden key (__proto__ or constructor.prototype)', {
            logReason: 'FORBIDDEN_KEY'
        });
    if (e instanceof SyntaxError) return new ProxyError('INVALID_REQUEST', 'request body is not valid JSON', { logReason: 'INVALID_JSON' });
    const status = typeof e.statusCode === 'number' ? e.statusCode : 500;
    if (status === 413)
        return new ProxyError('PAYLOAD_TOO_LARGE', 'request body is larger than the proxy accepts', {
            logReason: 'BODY_TOO_LARGE',
            closeConnection: true
        });
    if (status === 415)
        return new ProxyError('UNSUPPORTED_MEDIA_TYPE', 'send the body as Content-Type: application/json', {
            logReason: 'CONTENT_TYPE',
            closeConnection: true
        });
    if (status >= 400 && status < 500)
        return new ProxyError('INVALID_REQUEST', 'the request could not be read', { logReason: e.code ?? `HTTP_${status}` });
    return new ProxyError('INTERNAL', 'internal error; the request id identifies it in the proxy logs', {
        logReason: e.code ?? 'UNHANDLED'
    });
}
