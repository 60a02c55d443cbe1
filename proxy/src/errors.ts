/**
 * One error hierarchy with stable codes, mapped once to HTTP status and the documented body:
 * `{ "error": { "code", "message", "requestId", "details"? } }` (+ Retry-After header when set).
 * Apex maps `code` to its AuraHandledException codes, so codes never change meaning.
 */
export const ERROR_STATUS = {
    INVALID_REQUEST: 400,
    UNAUTHORIZED: 401,
    PROFILE_NOT_FOUND: 404,
    /** No such route: the caller (a Named Credential URL, say) points at the wrong path. */
    ROUTE_NOT_FOUND: 404,
    AMBIGUOUS_PROFILE: 409,
    PAYLOAD_TOO_LARGE: 413,
    UNSUPPORTED_MEDIA_TYPE: 415,
    NO_IDENTITY: 422,
    RATE_LIMITED: 429,
    UPSTREAM_ERROR: 502,
    UPSTREAM_UNAVAILABLE: 503,
    UPSTREAM_TIMEOUT: 504,
    INTERNAL: 500
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class ProxyError extends Error {
    readonly code: ErrorCode;
    readonly details?: Record<string, unknown>;
    /** Seconds the caller should wait before retrying (Retry-After). */
    readonly retryAfterSeconds?: number;

    constructor(
        code: ErrorCode,
        message: string,
        opts: { details?: Record<string, unknown>; retryAfterSeconds?: number; cause?: unknown } = {}
    ) {
        super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
        this.name = 'ProxyError';
        this.code = code;
        this.details = opts.details;
        this.retryAfterSeconds = opts.retryAfterSeconds;
    }

    get status(): number {
        return ERROR_STATUS[this.code];
    }
}
