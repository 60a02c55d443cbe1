import { createRemoteJWKSet, errors, importSPKI, importX509, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { ProxyConfig } from '../config';
import type { ReplayGuard } from './replayGuard';

type JwtConfig = NonNullable<ProxyConfig['auth']['jwt']>;

export interface VerifiedJwt {
    subject: string | null;
    payload: JWTPayload;
}

/** Why a token was refused, as a reason code for the log line (JWT_EXPIRED, JWT_REPLAYED...); never told to the caller. */
export class JwtRejected extends Error {
    constructor(readonly reason: string) {
        super(reason);
        this.name = 'JwtRejected';
    }
}

/**
 * Verifies the RS256 JWT a Salesforce Named Credential (External Credential, JWT protocol) sends:
 * signature by the org's certificate (PEM public key / certificate, or JWKS), issuer, audience, expiry,
 * with a bounded clock skew (jose); then the rules jose leaves to us: `iat` must not be in the future, the
 * token must not live longer than PROXY_JWT_MAX_LIFETIME_SECONDS (a leaked token with `exp` years ahead is
 * refused), and with PROXY_JWT_REPLAY_CHECK each `jti` is accepted once until the token expires.
 */
export async function createJwtVerifier(
    cfg: JwtConfig,
    replay: ReplayGuard | null = null,
    now: () => number = Date.now
): Promise<(token: string) => Promise<VerifiedJwt>> {
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
    if (cfg.replayCheck && !replay) throw new Error('PROXY_JWT_REPLAY_CHECK needs a replay guard');
    const skew = cfg.clockSkewSeconds;
    const options = {
        issuer: cfg.issuer,
        audience: cfg.audience,
        algorithms: ['RS256'],
        clockTolerance: skew,
        requiredClaims: ['exp', ...(cfg.replayCheck ? ['jti'] : [])]
    };

    return async (token) => {
        let payload: JWTPayload;
        const nowMs = now();
        const at = { ...options, currentDate: new Date(nowMs) };
        try {
            ({ payload } = typeof key === 'function' ? await jwtVerify(token, key, at) : await jwtVerify(token, key, at));
        } catch (err) {
            throw new JwtRejected(reasonOf(err));
        }
        const nowSeconds = Math.floor(nowMs / 1000);
        const exp = payload.exp as number; // required and checked by jose
        const iat = typeof payload.iat === 'number' ? payload.iat : null;
        if (iat !== null && iat > nowSeconds + skew) throw new JwtRejected('JWT_IAT_IN_FUTURE');
        if (exp - (iat ?? nowSeconds) > cfg.maxLifetimeSeconds) throw new JwtRejected('JWT_LIFETIME_TOO_LONG');
        if (cfg.replayCheck && replay) {
            const jti = payload.jti;
            if (typeof jti !== 'string' || jti.length === 0 || jti.length > 256) throw new JwtRejected('JWT_JTI_INVALID');
            const untilExpiredMs = (exp + skew) * 1000 - nowMs;
            if (!(await replay.firstUse(String(payload.iss), jti, untilExpiredMs))) throw new JwtRejected('JWT_REPLAYED');
        }
        return { subject: typeof payload.sub === 'string' ? payload.sub : null, payload };
    };
}

function reasonOf(err: unknown): string {
    if (err instanceof errors.JWTExpired) return 'JWT_EXPIRED';
    if (err instanceof errors.JWTClaimValidationFailed) return `JWT_CLAIM_${err.claim.toUpperCase()}`;
    if (err instanceof errors.JWSSignatureVerificationFailed) return 'JWT_SIGNATURE';
    if (err instanceof errors.JOSEAlgNotAllowed) return 'JWT_ALGORITHM';
    if (err instanceof errors.JWKSNoMatchingKey) return 'JWKS_NO_MATCHING_KEY';
    if (err instanceof errors.JWKSTimeout) return 'JWKS_TIMEOUT';
    if (err instanceof errors.JWSInvalid || err instanceof errors.JWTInvalid) return 'JWT_MALFORMED';
    return 'JWT_UNVERIFIED';
}
