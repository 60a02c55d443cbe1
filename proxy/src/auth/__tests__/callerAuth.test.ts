import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, exportSPKI } from 'jose';
import { createCallerAuthenticator } from '../callerAuth';
import { createReplayGuard, type SharedClaims } from '../replayGuard';
import { ProxyError } from '../../errors';
import {
    JWT_AUDIENCE as AUDIENCE,
    JWT_ISSUER as ISSUER,
    JWT_KID,
    JWT_SUBJECT,
    rsaKeyPair,
    signJwt as sign,
    type KeyPair
} from '../../../test/support/jwt';

const SECRET = 'shared-secret-for-tests-0123456789';
const GENERIC = 'authentication failed: send one valid caller credential (see the WWW-Authenticate header)';

/** The refusal: always the same generic 401; the reason code (for the log) is what tells the cases apart. */
async function refusal(promise: Promise<unknown>): Promise<ProxyError> {
    try {
        await promise;
    } catch (err) {
        expect(err).toBeInstanceOf(ProxyError);
        const e = err as ProxyError;
        expect(e.code).toBe('UNAUTHORIZED');
        expect(e.message).toBe(GENERIC);
        expect(e.details).toBeUndefined();
        expect(e.headers?.['www-authenticate']).toMatch(/realm="aep-profile-proxy"/);
        return e;
    }
    throw new Error('expected UNAUTHORIZED');
}
const reasonOf = async (promise: Promise<unknown>) => (await refusal(promise)).logReason;

