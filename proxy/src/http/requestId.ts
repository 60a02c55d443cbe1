import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** Caller-supplied ids are honoured when they are short and plain (they end up in every log line). */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function requestIdFrom(req: IncomingMessage): string {
    const given = req.headers['x-request-id'];
    const value = Array.isArray(given) ? given[0] : given;
    return value && SANE_REQUEST_ID.test(value) ? value : randomUUID();
}
