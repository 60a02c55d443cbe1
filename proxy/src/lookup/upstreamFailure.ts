import { AepCallError } from '../aep/aepCallError';
import { ProxyError } from '../errors';

/**
 * How an AEP failure reaches the caller (documented in proxy/README.md and the OpenAPI file):
 *   AEP 429 or the proxy's own AEP rate limit -> 429 RATE_LIMITED + Retry-After
 *   5xx, connection failure                     -> 503 UPSTREAM_UNAVAILABLE (+ Retry-After when known)
 *   timeout / budget exhausted                  -> 504 UPSTREAM_TIMEOUT
 *   the Profile service's own 403 on a look-up   -> 502 AEP_NOT_ENTITLED (edition or product profile)
 *   malformed or oversized body, unexpected 4xx  -> 502 UPSTREAM_ERROR
 *   circuit breaker open                         -> the code of the failures that opened it (a run of timeouts
 *                                                   stays 504), with details.reason=CIRCUIT_OPEN and Retry-After
 * Stale-while-error applies to all but AEP_NOT_ENTITLED when a last good card exists.
 */
export function toUpstreamProxyError(err: unknown): ProxyError {
    if (err instanceof ProxyError) return err;
    if (!(err instanceof AepCallError)) return new ProxyError('INTERNAL', 'internal error while calling AEP', { cause: err });
    const retryAfterSeconds = err.retryAfterMs !== undefined ? Math.max(1, Math.ceil(err.retryAfterMs / 1000)) : undefined;
    const details = { upstream: err.upstream, ...(err.status ? { upstreamStatus: err.status } : {}) };
    switch (err.kind) {
        case 'rate_limited_local':
            return new ProxyError('RATE_LIMITED', 'the proxy is at its AEP request rate limit; retry shortly', {
                retryAfterSeconds: retryAfterSeconds ?? 1,
                details,
                cause: err
            });
        case 'breaker_open': {
            const cause = err.openedBy ? toUpstreamProxyError(err.openedBy) : null;
            return new ProxyError(
                cause?.code ?? 'UPSTREAM_UNAVAILABLE',
                `${cause ? `${cause.message}, repeatedly` : 'AEP is failing repeatedly'}; the proxy paused calls to it (circuit open)`,
                {
                    retryAfterSeconds: retryAfterSeconds ?? 10,
                    details: { ...cause?.details, ...details, reason: 'CIRCUIT_OPEN' },
                    logReason: 'CIRCUIT_OPEN',
                    cause: err
                }
            );
        }
        case 'timeout':
            return new ProxyError('UPSTREAM_TIMEOUT', 'AEP did not answer within the proxy time budget', { details, cause: err });
        case 'network':
            return new ProxyError('UPSTREAM_UNAVAILABLE', 'AEP could not be reached', { retryAfterSeconds, details, cause: err });
        case 'malformed':
            return new ProxyError('UPSTREAM_ERROR', 'AEP sent an answer the proxy could not read', { details, cause: err });
        case 'too_large':
            return new ProxyError('UPSTREAM_ERROR', 'AEP sent a larger answer than the proxy accepts (AEP_MAX_RESPONSE_BYTES)', {
                details,
                cause: err
            });
        case 'http':
            break;
    }
    const status = err.status ?? 0;
    if (status === 429)
        return new ProxyError('RATE_LIMITED', 'AEP is throttling requests; retry shortly', {
            retryAfterSeconds: retryAfterSeconds ?? 1,
            details,
            cause: err
        });
    if (status >= 500) return new ProxyError('UPSTREAM_UNAVAILABLE', `AEP answered ${status}`, { retryAfterSeconds, details, cause: err });
    if (status === 403 && isEntitlementRefusal(err))
        return new ProxyError(
            'AEP_NOT_ENTITLED',
            "AEP refused profile look-up for this organization (403 from the Profile service): the Profile Access (entities) API needs Real-Time CDP Ultimate, and the API credential's product profile needs profile read access; ask the AEP administrator",
            { details, cause: err }
        );
    if (status === 401 || status === 403)
        return new ProxyError('UPSTREAM_ERROR', `AEP refused the proxy's credentials (${status}); check the AEP_* configuration`, {
            details,
            cause: err
        });
    return new ProxyError('UPSTREAM_ERROR', `AEP answered ${status}`, { details, cause: err });
}

/**
 * A 403 the Profile service itself gave for a look-up: its bodies carry Profile codes (`UPS-...`, e.g. the spec's
 * ForbiddenError "UPS-ACC-1000004: IMS Org is not provisioned."), while the gateway's credential refusals carry
 * `{error_code, message}` with messages like "Api Key is invalid" (https://experienceleague.adobe.com/docs/experience-platform/landing/troubleshooting.html).
 * The entities operations are documented as Real-Time CDP Ultimate only (proxy/emulator/specs/adobe/profile.yaml).
 */
function isEntitlementRefusal(err: AepCallError): boolean {
    return err.upstream === 'profile' && /^UPS-[A-Z]+-\d+/.test(err.aepMessage);
}

/** Failures for which a stale card is better than an error: AEP's, and this instance having no look-up slot free. */
export function allowsStale(err: ProxyError): boolean {
    return ['RATE_LIMITED', 'UPSTREAM_UNAVAILABLE', 'UPSTREAM_TIMEOUT', 'UPSTREAM_ERROR', 'OVERLOADED'].includes(err.code);
}
