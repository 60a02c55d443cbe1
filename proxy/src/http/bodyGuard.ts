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
    return async (request: FastifyRequest, _reply: unknown, payload: Readable): Promise<Readable> => {
        const encoding = String(request.headers['content-encoding'] ?? 'identity')
            .trim()
            .toLowerCase();
        if (encoding !== 'identity' && encoding !== '') {
            throw new ProxyError('UNSUPPORTED_MEDIA_TYPE', 'send the body uncompressed: Content-Encoding is not accepted', {
                logReason: 'CONTENT_ENCODING',
                headers: { 'accept-encoding': 'identity' },
                closeConnection: true
            });
        }
        return withDeadlines(payload, deadlines);
    };
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
