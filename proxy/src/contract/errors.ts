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
    UNAUTHORIZED: 401,
    PROFILE_NOT_FOUND: 404,
    /** No such route: the caller (a Named Credential URL, say) points at the wrong path. */
    ROUTE_NOT_FOUND: 404,
    AMBIGUOUS_PROFILE: 409,
    PAYLOAD_TOO_LARGE: 413,
    UNSUPPORTED_MEDIA_TYPE: 415,
    NO_IDENTITY: 422,
    /** The customer's identity graph is over Adobe's limit (more than 50 linked identities): the profile exists, AEP will not serve it. */
    IDENTITY_GRAPH_TOO_LARGE: 422,
    RATE_LIMITED: 429,
    UPSTREAM_ERROR: 502,
    /** The AEP organization's edition or the credential's product profile does not include profile look-up (Real-Time CDP Ultimate). */
    AEP_NOT_ENTITLED: 502,
    UPSTREAM_UNAVAILABLE: 503,
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
            'INVALID_REQUEST: `issues` (string[]). Upstream errors (AEP_NOT_ENTITLED included): `upstream`, `upstreamStatus`.'
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
