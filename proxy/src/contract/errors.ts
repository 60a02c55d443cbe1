import { z } from 'zod';
import { CandidateProfile, IdentityTried } from './cardModel';

/**
 * The proxy's error answers: stable codes, each mapped once to its HTTP status, and the one body every error
 * has (`{ "error": { "code", "message", "requestId", "details"? } }`, plus a Retry-After header when set).
 * The Apex relay maps `code` to the card's states (force-app/main/default/classes/ProfileResponseMapper.cls),
 * so a code never changes meaning.
 */
export const ERROR_STATUS = {
    INVALID_REQUEST: 400,
    /** The generic 401: which check failed is logged, never told (a `WWW-Authenticate` header names what is accepted). */
    UNAUTHORIZED: 401,
    PROFILE_NOT_FOUND: 404,
    /** No such route: the caller (a Named Credential URL, say) points at the wrong path. */
    ROUTE_NOT_FOUND: 404,
    /** CONNECT, which the proxy never tunnels. */
    METHOD_NOT_ALLOWED: 405,
    /** The caller sent its headers or body too slowly (PROXY_HEADERS_TIMEOUT_MS, PROXY_BODY_*_TIMEOUT_MS). */
    REQUEST_TIMEOUT: 408,
    AMBIGUOUS_PROFILE: 409,
    PAYLOAD_TOO_LARGE: 413,
    /** Also a body with a Content-Encoding (gzip...): look-up bodies are sent uncompressed. */
    UNSUPPORTED_MEDIA_TYPE: 415,
    /** An `Expect` header other than 100-continue. */
    EXPECTATION_FAILED: 417,
    NO_IDENTITY: 422,
    /** The customer's identity graph is over Adobe's limit (more than 50 linked identities): the profile exists, AEP will not serve it. */
    IDENTITY_GRAPH_TOO_LARGE: 422,
    RATE_LIMITED: 429,
    /** Request headers above the HTTP parser's limit (16 KB). */
    HEADERS_TOO_LARGE: 431,
    UPSTREAM_ERROR: 502,
    /** The AEP organization's edition or the credential's product profile does not include profile look-up (Real-Time CDP Ultimate). */
    AEP_NOT_ENTITLED: 502,
    UPSTREAM_UNAVAILABLE: 503,
    /** This instance is at capacity (look-ups in flight and queued, event loop delay, memory): retry after Retry-After. */
    OVERLOADED: 503,
    UPSTREAM_TIMEOUT: 504,
    INTERNAL: 500
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

const ERROR_CODES = Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]];

/** What an error says beyond its message; which keys appear depends on the code. */
export const ErrorDetails = z
    .object({
        identitiesTried: z.array(IdentityTried).optional(),
        candidates: z.array(CandidateProfile).optional(),
        reason: z.string().optional(),
        issues: z.array(z.string()).optional(),
        upstream: z.string().optional(),
        upstreamStatus: z.number().int().min(100).max(599).optional()
    })
    .describe(
        [
            'PROFILE_NOT_FOUND / NO_IDENTITY / IDENTITY_GRAPH_TOO_LARGE: `identitiesTried` (IdentityTried[]), optional `reason`.',
            'AMBIGUOUS_PROFILE: `candidates` (CandidateProfile[]) and `identitiesTried`.',
            'INVALID_REQUEST: `issues` (string[]). Upstream errors (AEP_NOT_ENTITLED included): `upstream`, `upstreamStatus`, and',
            '`reason=CIRCUIT_OPEN` when the proxy paused calls after repeated failures of that kind. OVERLOADED: `reason`',
            '(LOOKUPS_SATURATED, EVENT_LOOP_DELAY, MEMORY).'
        ].join('\n')
    );
export type ErrorDetails = z.infer<typeof ErrorDetails>;

export const ErrorBody = z
    .object({
        error: z
            .object({
                code: z.enum(ERROR_CODES),
                message: z.string(),
                requestId: z.string(),
                details: ErrorDetails.optional()
            })
            .strict()
    })
    .strict();
export type ErrorBody = z.infer<typeof ErrorBody>;
