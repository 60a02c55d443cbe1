import { ERROR_STATUS, type ErrorCode, type ErrorDetails } from './contract/errors';

export interface ProxyErrorOptions {
    details?: ErrorDetails;
    retryAfterSeconds?: number;
    /**
     * Why, as a short machine code for the log line only (JWT_EXPIRED, BODY_IDLE_TIMEOUT, INVALID_UTF8...):
     * what an operator needs and an attacker must not learn. Never sent to the caller.
     */
    logReason?: string;
    /** Response headers the answer needs: `WWW-Authenticate` on a 401 (RFC 9110 section 11.6.1), `Accept-Encoding` on a 415. */
    headers?: Readonly<Record<string, string>>;
    /** Close the connection after answering (the caller is misbehaving at the transport level). */
    closeConnection?: boolean;
    cause?: unknown;
}

/**
 * The one error the proxy throws toward its caller: a stable code from the contract
 * (proxy/src/contract/errors.ts), which fixes its HTTP status and body.
 */
export class ProxyError extends Error {
    readonly code: ErrorCode;
    readonly details?: ErrorDetails;
    /** Seconds the caller should wait before retrying (Retry-After). */
    readonly retryAfterSeconds?: number;
    readonly logReason?: string;
    readonly headers?: Readonly<Record<string, string>>;
    readonly closeConnection: boolean;

    constructor(code: ErrorCode, message: string, opts: ProxyErrorOptions = {}) {
        super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
        this.name = 'ProxyError';
        this.code = code;
        this.details = opts.details;
        this.retryAfterSeconds = opts.retryAfterSeconds;
        this.logReason = opts.logReason;
        this.headers = opts.headers;
        this.closeConnection = opts.closeConnection ?? false;
    }

    get status(): number {
        return ERROR_STATUS[this.code];
    }
}
