/**
 * The Apex relay's failure contract: an AuraHandledException whose message is the JSON
 * `{"code","message","retryAfterSeconds"}` (force-app/main/default/classes/ProfileLookupError.cls).
 */
export const RELAY_ERROR_CODES = [
    'NO_PERMISSION',
    'NO_ACCESS',
    'UNAUTHORIZED',
    'RATE_LIMITED',
    'UPSTREAM_UNAVAILABLE',
    'UPSTREAM_TIMEOUT',
    'INVALID_REQUEST',
    'CONFIGURATION',
    'AEP_NOT_ENTITLED',
    'IDENTITY_GRAPH_TOO_LARGE',
    'INTERNAL'
] as const;
export type RelayErrorCode = (typeof RELAY_ERROR_CODES)[number];

export class RelayError extends Error {
    readonly code: RelayErrorCode;
    readonly retryAfterSeconds: number | null;

    constructor(code: RelayErrorCode, message: string, retryAfterSeconds: number | null = null) {
        super(message);
        this.name = 'RelayError';
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** The AuraHandledException message the LWC parses. */
    toAuraMessage(): string {
        return JSON.stringify({ code: this.code, message: this.message, retryAfterSeconds: this.retryAfterSeconds });
    }
}
