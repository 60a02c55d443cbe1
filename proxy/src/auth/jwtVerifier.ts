import { createRemoteJWKSet, errors, importSPKI, importX509, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { ProxyConfig } from '../config';

type JwtConfig = NonNullable<ProxyConfig['auth']['jwt']>;

export interface VerifiedJwt {
    subject: string | null;
    payload: JWTPayload;
}

/** Why a token was refused, phrased for the caller (never echoes the token). */
export class JwtRejected extends Error {
    constructor(message: string) {
        super(message);
        this.name = 'JwtRejected';
    }
}

/**
 * Verifies the RS256 JWT a Salesforce Named Credential (External Credential, JWT protocol) sends:
 * signature by the org's certificate (PEM public key / certificate, or JWKS), issuer, audience, expiry,
 * with a bounded clock skew.
 */
export async function createJwtVerifier(cfg: JwtConfig): Promise<(token: string) => Promise<VerifiedJwt>> {
    let key: JWTVerifyGetKey | CryptoKey;
    if (cfg.publicKeyPem) {
        key = cfg.publicKeyPem.includes('BEGIN CERTIFICATE')
            ? await importX509(cfg.publicKeyPem, 'RS256')
            : await importSPKI(cfg.publicKeyPem, 'RS256');
    } else if (cfg.jwksUrl) {
        key = createRemoteJWKSet(new URL(cfg.jwksUrl), { timeoutDuration: 2000, cooldownDuration: 30_000, cacheMaxAge: 600_000 });
    } else {
        throw new Error('JWT caller auth needs a public key or a JWKS URL');
    }
    const options = {
        issuer: cfg.issuer,
        audience: cfg.audience,
        algorithms: ['RS256'],
        clockTolerance: cfg.clockSkewSeconds,
        requiredClaims: ['exp']
    };

    return async (token) => {
        try {
            const { payload } = typeof key === 'function' ? await jwtVerify(token, key, options) : await jwtVerify(token, key, options);
            return { subject: typeof payload.sub === 'string' ? payload.sub : null, payload };
        } catch (err) {
            throw new JwtRejected(describeJoseError(err));
        }
    };
}

function describeJoseError(err: unknown): string {
    if (err instanceof errors.JWTExpired) return 'the bearer token has expired';
    if (err instanceof errors.JWTClaimValidationFailed) return `the bearer token's ${err.claim} claim is not accepted`;
    if (err instanceof errors.JWSSignatureVerificationFailed) return 'the bearer token signature does not verify with the configured key';
    if (err instanceof errors.JOSEAlgNotAllowed) return 'the bearer token must be signed with RS256';
    if (err instanceof errors.JWKSNoMatchingKey) return 'no key in the configured JWKS matches the bearer token';
    if (err instanceof errors.JWKSTimeout) return 'the JWKS endpoint did not answer in time';
    if (err instanceof errors.JWSInvalid || err instanceof errors.JWTInvalid) return 'the bearer token is not a valid JWT';
    return 'the bearer token could not be verified';
}
