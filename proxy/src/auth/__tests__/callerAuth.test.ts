import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, exportSPKI } from 'jose';
import { createCallerAuthenticator } from '../callerAuth';
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

async function rejection(promise: Promise<unknown>): Promise<ProxyError> {
    try {
        await promise;
    } catch (err) {
        expect(err).toBeInstanceOf(ProxyError);
        expect((err as ProxyError).code).toBe('UNAUTHORIZED');
        return err as ProxyError;
    }
    throw new Error('expected UNAUTHORIZED');
}

describe('caller authentication', () => {
    let keys: KeyPair;
    let otherKeys: KeyPair;
    let pem: string;

    beforeAll(async () => {
        keys = await rsaKeyPair();
        otherKeys = await rsaKeyPair();
        pem = await exportSPKI(keys.publicKey);
    });

    const jwtAuth = () => ({
        sharedSecret: null,
        jwt: { issuer: ISSUER, audience: AUDIENCE, publicKeyPem: pem, jwksUrl: null, clockSkewSeconds: 30 }
    });

    it('accepts a valid RS256 JWT and reports its subject', async () => {
        const authenticate = await createCallerAuthenticator(jwtAuth());
        await expect(authenticate({ authorization: `Bearer ${await sign(keys.privateKey)}` })).resolves.toEqual({
            method: 'jwt',
            subject: JWT_SUBJECT
        });
    });

    it('accepts a token that expired within the clock skew, refuses one beyond it', async () => {
        const authenticate = await createCallerAuthenticator(jwtAuth());
        await expect(
            authenticate({ authorization: `Bearer ${await sign(keys.privateKey, { expiresInSeconds: -10 })}` })
        ).resolves.toMatchObject({ method: 'jwt' });
        const err = await rejection(authenticate({ authorization: `Bearer ${await sign(keys.privateKey, { expiresInSeconds: -120 })}` }));
        expect(err.message).toBe('the bearer token has expired');
    });

    it('refuses a wrong audience, a wrong issuer and a token signed by another key', async () => {
        const authenticate = await createCallerAuthenticator(jwtAuth());
        expect(
            (await rejection(authenticate({ authorization: `Bearer ${await sign(keys.privateKey, { aud: 'someone-else' })}` }))).message
        ).toMatch(/aud claim/);
        expect(
            (await rejection(authenticate({ authorization: `Bearer ${await sign(keys.privateKey, { iss: 'https://evil.example' })}` })))
                .message
        ).toMatch(/iss claim/);
        expect((await rejection(authenticate({ authorization: `Bearer ${await sign(otherKeys.privateKey)}` }))).message).toMatch(
            /signature does not verify/
        );
    });

    it('refuses missing, malformed and unsigned tokens', async () => {
        const authenticate = await createCallerAuthenticator(jwtAuth());
        expect((await rejection(authenticate({}))).message).toMatch(/missing credentials/);
        expect((await rejection(authenticate({ authorization: 'Basic dXNlcjpwYXNz' }))).message).toMatch(/must be "Bearer <JWT>"/);
        const header = Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url');
        const payload = Buffer.from(JSON.stringify({ iss: ISSUER, aud: AUDIENCE, exp: 9999999999 })).toString('base64url');
        await rejection(authenticate({ authorization: `Bearer ${header}.${payload}.` }));
        await rejection(authenticate({ 'x-proxy-key': SECRET })); // shared secret not configured here
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
                jwt: { issuer: ISSUER, audience: AUDIENCE, publicKeyPem: null, jwksUrl: url, clockSkewSeconds: 0 }
            });
            await expect(authenticate({ authorization: `Bearer ${await sign(keys.privateKey)}` })).resolves.toMatchObject({
                method: 'jwt'
            });
            await rejection(authenticate({ authorization: `Bearer ${await sign(otherKeys.privateKey)}` }));
        } finally {
            await new Promise((r) => server.close(r));
        }
    });

    it('checks the shared secret in constant time, whatever its length', async () => {
        const authenticate = await createCallerAuthenticator({ sharedSecret: SECRET, jwt: null });
        await expect(authenticate({ 'x-proxy-key': SECRET })).resolves.toEqual({ method: 'shared-secret', subject: null });
        expect((await rejection(authenticate({ 'x-proxy-key': `${SECRET}x` }))).message).toMatch(/does not match/);
        await rejection(authenticate({ 'x-proxy-key': '' }));
        await rejection(authenticate({ 'x-proxy-key': 'x'.repeat(5000) }));
        expect((await rejection(authenticate({ authorization: `Bearer ${await sign(keys.privateKey)}` }))).message).toMatch(
            /bearer tokens are not accepted/
        );
    });
});
