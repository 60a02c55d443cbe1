import { randomUUID } from 'node:crypto';
import type { RouteGroup } from './context';

/**
 * Adobe's error bodies, one builder per documented shape. Sources: gateway https://experienceleague.adobe.com/docs/experience-platform/landing/troubleshooting.html;
 * IMS https://developer.adobe.com/developer-console/docs/guides/authentication/ServerToServerAuthentication/ims; Profile: specs/adobe/profile.yaml ResponseErrorContext; Identity: specs/adobe/identity-service.yaml;
 * Segmentation: specs/adobe/segmentation.yaml examples. Every builder returns the HTTP status
 * with the body so a route cannot pair a body with the wrong status.
 */
export interface AdobeError {
    readonly status: number;
    readonly body: unknown;
    readonly headers?: Record<string, string>;
}

/** Platform gateway errors `{error_code, message}`; HTTP status = the code's first three digits (inferred from the troubleshooting page). */
export const gateway = {
    tokenMissing: (): AdobeError => ({ status: 403, body: { error_code: '403010', message: 'Oauth token is missing.' } }),
    tokenInvalid: (): AdobeError => ({ status: 401, body: { error_code: '401013', message: 'Oauth token is not valid' } }),
    apiKeyMissing: (): AdobeError => ({ status: 403, body: { error_code: '403000', message: 'Api Key is required' } }),
    apiKeyInvalid: (): AdobeError => ({ status: 403, body: { error_code: '403003', message: 'Api Key is invalid' } }),
    orgMissing: (): AdobeError => ({ status: 400, body: { error_code: '400003', message: 'Missing header' } }),
    notEntitled: (): AdobeError => ({ status: 403, body: { error_code: '403025', message: 'Profile is not valid' } }),
    contentType: (): AdobeError => ({
        status: 400,
        body: { type: '/placeholder/type/uri', status: 400, title: 'BadRequestError', detail: 'A valid content-type must be specified' }
    }),
    /** Profile troubleshooting guide: 415 body for a body the service cannot read. */
    unsupportedMediaType: (): AdobeError => ({
        status: 415,
        body: {
            type: 'http://ns.adobe.com/adobecloud/problem/unsupported-media-type',
            title: 'HTTP 415 Unsupported Media Type',
            status: 415
        }
    }),
    /** 502/503 from the gateway in front of the service; no body is documented, so a gateway-style one. */
    upstream: (status: 502 | 503): AdobeError => ({
        status,
        body: { error_code: `${status}000`, message: status === 502 ? 'Bad Gateway' : 'Service Unavailable' }
    })
};

/**
 * Sandbox problems: no published body exists for a missing/unknown `x-sandbox-name`, so we answer with
 * the AEP "standard" error body (https://experienceleague.adobe.com/en/docs/experience-platform/landing/platform-apis/api-authentication), which carries the tenant info a sandbox error needs.
 */
export function sandboxError(kind: 'missing' | 'unknown', imsOrgId: string, sandboxName?: string): AdobeError {
    const status = kind === 'missing' ? 400 : 403;
    const title = kind === 'missing' ? 'Missing x-sandbox-name header' : 'Sandbox not found or not accessible';
    const detail =
        kind === 'missing'
            ? 'The x-sandbox-name header is required by this API.'
            : `The sandbox '${sandboxName ?? ''}' does not exist in IMS org ${imsOrgId} or the credential cannot access it.`;
    return {
        status,
        body: {
            type: `https://ns.adobe.com/aep/errors/SBX-${kind === 'missing' ? '1400' : '1403'}-${status}`,
            status,
            title,
            detail,
            report: { tenantInfo: { imsOrgId, sandboxName: sandboxName ?? '' }, additionalContext: null, errorChain: [] }
        }
    };
}

/** Profile Access `ResponseErrorContext` ({message, cause, statusCode}); statusCode is a string in AEP. */
export function profileError(status: number, message: string, cause?: string): AdobeError {
    const body: Record<string, string> = { message };
    if (cause !== undefined) body.cause = cause;
    body.statusCode = String(status);
    return { status, body };
}

/**
 * 403 from the Profile service itself (not the gateway): the org may not use this endpoint. profile.yaml
 * documents it for both entities operations ("You do not have access permissions for this endpoint", schema
 * ForbiddenError) and puts "You can only use this endpoint if you are subscribed to Real-Time CDP Ultimate
 * edition" on them; the message is the spec's own example.
 */
export function profileForbidden(): AdobeError {
    return { status: 403, body: { message: 'UPS-ACC-1000004: IMS Org is not provisioned.', statusCode: '403' } };
}

