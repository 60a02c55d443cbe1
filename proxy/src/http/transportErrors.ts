import { randomUUID } from 'node:crypto';
import { STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { ProxyError } from '../errors';
import type { Logger } from '../observability/logger';
import type { ProxyMetrics } from '../observability/metrics';
import { errorBody } from './errorBody';
import { requestIdFrom } from './requestId';

/**
 * Answers, in the documented error shape and with an X-Request-Id, what node:http refuses before fastify sees a
 * request: HTTP parser errors (malformed request line, chunked framing, Content-Length with Transfer-Encoding,
 * header overflow -> 431), headers that do not arrive in time (headersTimeout -> 408), an `Expect` other than
 * 100-continue (417) and CONNECT (405). Node's own answers carry no body or fastify's default body
 * (https://nodejs.org/api/http.html#event-clienterror, #event-checkexpectation, #event-connect).
 */
export interface TransportDeps {
    logger: Logger;
    metrics: ProxyMetrics;
}

/** fastify's `clientErrorHandler` option: called with the parser's error and the raw socket. */
export function clientErrorHandler(deps: TransportDeps): (err: NodeJS.ErrnoException, socket: Duplex) => void {
    return (err, socket) => {
        // A reset or already closed connection has nobody left to answer.
        if (err.code === 'ECONNRESET' || socket.destroyed) return;
        const refusal = refusalOf(err);
        // Node's rule: answer only when nothing of a response went out on this socket yet; else just close it.
        const inFlight = (socket as { _httpMessage?: ServerResponse })._httpMessage;
        if (socket.writable && !inFlight?.headersSent) writeRaw(socket, refusal, randomUUID(), deps);
        else record(refusal, null, deps);
        socket.destroy();
    };
}

/** `Expect` and CONNECT, on the node:http server fastify created. */
export function installTransportErrorHandling(server: Server, deps: TransportDeps): void {
    server.on('checkExpectation', (req: IncomingMessage, res: ServerResponse) => {
        const refusal = new ProxyError('EXPECTATION_FAILED', 'only "Expect: 100-continue" is supported', { logReason: 'EXPECT_HEADER' });
        const requestId = requestIdFrom(req);
        record(refusal, requestId, deps);
        res.writeHead(refusal.status, responseHeaders(refusal, requestId, body(refusal, requestId)));
        res.end(body(refusal, requestId));
    });
    server.on('connect', (req: IncomingMessage, socket: Duplex) => {
        const refusal = new ProxyError('METHOD_NOT_ALLOWED', 'CONNECT is not supported: this is not a forward proxy', {
            logReason: 'CONNECT',
            headers: { allow: 'GET, POST' }
        });
        writeRaw(socket, refusal, requestIdFrom(req), deps);
        socket.destroy();
    });
    // Connections beyond server.maxConnections are closed by node before any byte is read: only counted.
    server.on('drop', () => deps.metrics.droppedConnections.inc());
}

function refusalOf(err: NodeJS.ErrnoException): ProxyError {
    switch (err.code) {
        case 'ERR_HTTP_REQUEST_TIMEOUT':
            return new ProxyError(
                'REQUEST_TIMEOUT',
                'the request did not arrive in time (PROXY_HEADERS_TIMEOUT_MS, PROXY_BODY_TIMEOUT_MS)',
                {
                    logReason: 'HEADERS_TIMEOUT'
                }
            );
        case 'HPE_HEADER_OVERFLOW':
            return new ProxyError('HEADERS_TOO_LARGE', 'the request headers are larger than the proxy accepts (16 KB)', {
                logReason: 'HEADER_OVERFLOW'
            });
        case 'HPE_INVALID_METHOD':
            return new ProxyError('INVALID_REQUEST', 'unsupported HTTP method; see /openapi.yaml', { logReason: 'INVALID_METHOD' });
        default:
            // HPE_INVALID_CHUNK_SIZE, HPE_UNEXPECTED_CONTENT_LENGTH (Content-Length with Transfer-Encoding), ...
            return new ProxyError('INVALID_REQUEST', 'the request is not valid HTTP/1.1', { logReason: err.code ?? 'PARSE_ERROR' });
    }
}

function body(err: ProxyError, requestId: string): string {
    return JSON.stringify(errorBody(err, requestId));
}

function responseHeaders(err: ProxyError, requestId: string, text: string): Record<string, string> {
    return {
        'content-type': 'application/json; charset=utf-8',
        'content-length': String(Buffer.byteLength(text)),
        'cache-control': 'no-store',
        'x-request-id': requestId,
        connection: 'close',
        ...err.headers
    };
}

/** A whole HTTP/1.1 response written straight to the socket (no ServerResponse exists at this point). */
function writeRaw(socket: Duplex, err: ProxyError, requestId: string, deps: TransportDeps): void {
    const text = body(err, requestId);
    const head = Object.entries(responseHeaders(err, requestId, text))
        .map(([k, v]) => `${k}: ${v}\r\n`)
        .join('');
    socket.write(`HTTP/1.1 ${err.status} ${STATUS_CODES[err.status] ?? ''}\r\n${head}\r\n${text}`);
    record(err, requestId, deps);
}

function record(err: ProxyError, requestId: string | null, deps: TransportDeps): void {
    deps.metrics.transportRejections.inc({ code: err.code });
    deps.logger.info({ requestId, status: err.status, outcome: err.code, reason: err.logReason ?? null }, 'request refused before routing');
}
