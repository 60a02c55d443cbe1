import { exportSPKI } from 'jose';
import { CardModel } from '../src/contract/cardModel';
import { json, PROXY_KEY, RECORDS, startHarness, type Harness } from './support/harness';
import { JWT_AUDIENCE, JWT_ISSUER, rsaKeyPair, signJwt as token, type KeyPair } from './support/jwt';

/**
 * The JWT path end to end over HTTP, as the Salesforce External Credential (JWT protocol) calls it: the
 * token in `Authorization: Bearer`, no shared secret configured. Unit cases of the verifier live in
 * callerAuth.test.ts; this checks the route wiring, the 401 body and that a refused caller costs AEP nothing.
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

    it.each([
        ['expired beyond the clock skew', () => token(keys.privateKey, { expiresInSeconds: -120 }), /expired/],
        ['for another audience', () => token(keys.privateKey, { aud: 'someone-else' }), /aud/],
        ['from another issuer', () => token(keys.privateKey, { iss: 'https://evil.example' }), /iss/],
        ['signed by another key', () => token(otherKeys.privateKey), /signature/]
    ])('refuses a token %s with 401 UNAUTHORIZED before any AEP call', async (_name, make, message) => {
        const bearer = await make();
        const res = await withBearer(bearer);
        expect(res.statusCode).toBe(401);
        const body = json(res);
        expect(body.error.code).toBe('UNAUTHORIZED');
        expect(body.error.message).toMatch(message);
        expect(res.body).not.toContain(bearer);
        expect(h.upstream).toHaveLength(0);
        expect(h.logs.join('\n')).not.toContain(bearer);
    });

    it('refuses the shared-secret header when only JWT is configured, naming what is accepted', async () => {
        const res = await h.lookup({ record: RECORDS.janeByEmail }, { 'x-proxy-key': PROXY_KEY });
        expect(res.statusCode).toBe(401);
        expect(json(res).error.message).toMatch(/X-Proxy-Key is not accepted.*Authorization: Bearer <JWT>/);
        expect(h.upstream).toHaveLength(0);
    });
});