/**
 * 404 for "XDM objects not found". The spec documents only `{statusCode:"404"}`; real bodies are
 * believed to carry a message and request id too (unverified without a real sandbox), so we add both.
 */
export function profileNotFound(requestId: string): AdobeError {
    return {
        status: 404,
        body: { message: 'UPS-ACC-1000404: The requested XDM objects were not found.', requestId, statusCode: '404' }
    };
}

/** `Retry-After` in whole seconds (at least 1) for a wait given in ms. */
export function retryAfterHeaders(retryAfterMs: number): Record<string, string> {
    return { 'retry-after': String(Math.max(1, Math.ceil(retryAfterMs / 1000))) };
}

/** Profile 429: an ARRAY with retryAfterMs as a string (profile.yaml). */
function profileThrottled(retryAfterMs: number): AdobeError {
    return {
        status: 429,
        headers: retryAfterHeaders(retryAfterMs),
        body: [
            {
                message: 'Too many requests',
                cause: '{"Errors":["Request rate is large"]}',
                retryAfterMs: String(retryAfterMs),
                statusCode: '429'
            }
        ]
    };
}

function profileInternal(): AdobeError {
    return profileError(500, 'Unable to connect to server', 'Status Code - 500 : Connection Timeout');
}

/** Identity Service problem bodies (identity-service.yaml ServiceErrorStatus and examples). */
export const identity = {
    invalidInput: (detail: string): AdobeError => ({ status: 400, body: { title: 'InvalidInput', status: 400, detail } }),
    graphInvalid: (message: string): AdobeError => ({
        status: 400,
        body: { reason: `Validation error Request id: ${randomUUID()}.`, message }
    }),
    throttled: (retryAfterMs: number): AdobeError => ({
        status: 429,
        headers: retryAfterHeaders(retryAfterMs),
        body: { title: 'RequestRateTooLarge', status: 429, detail: 'Request rate is large. Please try again later.' }
    }),
    internal: (): AdobeError => ({ status: 500, body: { title: 'InternalError', status: 500 } }),
    namespaceNotFound: (id: string): AdobeError => ({
        status: 404,
        body: {
            timestamp: new Date().toISOString(),
            type: 'http://ns.adobe.com/adobecloud/problem/namespacevalidation',
            status: 404,
            error: 'NAMESPACE_NOT_FOUND',
            title: 'Namespace Validation',
            description: `Namespace with id ${id} was not found.`,
            report: { code: 'NAMESPACE_NOT_FOUND' }
        }
    })
};

/** Segmentation (UPAPI) error bodies, as in segmentation.yaml examples; `code` like `UPAPI-113430-404`. */
export function upapiError(status: number, code: `UPAPI-${string}`, message: string, requestId: string): AdobeError {
    // Adobe's examples put the numeric status as `code` for plain not-found and the UPAPI code otherwise.
    const entryCode = code.endsWith('-404') && code.startsWith('UPAPI-11343') ? status : code;
    return {
        status,
        body: {
            requestId,
            errors: { [String(status)]: [{ code: entryCode, message }] },
            type: `https://ns.adobe.com/aep/errors/${code}`,
            title: message,
            status
        }
    };
}

/** 429 in the shape of the service that answers: IMS, Identity, else Profile (also used for Segmentation and merge policies). */
export function throttledFor(group: RouteGroup | undefined, retryAfterMs: number): AdobeError {
    if (group === 'identity') return identity.throttled(retryAfterMs);
    if (group === 'ims') {
        return {
            status: 429,
            headers: retryAfterHeaders(retryAfterMs),
            body: { error: 'too_many_requests', error_description: 'Too many requests, retry later.' }
        };
    }
    return profileThrottled(retryAfterMs);
}

/** 500 in the shape of the service that answers (route group unknown, e.g. no route matched: Profile's). */
export function internalErrorFor(group: RouteGroup | undefined): AdobeError {
    if (group === 'identity') return identity.internal();
    if (group === 'ims') return { status: 500, body: { error: 'server_error', error_description: 'Internal server error' } };
    return profileInternal();
}

/** IMS OAuth errors `{error, error_description}`; 401 for invalid_client, 400 otherwise (inferred from the IMS page above). */
export function imsError(
    error: 'invalid_client' | 'invalid_request' | 'unsupported_grant_type' | 'invalid_scope',
    description: string
): AdobeError {
    return { status: error === 'invalid_client' ? 401 : 400, body: { error, error_description: description } };
}

/** Request ids AEP puts in error bodies: 32 random url-safe chars. */
export function newRequestId(): string {
    return randomUUID().replace(/-/g, '');
}
