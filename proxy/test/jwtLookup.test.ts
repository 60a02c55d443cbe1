import { exportSPKI } from 'jose';
import { CardModel } from '../src/contract/cardModel';
import { json, PROXY_KEY, RECORDS, startHarness, type Harness } from './support/harness';
import { JWT_AUDIENCE, JWT_ISSUER, rsaKeyPair, signJwt as token, type KeyPair } from './support/jwt';

/**
 * The JWT path end to end over HTTP, as the Salesforce External Credential (JWT protocol) calls it: the
 * token in `Authorization: Bearer`, no shared secret configured. Unit cases of the verifier live in
 * callerAuth.test.ts; this checks the route wiring, the generic 401 body with its WWW-Authenticate header, the reason
 * in the log line only, and that a refused caller costs AEP nothing.
 */
describe('POST /v1/profiles/lookup with JWT caller auth', () => {
    let h: Harness;
    let keys: KeyPair;
    let otherKeys: KeyPair;

    beforeAll(async () => {
        keys = await rsaKeyPair();
        otherKeys = await rsaKeyPair();
        h = await startHarness({
            env: {
                // Empty removes the harness default: JWT is the only accepted credential here.
                PROXY_SHARED_SECRET: '',
                PROXY_JWT_ISSUER: JWT_ISSUER,
                PROXY_JWT_AUDIENCE: JWT_AUDIENCE,
                PROXY_JWT_PUBLIC_KEY_PEM: await exportSPKI(keys.publicKey),
                PROXY_JWT_CLOCK_SKEW_SECONDS: '30'
            }
        });
    });
    afterAll(async () => {
        await h.close();
    });
    beforeEach(() => {
        h.emulator.resetStats();
        h.upstream.length = 0;
        h.logs.length = 0;
    });

    const withBearer = async (bearer: string) =>
        h.lookup({ record: RECORDS.janeByEmail, refresh: true }, { 'x-proxy-key': undefined, authorization: `Bearer ${bearer}` });

    it('answers a valid token with the card and records the method in the audit line', async () => {
        expect(h.config.auth.sharedSecret).toBeNull();
        const res = await withBearer(await token(keys.privateKey));
        expect(res.statusCode).toBe(200);
        expect(CardModel.parse(json(res)).person.displayName).toBe('Jane Doe');
        const audit = h.logs.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.audit === true);
        expect(audit).toMatchObject({ callerAuth: 'jwt' });
    });

    const GENERIC = 'authentication failed: send one valid caller credential (see the WWW-Authenticate header)';
    const lookupLine = () =>
        h.logs.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.msg === 'profile look-up' && l.audit === true);

    it.each([
        ['expired beyond the clock skew', () => token(keys.privateKey, { expiresInSeconds: -120 }), 'JWT_EXPIRED'],
        ['for another audience', () => token(keys.privateKey, { aud: 'someone-else' }), 'JWT_CLAIM_AUD'],
        ['from another issuer', () => token(keys.privateKey, { iss: 'https://evil.example' }), 'JWT_CLAIM_ISS'],
        ['signed by another key', () => token(otherKeys.privateKey), 'JWT_SIGNATURE'],
        ['valid for ten years', () => token(keys.privateKey, { expiresInSeconds: 10 * 365 * 86_400 }), 'JWT_LIFETIME_TOO_LONG'],
        ['issued in the future', () => token(keys.privateKey, { issuedAtSeconds: 600 }), 'JWT_IAT_IN_FUTURE']
    ])('refuses a token %s with the generic 401 before any AEP call, the reason only in the log', async (_name, make, reason) => {
        const bearer = await make();
        const res = await withBearer(bearer);
        expect(res.statusCode).toBe(401);
        expect(json(res)).toEqual({ error: { code: 'UNAUTHORIZED', message: GENERIC, requestId: res.headers['x-request-id'] } });
        expect(res.headers['www-authenticate']).toBe('Bearer realm="aep-profile-proxy", error="invalid_token"');
        expect(res.body).not.toContain(bearer);
        expect(h.upstream).toHaveLength(0);
        expect(lookupLine()).toMatchObject({ outcome: 'UNAUTHORIZED', reason, status: 401, level: 'warn' });
        expect(h.logs.join('\n')).not.toContain(bearer);
    });

    it('refuses the shared-secret header when only JWT is configured, with the same body', async () => {
        const res = await h.lookup({ record: RECORDS.janeByEmail }, { 'x-proxy-key': PROXY_KEY });
        expect(res.statusCode).toBe(401);
        expect(json(res).error.message).toBe(GENERIC);
        expect(res.headers['www-authenticate']).toBe('Bearer realm="aep-profile-proxy"');
        expect(lookupLine()).toMatchObject({ reason: 'PROXY_KEY_NOT_ACCEPTED' });
        expect(h.upstream).toHaveLength(0);
    });
});

describe('POST /v1/profiles/lookup with both credentials configured', () => {
    let h: Harness;
    let keys: KeyPair;
    beforeAll(async () => {
        keys = await rsaKeyPair();
        h = await startHarness({
            env: {
                PROXY_JWT_ISSUER: JWT_ISSUER,
                PROXY_JWT_AUDIENCE: JWT_AUDIENCE,
                PROXY_JWT_PUBLIC_KEY_PEM: await exportSPKI(keys.publicKey)
            }
        });
    });
    afterAll(async () => {
        await h.close();
    });

    it('serves either credential alone and refuses a request carrying both, even when both are good', async () => {
        expect((await h.lookup({ record: RECORDS.janeByEmail })).statusCode).toBe(200);
        const bearer = `Bearer ${await token(keys.privateKey)}`;
        expect((await h.lookup({ record: RECORDS.janeByEmail }, { 'x-proxy-key': undefined, authorization: bearer })).statusCode).toBe(200);
        h.logs.length = 0;
        const both = await h.lookup({ record: RECORDS.janeByEmail }, { authorization: bearer });
        expect(both.statusCode).toBe(401);
        expect(both.headers['www-authenticate']).toBe('Bearer realm="aep-profile-proxy", ProxyKey realm="aep-profile-proxy"');
        expect(both.headers.connection).toBe('close');
        const line = h.logs.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.msg === 'profile look-up');
        expect(line).toMatchObject({ outcome: 'UNAUTHORIZED', reason: 'BOTH_CREDENTIALS' });
    });
});
