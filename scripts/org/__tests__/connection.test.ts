import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection, hasOrgCredentials, jwtAudience, OrgAuthError, OrgConfigError, parseOrgEnv } from '../connection';
import { startFakeOrg, type FakeOrg } from './fakeOrg';

const PASSWORD = 'pw-Secret-123';
const SECURITY_TOKEN = 'TOKENabc';
const CLIENT_SECRET = 'client-secret-xyz';

let org: FakeOrg;
let dir: string;
let keyFile: string;
let publicKey: KeyObject;

beforeAll(async () => {
    const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
    publicKey = pair.publicKey;
    dir = mkdtempSync(join(tmpdir(), 'org-conn-'));
    keyFile = join(dir, 'server.key');
    // PKCS#1 ("BEGIN RSA PRIVATE KEY"), the format the Salesforce JWT guide's openssl commands produce.
    writeFileSync(keyFile, pair.privateKey.export({ type: 'pkcs1', format: 'pem' }));
    org = await startFakeOrg({
        jwt: { clientId: 'CONSUMER_KEY', username: 'ci@example.com', publicKey, audience: 'https://login.salesforce.com' },
        password: {
            clientId: 'CONSUMER_KEY',
            clientSecret: CLIENT_SECRET,
            username: 'dev@example.com',
            password: PASSWORD + SECURITY_TOKEN
        }
    });
});

afterAll(async () => {
    await org.close();
    rmSync(dir, { recursive: true, force: true });
});

function configError(env: Record<string, string>): string {
    try {
        parseOrgEnv(env);
    } catch (error) {
        expect(error).toBeInstanceOf(OrgConfigError);
        return (error as Error).message;
    }
    throw new Error('expected an OrgConfigError');
}

describe('hasOrgCredentials', () => {
    it('is false without SF_* credentials and true as soon as one is set', () => {
        expect(hasOrgCredentials({})).toBe(false);
        expect(hasOrgCredentials({ SF_LOGIN_URL: 'https://login.salesforce.com', SF_API_VERSION: '66.0', SF_USERNAME: '  ' })).toBe(false);
        expect(hasOrgCredentials({ SF_USERNAME: 'dev@example.com' })).toBe(true);
        expect(hasOrgCredentials({ SF_ACCESS_TOKEN: 'x' })).toBe(true);
    });
});

