import { Transform, type Readable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import { ProxyError } from '../errors';

export interface BodyDeadlines {
    /** The whole body, counted from when its reading starts (the headers are in by then). */
    totalMs: number;
    /** The longest pause between two pieces of it. */
    idleMs: number;
}

/**
 * A fastify `preParsing` hook for the look-up route: refuses compressed bodies, and hands fastify's body
 * reader a stream that fails with 408 REQUEST_TIMEOUT when the body trickles in slower than the deadlines,
 * so a slow client is answered in the documented shape and its connection closed, instead of holding a
 * socket and a buffer for minutes. node:http's requestTimeout stays the backstop for anything else.
 *
 * Compressed bodies: a look-up body is a few hundred bytes, so nothing is gained by inflating it and a
 * decompression bomb is one more thing to bound. `Content-Encoding` other than identity is refused with 415
 * and `Accept-Encoding: identity` (RFC 9110 sections 8.4 and 15.5.16).
 */
export function bodyGuard(deadlines: BodyDeadlines) {
    // Callback style: it runs on every look-up, cache hits included, and an async hook costs a promise per call.
    return (request: FastifyRequest, _reply: unknown, payload: Readable, done: (err: Error | null, body?: Readable) => void): void => {
        const encoding = request.headers['content-encoding'];
        if (encoding !== undefined && !isIdentity(encoding)) {
            done(
                new ProxyError('UNSUPPORTED_MEDIA_TYPE', 'send the body uncompressed: Content-Encoding is not accepted', {
                    logReason: 'CONTENT_ENCODING',
                    headers: { 'accept-encoding': 'identity' },
                    closeConnection: true
                })
            );
            return;
        }
        done(null, alreadyReceived(request, payload) ? payload : withDeadlines(payload, deadlines));
    };
}

function isIdentity(encoding: string): boolean {
    const e = encoding.trim().toLowerCase();
    return e === 'identity' || e === '';
}

/**
 * A body whose every byte node:http has already buffered (it came with the headers, as a look-up body of a few
 * hundred bytes usually does) cannot trickle: reading it finishes at once, so it needs no deadlines.
 */
function alreadyReceived(request: FastifyRequest, payload: Readable): boolean {
    const declared = request.headers['content-length'];
    if (declared === undefined || request.headers['transfer-encoding'] !== undefined) return false;
    const length = Number(declared);
    return Number.isSafeInteger(length) && length > 0 && payload.readableLength === length;
}

/** `source` piped through a stream that errors out when the deadlines pass. */
export function withDeadlines(source: Readable, d: BodyDeadlines): Readable {
    const fail = (logReason: string, message: string) =>
        guarded.destroy(new ProxyError('REQUEST_TIMEOUT', message, { logReason, closeConnection: true }));
    const total = setTimeout(fail, d.totalMs, 'BODY_TIMEOUT', `the request body did not arrive within ${d.totalMs} ms`);
    const idle = setTimeout(fail, d.idleMs, 'BODY_IDLE_TIMEOUT', `the request body paused for more than ${d.idleMs} ms`);
    const guarded = new Transform({
        transform(chunk, _enc, done) {
            idle.refresh();
            done(null, chunk);
        }
    });
    const stop = () => {
        clearTimeout(total);
        clearTimeout(idle);
    };
    guarded.once('end', stop);
    guarded.once('close', stop);
    // Whatever ends the request (all read, or the client gone) ends the deadlines.
    source.once('close', stop);
    source.once('error', (err) => guarded.destroy(err));
    // fastify listens while it reads; this keeps a late failure from being an unhandled 'error' event.
    guarded.on('error', () => undefined);
    source.pipe(guarded);
    return guarded;
}
