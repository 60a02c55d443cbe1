import type { RunningEmulator } from '../src';
import { SEED_IDENTITIES } from '../src';
import { aepHeaders, call, entitiesUrl, start } from './helpers';

describe('IMS OAuth server-to-server token endpoint', () => {
    let emu: RunningEmulator;
    let clock = Date.UTC(2026, 10, 23, 9, 0, 0);

    beforeAll(async () => {
        emu = await start({ now: () => clock });
    });
    afterAll(() => emu.close());

    const token = (fields: Record<string, string>, contentType = 'application/x-www-form-urlencoded') =>
        call(`${emu.imsUrl}/ims/token/v3`, {
            method: 'POST',
            headers: { 'content-type': contentType },
            body: new URLSearchParams(fields).toString()
        });
    const good = () => ({
        grant_type: 'client_credentials',
        client_id: emu.orgs.primary.clientId,
        client_secret: emu.orgs.primary.clientSecret,
        scope: emu.orgs.primary.scope
    });
    const profileCall = (accessToken: string, org = emu.orgs.primary) =>
        call(entitiesUrl(emu, { 'schema.name': '_xdm.context.profile', entityId: SEED_IDENTITIES.jane.email, entityIdNS: 'email' }), {
            headers: aepHeaders(accessToken, org)
        });

    it('issues a bearer token whose expires_in is in seconds (86399)', async () => {
        const res = await token(good());
        expect(res.status).toBe(200);
        expect(res.body).toEqual({
            access_token: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
            token_type: 'bearer',
            expires_in: 86399
        });
        const payload = JSON.parse(
            Buffer.from((res.body as { access_token: string }).access_token.split('.')[1]!, 'base64url').toString()
        ) as Record<string, string>;
        expect(payload).toMatchObject({
            client_id: emu.orgs.primary.clientId,
            org: emu.orgs.primary.imsOrgId,
            type: 'access_token',
            expires_in: '86399000'
        });
        expect(JSON.stringify(payload)).not.toContain(emu.orgs.primary.clientSecret);
    });

    it.each([
        ['a wrong secret', { client_secret: 'wrong' }, 401, 'invalid_client'],
        ['an unknown client', { client_id: 'nobody' }, 401, 'invalid_client'],
        ['a missing grant_type', { grant_type: '' }, 400, 'invalid_request'],
        ['another grant type', { grant_type: 'authorization_code' }, 400, 'unsupported_grant_type'],
        ['a missing client_secret', { client_secret: '' }, 400, 'invalid_request'],
        ['a scope outside the binding', { scope: 'openid,acp_admin' }, 400, 'invalid_scope'],
        ['scopes with spaces', { scope: 'openid, AdobeID' }, 400, 'invalid_scope'],
        ['a missing scope', { scope: '' }, 400, 'invalid_scope']
    ])('answers %s with the OAuth error body', async (_label, override, status, error) => {
        const fields = Object.fromEntries(Object.entries({ ...good(), ...override }).filter(([, v]) => v !== ''));
        const res = await token(fields);
        expect(res.status).toBe(status);
        expect(res.body).toEqual({ error, error_description: expect.any(String) });
    });

    it('refuses a JSON body (form fields only)', async () => {
        const res = await call(`${emu.imsUrl}/ims/token/v3`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(good())
        });
        expect(res.status).toBe(400);
        expect(res.body).toMatchObject({ error: 'invalid_request' });
    });

    it('short-lived tokens expire and are then refused by the gateway', async () => {
        emu.setTokenLifetime(60);
        const res = await token(good());
        expect((res.body as { expires_in: number }).expires_in).toBe(60);
        const accessToken = (res.body as { access_token: string }).access_token;
        expect((await profileCall(accessToken)).status).toBe(200);
        clock += 60_000;
        const expired = await profileCall(accessToken);
        expect(expired.status).toBe(401);
        expect(expired.body).toEqual({ error_code: '401013', message: 'Oauth token is not valid' });
        emu.setTokenLifetime(86399);
    });

    it('revoked tokens are refused; new ones work', async () => {
        const before = ((await token(good())).body as { access_token: string }).access_token;
        emu.revokeTokens();
        expect((await profileCall(before)).status).toBe(401);
        const after = ((await token(good())).body as { access_token: string }).access_token;
        expect((await profileCall(after)).status).toBe(200);
    });

    it('binds tokens to the credential org: a Prime token used for the primary org is not entitled', async () => {
        const prime = emu.orgs.prime;
        const res = await token({
            grant_type: 'client_credentials',
            client_id: prime.clientId,
            client_secret: prime.clientSecret,
            scope: prime.scope
        });
        const primeToken = (res.body as { access_token: string }).access_token;
        const crossed = await call(entitiesUrl(emu, { 'schema.name': '_xdm.context.profile', entityId: 'x', entityIdNS: 'email' }), {
            headers: { ...aepHeaders(primeToken, prime), 'x-gw-ims-org-id': emu.orgs.primary.imsOrgId }
        });
        expect(crossed.status).toBe(403);
        expect(crossed.body).toEqual({ error_code: '403025', message: 'Profile is not valid' });
    });

    it('rejects a token with a tampered payload', async () => {
        const accessToken = ((await token(good())).body as { access_token: string }).access_token;
        const [h, p, s] = accessToken.split('.') as [string, string, string];
        const payload = JSON.parse(Buffer.from(p, 'base64url').toString()) as Record<string, string>;
        payload.org = emu.orgs.prime.imsOrgId;
        const forged = `${h}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${s}`;
        expect((await profileCall(forged)).status).toBe(401);
    });
});

describe('logging', () => {
    it('never writes client secrets, access tokens or identities (query strings) to the request log', async () => {
        const { PassThrough } = await import('node:stream');
        const stream = new PassThrough();
        const lines: string[] = [];
        stream.on('data', (chunk: Buffer) => lines.push(chunk.toString('utf8')));
        const emu = await start({ logger: { stream } });
        try {
            const org = emu.orgs.primary;
            const res = await call(`${emu.imsUrl}/ims/token/v3`, {
                method: 'POST',
                headers: { 'content-type': 'application/x-www-form-urlencoded' },
                body: new URLSearchParams({
                    grant_type: 'client_credentials',
                    client_id: org.clientId,
                    client_secret: org.clientSecret,
                    scope: org.scope
                }).toString()
            });
            const accessToken = (res.body as { access_token: string }).access_token;
            await call(
                entitiesUrl(emu, { 'schema.name': '_xdm.context.profile', entityId: SEED_IDENTITIES.jane.email, entityIdNS: 'email' }),
                { headers: aepHeaders(accessToken, org) }
            );
            const log = lines.join('');
            expect(log).toContain('/ims/token/v3');
            expect(log).not.toContain(org.clientSecret);
            expect(log).not.toContain(accessToken);
            expect(log).toContain('/data/core/ups/access/entities');
            expect(log).not.toContain('jane.doe');
        } finally {
            await emu.close();
        }
    });
});
