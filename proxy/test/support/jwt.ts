import { generateKeyPair, SignJWT } from 'jose';

/** The org the tests play (a Salesforce My Domain issuer) and the audience the proxy is configured with. */
export const JWT_ISSUER = 'https://acme.my.salesforce.com';
export const JWT_AUDIENCE = 'aep-profile-proxy';
export const JWT_SUBJECT = '00D8c0000000001';
/** Key id in the token header and in the test JWKS. */
export const JWT_KID = 'sf-cert';

export type KeyPair = Awaited<ReturnType<typeof generateKeyPair>>;

export function rsaKeyPair(): Promise<KeyPair> {
    return generateKeyPair('RS256', { extractable: true });
}

/**
 * An RS256 token as a Salesforce External Credential (JWT protocol) sends it. Issuer, audience and
 * lifetime can be overridden to make it wrong; a negative `expiresInSeconds` gives an expired token.
 * `issuedAtSeconds` is relative to now (default 60 s ago; null leaves `iat` out); `jti` is set when given.
 */
export async function signJwt(
    key: KeyPair['privateKey'],
    claims: { iss?: string; aud?: string; expiresInSeconds?: number; issuedAtSeconds?: number | null; jti?: string } = {}
): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    const jwt = new SignJWT({})
        .setProtectedHeader({ alg: 'RS256', kid: JWT_KID })
        .setIssuer(claims.iss ?? JWT_ISSUER)
        .setAudience(claims.aud ?? JWT_AUDIENCE)
        .setSubject(JWT_SUBJECT)
        .setExpirationTime(now + (claims.expiresInSeconds ?? 300));
    if (claims.issuedAtSeconds !== null) jwt.setIssuedAt(now + (claims.issuedAtSeconds ?? -60));
    if (claims.jti !== undefined) jwt.setJti(claims.jti);
    return jwt.sign(key);
}