describe('caller authentication', () => {
    let keys: KeyPair;
    let otherKeys: KeyPair;
    let pem: string;

    beforeAll(async () => {
        keys = await rsaKeyPair();
        otherKeys = await rsaKeyPair();
        pem = await exportSPKI(keys.publicKey);
    });

    const jwtConfig = (over: Partial<{ clockSkewSeconds: number; maxLifetimeSeconds: number; replayCheck: boolean }> = {}) => ({
        issuer: ISSUER,
        audience: AUDIENCE,
        publicKeyPem: pem,
        jwksUrl: null,
        clockSkewSeconds: 30,
        maxLifetimeSeconds: 3600,
        replayCheck: false,
        ...over
    });
    const jwtAuth = (over: Parameters<typeof jwtConfig>[0] = {}) => ({ sharedSecret: null, jwt: jwtConfig(over) });
    const bearer = async (claims: Parameters<typeof sign>[1] = {}, key = keys.privateKey) => ({
        authorization: `Bearer ${await sign(key, claims)}`
    });

    it('accepts a valid RS256 JWT and reports its subject', async () => {
        const authenticate = await createCallerAuthenticator(jwtAuth());
        await expect(authenticate(await bearer())).resolves.toEqual({ method: 'jwt', subject: JWT_SUBJECT });
    });

    it('accepts a token that expired within the clock skew, refuses one beyond it', async () => {
        const authenticate = await createCallerAuthenticator(jwtAuth());
        await expect(authenticate(await bearer({ expiresInSeconds: -10 }))).resolves.toMatchObject({ method: 'jwt' });
        expect(await reasonOf(authenticate(await bearer({ expiresInSeconds: -120 })))).toBe('JWT_EXPIRED');
    });

    it('refuses a wrong audience, a wrong issuer and a token signed by another key', async () => {
        const authenticate = await createCallerAuthenticator(jwtAuth());
        expect(await reasonOf(authenticate(await bearer({ aud: 'someone-else' })))).toBe('JWT_CLAIM_AUD');
        expect(await reasonOf(authenticate(await bearer({ iss: 'https://evil.example' })))).toBe('JWT_CLAIM_ISS');
        expect(await reasonOf(authenticate(await bearer({}, otherKeys.privateKey)))).toBe('JWT_SIGNATURE');
    });

    it('refuses a token living longer than PROXY_JWT_MAX_LIFETIME_SECONDS, with or without iat', async () => {
        const authenticate = await createCallerAuthenticator(jwtAuth({ maxLifetimeSeconds: 600 }));
        await expect(authenticate(await bearer({ issuedAtSeconds: -60, expiresInSeconds: 500 }))).resolves.toMatchObject({
            method: 'jwt'
        });
        // The token of the report: exp ten years ahead.
        expect(await reasonOf(authenticate(await bearer({ expiresInSeconds: 10 * 365 * 86_400 })))).toBe('JWT_LIFETIME_TOO_LONG');
        // iat long ago does not hide a long lifetime; without iat, exp counts from now.
        expect(await reasonOf(authenticate(await bearer({ issuedAtSeconds: -3000, expiresInSeconds: 60 })))).toBe('JWT_LIFETIME_TOO_LONG');
        expect(await reasonOf(authenticate(await bearer({ issuedAtSeconds: null, expiresInSeconds: 900 })))).toBe('JWT_LIFETIME_TOO_LONG');
        await expect(authenticate(await bearer({ issuedAtSeconds: null, expiresInSeconds: 300 }))).resolves.toMatchObject({
            method: 'jwt'
        });
    });

    it('refuses a token issued in the future beyond the clock skew', async () => {
        const authenticate = await createCallerAuthenticator(jwtAuth({ clockSkewSeconds: 30 }));
        await expect(authenticate(await bearer({ issuedAtSeconds: 20 }))).resolves.toMatchObject({ method: 'jwt' });
        expect(await reasonOf(authenticate(await bearer({ issuedAtSeconds: 120 })))).toBe('JWT_IAT_IN_FUTURE');
    });

    it('with the replay check, accepts each jti once and refuses tokens without one', async () => {
        const authenticate = await createCallerAuthenticator(jwtAuth({ replayCheck: true }), { replay: createReplayGuard(null) });
        const once = await bearer({ jti: 'token-1' });
        await expect(authenticate(once)).resolves.toMatchObject({ method: 'jwt' });
        expect(await reasonOf(authenticate(once))).toBe('JWT_REPLAYED');
        await expect(authenticate(await bearer({ jti: 'token-2' }))).resolves.toMatchObject({ method: 'jwt' });
        expect(await reasonOf(authenticate(await bearer()))).toBe('JWT_CLAIM_JTI');
    });

    it('shares the replay window through the shared store, and falls back to memory when it cannot answer', async () => {
        const claimed = new Set<string>();
        let storeUp = true;
        const store: SharedClaims = {
            async claimOnce(key) {
                if (!storeUp) return null;
                if (claimed.has(key)) return false;
                claimed.add(key);
                return true;
            }
        };
        // Two instances: separate memories, one store.
        const a = await createCallerAuthenticator(jwtAuth({ replayCheck: true }), { replay: createReplayGuard(store) });
        const b = await createCallerAuthenticator(jwtAuth({ replayCheck: true }), { replay: createReplayGuard(store) });
        const token = await bearer({ jti: 'shared-1' });
        await expect(a(token)).resolves.toMatchObject({ method: 'jwt' });
        expect(await reasonOf(b(token))).toBe('JWT_REPLAYED');
        storeUp = false;
        const other = await bearer({ jti: 'shared-2' });
        await expect(a(other)).resolves.toMatchObject({ method: 'jwt' });
        expect(await reasonOf(a(other))).toBe('JWT_REPLAYED');
    });

    it('refuses missing, malformed and unsigned tokens', async () => {
        const authenticate = await createCallerAuthenticator(jwtAuth());
        expect(await reasonOf(authenticate({}))).toBe('MISSING_CREDENTIALS');
        expect(await reasonOf(authenticate({ authorization: 'Basic dXNlcjpwYXNz' }))).toBe('AUTHORIZATION_NOT_BEARER');
        expect(await reasonOf(authenticate({ authorization: 'Bearer not-a-jwt' }))).toBe('JWT_MALFORMED');
        const header = Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url');
        const payload = Buffer.from(JSON.stringify({ iss: ISSUER, aud: AUDIENCE, exp: 9999999999 })).toString('base64url');
        expect(await reasonOf(authenticate({ authorization: `Bearer ${header}.${payload}.` }))).toMatch(/^JWT_/);
        expect(await reasonOf(authenticate({ 'x-proxy-key': SECRET }))).toBe('PROXY_KEY_NOT_ACCEPTED');
    });

    it('says in WWW-Authenticate what is accepted, and invalid_token only when a bearer token was refused (RFC 6750)', async () => {
        const jwtOnly = await createCallerAuthenticator(jwtAuth());
        expect((await refusal(jwtOnly({}))).headers).toEqual({ 'www-authenticate': 'Bearer realm="aep-profile-proxy"' });
        expect((await refusal(jwtOnly(await bearer({ expiresInSeconds: -600 })))).headers).toEqual({
            'www-authenticate': 'Bearer realm="aep-profile-proxy", error="invalid_token"'
        });
        const both = await createCallerAuthenticator({ sharedSecret: SECRET, jwt: jwtConfig() });
        expect((await refusal(both({}))).headers).toEqual({
            'www-authenticate': 'Bearer realm="aep-profile-proxy", ProxyKey realm="aep-profile-proxy"'
        });
        const secretOnly = await createCallerAuthenticator({ sharedSecret: SECRET, jwt: null });
        expect((await refusal(secretOnly({}))).headers).toEqual({ 'www-authenticate': 'ProxyKey realm="aep-profile-proxy"' });
    });

    it('refuses a request carrying both credentials, whichever of them is good', async () => {
        const authenticate = await createCallerAuthenticator({ sharedSecret: SECRET, jwt: jwtConfig() });
        await expect(authenticate({ 'x-proxy-key': SECRET })).resolves.toMatchObject({ method: 'shared-secret' });
        await expect(authenticate(await bearer())).resolves.toMatchObject({ method: 'jwt' });
        // A good key with a forged token, a forged key with a good token, both good: all refused.
        const forged = await bearer({}, otherKeys.privateKey);
        expect(await reasonOf(authenticate({ 'x-proxy-key': SECRET, ...forged }))).toBe('BOTH_CREDENTIALS');
        expect(await reasonOf(authenticate({ 'x-proxy-key': 'not-the-secret-at-all', ...(await bearer()) }))).toBe('BOTH_CREDENTIALS');
        expect(await reasonOf(authenticate({ 'x-proxy-key': SECRET, ...(await bearer()) }))).toBe('BOTH_CREDENTIALS');
    });

    it('verifies against a JWKS endpoint', async () => {
        const jwk = { ...(await exportJWK(keys.publicKey)), kid: JWT_KID, alg: 'RS256', use: 'sig' };
        const server: Server = createServer((_req, res) => {
            res.setHeader('content-type', 'application/json');
            res.end(JSON.stringify({ keys: [jwk] }));
        });
        await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
        try {
            const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks`;
            const authenticate = await createCallerAuthenticator({
                sharedSecret: null,
                jwt: { ...jwtConfig({ clockSkewSeconds: 0 }), publicKeyPem: null, jwksUrl: url }
            });
            await expect(authenticate(await bearer())).resolves.toMatchObject({ method: 'jwt' });
            await refusal(authenticate(await bearer({}, otherKeys.privateKey)));
        } finally {
            await new Promise((r) => server.close(r));
        }
    });

    it('checks the shared secret in constant time, whatever its length', async () => {
        const authenticate = await createCallerAuthenticator({ sharedSecret: SECRET, jwt: null });
        await expect(authenticate({ 'x-proxy-key': SECRET })).resolves.toEqual({ method: 'shared-secret', subject: null });
        expect(await reasonOf(authenticate({ 'x-proxy-key': `${SECRET}x` }))).toBe('PROXY_KEY_MISMATCH');
        await refusal(authenticate({ 'x-proxy-key': '' }));
        await refusal(authenticate({ 'x-proxy-key': 'x'.repeat(5000) }));
        expect(await reasonOf(authenticate(await bearer()))).toBe('BEARER_NOT_ACCEPTED');
    });
});
