import type { z } from 'zod';
import { ProxyError } from '../errors';
import { LookupRequest } from '../contract/lookupRequest';
import { deepFreeze } from '../lib/deepFreeze';

/** Requests this module validated (and froze): handed back as they are, never checked twice. */
const validated = new WeakSet<object>();

/**
 * Validates the look-up body against the shared LookupRequest contract. The message names every
 * offending field (path) so the Apex side can tell what it sent wrong; values are not echoed back.
 * The result is frozen, so the body parser can hand the same object to every request with the same bytes
 * (jsonBody.ts) and this check then costs a WeakSet look-up.
 */
export function parseLookupBody(body: unknown): LookupRequest {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
        throw new ProxyError('INVALID_REQUEST', 'request body must be a JSON object with a "record"', { logReason: 'NOT_AN_OBJECT' });
    }
    if (validated.has(body)) return body as LookupRequest;
    const parsed = LookupRequest.safeParse(body);
    if (!parsed.success) {
        const issues = parsed.error.issues.slice(0, 10).map(describeIssue);
        throw new ProxyError('INVALID_REQUEST', `invalid look-up request: ${issues.join('; ')}`, {
            details: { issues },
            logReason: 'SCHEMA'
        });
    }
    const request = deepFreeze(parsed.data);
    validated.add(request);
    return request;
}

function describeIssue(issue: z.core.$ZodIssue): string {
    const path = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : sanitise(String(p)))).join('.') || '(body)';
    if (issue.code === 'unrecognized_keys')
        return `${path}: unknown key(s) ${issue.keys.map((k) => JSON.stringify(sanitise(k))).join(', ')}`;
    return `${path}: ${issue.message}`;
}

/** Keys come from the caller: keep them printable and short in the message. */
function sanitise(text: string): string {
    return text.replace(/[^\x20-\x7e]/g, '?').slice(0, 80);
}
