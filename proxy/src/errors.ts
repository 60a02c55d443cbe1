import { ERROR_STATUS, type ErrorCode, type ErrorDetails } from './contract/errors';

/**
 * The one error the proxy throws toward its caller: a stable code from the contract
 * (proxy/src/contract/errors.ts), which fixes its HTTP status and body.
 */
export class ProxyError extends Error {
    readonly code: ErrorCode;
    readonly details?: ErrorDetails;
    /** Seconds the caller should wait before retrying (Retry-After). */
    readonly retryAfterSeconds?: number;

    constructor(code: ErrorCode, message: string, opts: { details?: ErrorDetails; retryAfterSeconds?: number; cause?: unknown } = {}) {
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