describe('parseOrgEnv', () => {
    it('lists the three ways to authenticate when nothing is configured', () => {
        const message = configError({});
        expect(message).toMatch(/No Salesforce credentials configured/);
        expect(message).toMatch(/SF_INSTANCE_URL \+ SF_ACCESS_TOKEN/);
        expect(message).toMatch(/SF_JWT_KEY_FILE/);
        expect(message).toMatch(/SF_PASSWORD/);
    });

    it('names what is present when credentials are incomplete', () => {
        expect(configError({ SF_USERNAME: 'dev@example.com', SF_CLIENT_ID: 'abc' })).toMatch(
            /Incomplete Salesforce credentials \(found SF_USERNAME, SF_CLIENT_ID/
        );
    });

    it('names every missing variable of the chosen flow and never echoes secret values', () => {
        const message = configError({ SF_PASSWORD: PASSWORD, SF_SECURITY_TOKEN: SECURITY_TOKEN, SF_LOGIN_URL: 'http://evil.example.com' });
        expect(message).toMatch(/username-password flow/);
        expect(message).toMatch(/SF_CLIENT_ID/);
        expect(message).toMatch(/SF_CLIENT_SECRET is required/);
        expect(message).toMatch(/SF_USERNAME is required/);
        expect(message).toMatch(/SF_LOGIN_URL must use https/);
        expect(message).not.toContain(PASSWORD);
        expect(message).not.toContain(SECURITY_TOKEN);
    });

    it('rejects a malformed instance URL and API version, and defaults the version to 66.0', () => {
        const message = configError({ SF_ACCESS_TOKEN: 'tok-SECRET', SF_INSTANCE_URL: 'not a url', SF_API_VERSION: 'v66' });
        expect(message).toMatch(/SF_INSTANCE_URL must be an absolute URL/);
        expect(message).toMatch(/SF_API_VERSION must look like 66.0/);
        expect(message).not.toContain('tok-SECRET');
        const ok = parseOrgEnv({ SF_ACCESS_TOKEN: 'tok', SF_INSTANCE_URL: 'https://acme.my.salesforce.com/', SF_LOGIN_URL: '' });
        expect(ok).toMatchObject({ mode: 'accessToken', SF_INSTANCE_URL: 'https://acme.my.salesforce.com', SF_API_VERSION: '66.0' });
    });

    it('picks the JWT flow with the default login URL', () => {
        expect(parseOrgEnv({ SF_JWT_KEY_FILE: '/k', SF_CLIENT_ID: 'c', SF_USERNAME: 'u' })).toMatchObject({
            mode: 'jwt',
            SF_LOGIN_URL: 'https://login.salesforce.com'
        });
    });
});

describe('jwtAudience', () => {
    it('uses login.salesforce.com for production and My Domain, test.salesforce.com for sandboxes', () => {
        expect(jwtAudience('https://acme.my.salesforce.com')).toBe('https://login.salesforce.com');
        expect(jwtAudience('https://test.salesforce.com')).toBe('https://test.salesforce.com');
        expect(jwtAudience('https://acme--uat.sandbox.my.salesforce.com')).toBe('https://test.salesforce.com');
        expect(jwtAudience('https://acme.my.salesforce.com', 'https://custom.example.com')).toBe('https://custom.example.com');
    });
});

describe('createConnection against the fake org', () => {
    it('uses an access token and API 66.0 by default', async () => {
        const conn = await createConnection({ SF_INSTANCE_URL: org.instanceUrl, SF_ACCESS_TOKEN: org.accessToken });
        const identity = await conn.identity();
        expect(identity.user_id).toBe(org.userId);
        expect(org.apiVersions.has('66.0')).toBe(true);
    });

    it('honours SF_API_VERSION', async () => {
        const conn = await createConnection({ SF_INSTANCE_URL: org.instanceUrl, SF_ACCESS_TOKEN: org.accessToken, SF_API_VERSION: '64.0' });
        await conn.query('SELECT Id FROM Account');
        expect(org.apiVersions.has('64.0')).toBe(true);
    });

    it('gets a token with the OAuth JWT bearer flow (signed assertion checked by the fake)', async () => {
        const conn = await createConnection({
            SF_LOGIN_URL: org.instanceUrl,
            SF_CLIENT_ID: 'CONSUMER_KEY',
            SF_USERNAME: 'ci@example.com',
            SF_JWT_KEY_FILE: keyFile
        });
        expect(conn.instanceUrl).toBe(org.instanceUrl);
        const result = await conn.query('SELECT Id FROM Account');
        expect(result.totalSize).toBe(0);
        const tokenRequest = org.requests.filter((r) => r.path === '/services/oauth2/token').pop()!;
        const form = new URLSearchParams(tokenRequest.body);
        expect(form.get('grant_type')).toBe('urn:ietf:params:oauth:grant-type:jwt-bearer');
        // No client secret travels in the JWT flow.
        expect(form.has('client_secret')).toBe(false);
    });

    it('reports a rejected JWT assertion clearly', async () => {
        const attempt = createConnection({
            SF_LOGIN_URL: org.instanceUrl,
            SF_CLIENT_ID: 'WRONG_KEY',
            SF_USERNAME: 'ci@example.com',
            SF_JWT_KEY_FILE: keyFile
        });
        await expect(attempt).rejects.toThrow(OrgAuthError);
        await expect(attempt).rejects.toThrow(/JWT bearer login at http:\/\/127\.0\.0\.1:\d+ failed: invalid_grant: invalid assertion/);
    });

    it('fails clearly on a missing or non-RSA key file', async () => {
        const base = { SF_LOGIN_URL: org.instanceUrl, SF_CLIENT_ID: 'CONSUMER_KEY', SF_USERNAME: 'ci@example.com' };
        await expect(createConnection({ ...base, SF_JWT_KEY_FILE: join(dir, 'missing.key') })).rejects.toThrow(
            /SF_JWT_KEY_FILE cannot be read \(ENOENT\)/
        );
        const junk = join(dir, 'junk.key');
        writeFileSync(junk, 'not a key');
        await expect(createConnection({ ...base, SF_JWT_KEY_FILE: junk })).rejects.toThrow(/not an RSA private key/);
    });

    it('logs in with the OAuth username-password flow, appending the security token', async () => {
        const conn = await createConnection({
            SF_LOGIN_URL: org.instanceUrl,
            SF_CLIENT_ID: 'CONSUMER_KEY',
            SF_CLIENT_SECRET: CLIENT_SECRET,
            SF_USERNAME: 'dev@example.com',
            SF_PASSWORD: PASSWORD,
            SF_SECURITY_TOKEN: SECURITY_TOKEN
        });
        expect((await conn.identity()).organization_id).toBe(org.orgId);
        // Never the deprecated SOAP login().
        expect(org.requests.some((r) => r.path.includes('/services/Soap/'))).toBe(false);
    });

    it('reports a wrong password without echoing it', async () => {
        const attempt = createConnection({
            SF_LOGIN_URL: org.instanceUrl,
            SF_CLIENT_ID: 'CONSUMER_KEY',
            SF_CLIENT_SECRET: CLIENT_SECRET,
            SF_USERNAME: 'dev@example.com',
            SF_PASSWORD: 'wrong-Password-9'
        });
        const error = (await attempt.catch((e: unknown) => e)) as Error;
        expect(error).toBeInstanceOf(OrgAuthError);
        expect(error.message).toMatch(/username-password login at .* failed: invalid_grant: authentication failure/);
        expect(error.message).not.toContain('wrong-Password-9');
    });

    it('surfaces an invalid access token as a session error on first use', async () => {
        const conn = await createConnection({ SF_INSTANCE_URL: org.instanceUrl, SF_ACCESS_TOKEN: 'expired' });
        await expect(conn.query('SELECT Id FROM Account')).rejects.toThrow(/Session expired or invalid/);
    });
});
