/**
 * Everything that can go wrong talking to AEP, as one error type the resilience layer and the look-up
 * reason about. `kind` says what happened; for HTTP answers, `status` and the parsed AEP message.
 */
export type AepFailureKind =
    | 'http' // AEP answered with a non-success status
    | 'timeout' // per-call timeout or the request budget ran out
    | 'network' // connection refused/reset, DNS
    | 'malformed' // 2xx with a body that is not the JSON we expect
    | 'too_large' // body above AEP_MAX_RESPONSE_BYTES
    | 'breaker_open' // the proxy's circuit breaker refused the call
    | 'rate_limited_local'; // the proxy's outbound rate limiter refused the call (protecting AEP)

export type Upstream = 'ims' | 'profile' | 'events' | 'identity' | 'segmentation' | 'mergePolicies';

export class AepCallError extends Error {
    constructor(
        readonly upstream: Upstream,
        readonly kind: AepFailureKind,
        message: string,
        readonly opts: {
            status?: number;
            retryAfterMs?: number;
            aepMessage?: string;
            /** breaker_open: the failure that kept the circuit open, i.e. the real cause of the refusal. */
            openedBy?: AepCallError;
            cause?: unknown;
        } = {}
    ) {
        super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
        this.name = 'AepCallError';
    }
    get status(): number | undefined {
        return this.opts.status;
    }
    get retryAfterMs(): number | undefined {
        return this.opts.retryAfterMs;
    }
    get openedBy(): AepCallError | undefined {
        return this.opts.openedBy;
    }
    /** AEP's own words (message/title/detail), for classifying 403/422 answers; may quote identities, never logged raw. */
    get aepMessage(): string {
        return this.opts.aepMessage ?? '';
    }
}

/** Failures that say AEP (or the path to it) is unhealthy: these count for the circuit breaker. */
export function isUpstreamFault(err: unknown): boolean {
    if (!(err instanceof AepCallError)) return false;
    if (err.kind === 'http') return (err.status ?? 0) >= 500;
    return err.kind === 'timeout' || err.kind === 'network' || err.kind === 'malformed';
}

const TOO_MANY_IDENTITIES = /too many related identities/i;

/**
 * AEP's guardrail answer for graphs over 50 identities (https://experienceleague.adobe.com/en/docs/experience-platform/identity/guardrails), in either error shape: a
 * 422 AepCallError, or a per-identity `{statusCode: "422", message}` item of a 207 answer.
 */
export function isTooManyIdentities(err: unknown): boolean {
    if (err instanceof AepCallError) return err.status === 422 && TOO_MANY_IDENTITIES.test(err.aepMessage);
    if (typeof err === 'object' && err !== null) {
        const e = err as { statusCode?: unknown; message?: unknown; cause?: unknown };
        return String(e.statusCode) === '422' && TOO_MANY_IDENTITIES.test(`${String(e.message ?? '')} ${String(e.cause ?? '')}`);
    }
    return false;
}

/**
 * Reads AEP's many error shapes (proxy/emulator/specs/adobe/*.yaml, and the gateway's in
 * https://experienceleague.adobe.com/docs/experience-platform/landing/troubleshooting.html): `{message, cause, statusCode:"422"}`,
 * the 429 array with `retryAfterMs` as a string, `{type,status,title,detail}`, gateway `{error_code,message}`,
 * IMS `{error,error_description}`, and segmentation `{errors:{"404":[{message}]}}`.
 */
export function parseAepError(body: unknown): { message: string; retryAfterMs?: number } {
    const first = Array.isArray(body) ? body[0] : body;
    if (typeof first !== 'object' || first === null) return { message: typeof body === 'string' ? body.slice(0, 300) : '' };
    const o = first as Record<string, unknown>;
    const parts = [o.title, o.message, o.detail, o.error_description, o.error, nestedErrorsMessage(o.errors), o.cause].filter(
        (v): v is string => typeof v === 'string' && v.length > 0
    );
    const retry = Number(o.retryAfterMs);
    return {
        message: [...new Set(parts)].join(': ').slice(0, 500),
        retryAfterMs: Number.isFinite(retry) && retry >= 0 ? retry : undefined
    };
}

function nestedErrorsMessage(errors: unknown): string | undefined {
    if (typeof errors !== 'object' || errors === null) return undefined;
    for (const list of Object.values(errors)) {
        if (Array.isArray(list) && typeof list[0]?.message === 'string') return list[0].message;
    }
    return undefined;
}

/** Retry-After header (seconds or HTTP date) in ms. */
export function parseRetryAfterHeader(value: string | string[] | undefined, now = Date.now()): number | undefined {
    const v = Array.isArray(value) ? value[0] : value;
    if (!v) return undefined;
    if (/^\d+$/.test(v.trim())) return Number(v.trim()) * 1000;
    const date = Date.parse(v);
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
