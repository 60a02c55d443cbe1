import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONFIG_VARIABLES, ConfigError, configSource, hasAepCredentials, loadConfig, redactedConfig } from '../src/index';

/** An AEP at a loopback URL (the emulator's kind of settings): the proxy reads it like any other. */
const LOCAL_AEP = {
    AEP_IMS_URL: 'http://127.0.0.1:4010',
    AEP_PLATFORM_URL: 'http://127.0.0.1:4010',
    AEP_IDENTITY_URL: 'http://127.0.0.1:4010',
    AEP_CLIENT_ID: 'local-client',
    AEP_CLIENT_SECRET: 'local-secret',
    AEP_ORG_ID: 'A1B2C3D4E5F6A7B8C9D0E1F2@AdobeOrg'
};
const SECRET = 'a-long-enough-shared-secret';

function problemsOf(env: Record<string, string>, aep: Record<string, string> | null = LOCAL_AEP): string[] {
    try {
        loadConfig({ ...aep, ...env });
    } catch (err) {
        if (err instanceof ConfigError) return err.problems;
        throw err;
    }
    return [];
}

describe('loadConfig', () => {
    it('reads an AEP at a loopback URL like any other, with the defaults', () => {
        const config = loadConfig({ ...LOCAL_AEP, PROXY_SHARED_SECRET: SECRET });
        expect(config.aep).toMatchObject({ platformUrl: 'http://127.0.0.1:4010', clientId: 'local-client', sandbox: 'prod' });
        expect(config.timeouts.budgetMs).toBe(8000);
        expect(config.server).toEqual({
            host: '127.0.0.1',
            port: 8787,
            bodyLimitBytes: 16384,
            headersTimeoutMs: 5000,
            bodyTimeoutMs: 10_000,
            bodyIdleTimeoutMs: 3000,
            keepAliveTimeoutMs: 72_000,
            maxRequestsPerSocket: 0,
            maxConnections: 1024
        });
        expect(config.capacity).toEqual({ maxConcurrentLookups: 32, lookupQueue: 128, maxEventLoopDelayMs: 1000, maxRssBytes: 0 });
        expect(config.logLookupSample).toBe(1);
        expect(config.fieldMapping.objects.Contact?.length).toBeGreaterThan(0);
        expect(config.shaping.tenant).toBe('_acmetelco');
        expect(Object.isFrozen(config.aep)).toBe(true);
    });

    it('targets real AEP when credentials are set, with the regional identity host', () => {
        const config = loadConfig({
            PROXY_SHARED_SECRET: SECRET,
            AEP_CLIENT_ID: 'abc123',
            AEP_CLIENT_SECRET: 'p8e-secret',
            AEP_ORG_ID: 'ABCDEF0123456789@AdobeOrg',
            AEP_IDENTITY_URL: 'https://platform-va7.adobe.io/',
            AEP_TENANT: 'acmetelco',
            AEP_MERGE_POLICY_ID: '7b0e1f2c-3d4e-4f50-8a6b-9c8d7e6f5a41'
        });
        expect(config.aep).toMatchObject({
            imsUrl: 'https://ims-na1.adobelogin.com',
            platformUrl: 'https://platform.adobe.io',
            identityUrl: 'https://platform-va7.adobe.io',
            sandbox: 'prod',
            mergePolicyId: '7b0e1f2c-3d4e-4f50-8a6b-9c8d7e6f5a41'
        });
        expect(config.shaping.tenant).toBe('_acmetelco');
    });

    it('names every wrong variable at once', () => {
        const problems = problemsOf({
            PROXY_SHARED_SECRET: 'short',
            PROXY_PORT: 'eighty',
            AEP_MAX_RPS: '0',
            AEP_ORG_ID: 'not-an-org',
            PROXY_LOG_LEVEL: 'loud',
            AEP_PLATFORM_URL: 'ftp://x'
        });
        const text = problems.join('\n');
        for (const name of ['PROXY_SHARED_SECRET', 'PROXY_PORT', 'AEP_MAX_RPS', 'AEP_ORG_ID', 'PROXY_LOG_LEVEL', 'AEP_PLATFORM_URL'])
            expect(text).toContain(name);
    });

    it('requires the AEP credential trio together and some caller auth', () => {
        expect(problemsOf({ AEP_CLIENT_ID: 'abc' }, null).join('\n')).toMatch(/AEP_CLIENT_SECRET is required[\s\S]*AEP_ORG_ID is required/);
        expect(problemsOf({}).join('\n')).toMatch(/no caller authentication configured/);
    });

    it('checks the JWT settings as a group', () => {
        expect(problemsOf({ PROXY_JWT_ISSUER: 'https://login.salesforce.com' }).join('\n')).toMatch(
            /PROXY_JWT_AUDIENCE is required[\s\S]*PROXY_JWT_PUBLIC_KEY_PEM or PROXY_JWT_JWKS_URL/
        );
        expect(problemsOf({ PROXY_JWT_ISSUER: 'i', PROXY_JWT_AUDIENCE: 'a', PROXY_JWT_PUBLIC_KEY_PEM: 'nope' }).join('\n')).toMatch(
            /must be a PEM public key/
        );
        const ok = loadConfig({
            ...LOCAL_AEP,
            PROXY_JWT_ISSUER: 'i',
            PROXY_JWT_AUDIENCE: 'a',
            PROXY_JWT_JWKS_URL: 'https://example.com/jwks'
        });
        expect(ok.auth.jwt).toMatchObject({
            issuer: 'i',
            audience: 'a',
            jwksUrl: 'https://example.com/jwks',
            clockSkewSeconds: 30,
            maxLifetimeSeconds: 3600,
            replayCheck: false
        });
        expect(ok.auth.sharedSecret).toBeNull();
        const text = problemsOf({ PROXY_SHARED_SECRET: SECRET, PROXY_JWT_MAX_LIFETIME_SECONDS: '0', PROXY_JWT_REPLAY_CHECK: 'maybe' }).join(
            '\n'
        );
        expect(text).toMatch(/PROXY_JWT_MAX_LIFETIME_SECONDS must be at least 60/);
        expect(text).toMatch(/PROXY_JWT_REPLAY_CHECK must be true or false/);
    });

    it('checks the edge timeouts, caps and log sampling', () => {
        const config = loadConfig({
            ...LOCAL_AEP,
            PROXY_SHARED_SECRET: SECRET,
            PROXY_BODY_TIMEOUT_MS: '4000',
            PROXY_BODY_IDLE_TIMEOUT_MS: '1000',
            PROXY_MAX_CONCURRENT_LOOKUPS: '8',
            PROXY_LOOKUP_QUEUE: '0',
            PROXY_LOG_LOOKUP_SAMPLE: '0.05'
        });
        expect(config.server).toMatchObject({ bodyTimeoutMs: 4000, bodyIdleTimeoutMs: 1000 });
        expect(config.capacity).toMatchObject({ maxConcurrentLookups: 8, lookupQueue: 0 });
        expect(config.logLookupSample).toBe(0.05);
        expect(problemsOf({ PROXY_SHARED_SECRET: SECRET, PROXY_BODY_TIMEOUT_MS: '1000', PROXY_BODY_IDLE_TIMEOUT_MS: '2000' })).toEqual([
            'PROXY_BODY_IDLE_TIMEOUT_MS must not be above PROXY_BODY_TIMEOUT_MS'
        ]);
        const text = problemsOf({ PROXY_SHARED_SECRET: SECRET, PROXY_MAX_CONNECTIONS: '2', PROXY_LOG_LOOKUP_SAMPLE: '1.5' }).join('\n');
        expect(text).toMatch(/PROXY_MAX_CONNECTIONS must be at least 16/);
        expect(text).toMatch(/PROXY_LOG_LOOKUP_SAMPLE must be between 0 and 1/);
    });

    it('validates the nested field mapping and shaping JSON with their own messages', () => {
        expect(problemsOf({ PROXY_SHARED_SECRET: SECRET, PROXY_FIELD_MAPPING: '{not json' }).join('\n')).toMatch(
            /PROXY_FIELD_MAPPING must be JSON/
        );
        expect(problemsOf({ PROXY_SHARED_SECRET: SECRET, PROXY_FIELD_MAPPING: '{"defaultPhoneRegion":"XX"}' }).join('\n')).toMatch(
            /PROXY_FIELD_MAPPING: defaultPhoneRegion/
        );
        expect(problemsOf({ PROXY_SHARED_SECRET: SECRET, PROXY_SHAPING: '{"tenant":"bad tenant"}' }).join('\n')).toMatch(
            /PROXY_SHAPING: tenant/
        );
    });

    it("reads the fleet's AEP budget and the instances that share it", () => {
        const config = loadConfig({
            ...LOCAL_AEP,
            PROXY_SHARED_SECRET: SECRET,
            AEP_MAX_RPS: '40',
            AEP_BURST: '80',
            PROXY_EXPECTED_INSTANCES: '4'
        });
        expect(config.resilience).toMatchObject({ maxRps: 40, burst: 80, expectedInstances: 4 });
        expect(loadConfig({ ...LOCAL_AEP, PROXY_SHARED_SECRET: SECRET }).resilience).toMatchObject({
            maxRps: 50,
            burst: 50,
            expectedInstances: 1
        });
        expect(problemsOf({ PROXY_SHARED_SECRET: SECRET, AEP_MAX_RPS: '40', AEP_BURST: '10' })).toEqual([
            'AEP_BURST must not be below AEP_MAX_RPS'
        ]);
        expect(problemsOf({ PROXY_SHARED_SECRET: SECRET, PROXY_EXPECTED_INSTANCES: '0' })).toEqual([
            'PROXY_EXPECTED_INSTANCES must be at least 1'
        ]);
    });

    it('reads a JSON config file, with the environment taking precedence', () => {
        const dir = mkdtempSync(join(tmpdir(), 'proxy-config-'));
        const file = join(dir, 'proxy.json');
        writeFileSync(
            file,
            JSON.stringify({ PROXY_SHARED_SECRET: SECRET, AEP_MAX_RPS: 7, CACHE_TTL_SECONDS: 30, PROXY_SHAPING: { tenant: '_filetenant' } })
        );
        const config = loadConfig({ ...LOCAL_AEP, PROXY_CONFIG_FILE: file, CACHE_TTL_SECONDS: '45' });
        expect(config.resilience.maxRps).toBe(7);
        expect(config.cache.ttlMs).toBe(45_000);
        expect(config.shaping.tenant).toBe('_filetenant');
        expect(problemsOf({ PROXY_CONFIG_FILE: join(dir, 'missing.json') }).join('\n')).toMatch(/PROXY_CONFIG_FILE: cannot read/);
    });

    it('keeps secrets out of the redacted view', () => {
        const config = loadConfig({
            PROXY_SHARED_SECRET: SECRET,
            AEP_CLIENT_ID: 'abcdef',
            AEP_CLIENT_SECRET: 'p8e-very-secret',
            AEP_ORG_ID: 'ABC@AdobeOrg',
            REDIS_URL: 'redis://user:pw@127.0.0.1:6379'
        });
        const text = JSON.stringify(redactedConfig(config));
        expect(text).not.toContain(SECRET);
        expect(text).not.toContain('p8e-very-secret');
        expect(text).not.toContain(':pw@');
    });
});

describe('the configuration table of proxy/README.md', () => {
    it('has a row for every variable the proxy reads', () => {
        const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
        const table = readme.slice(readme.indexOf('## Configuration'), readme.indexOf('## Point the proxy at real AEP'));
        const rows = table.split('\n').filter((l) => l.startsWith('| `'));
        const missing = CONFIG_VARIABLES.filter((name) => !rows.some((row) => row.split('|')[1]?.includes(`\`${name}\``)));
        expect(missing).toEqual([]);
    });
});

describe('AEP credentials', () => {
    it('refuses to start without them, naming the variables to set (the proxy never falls back to another AEP)', () => {
        const problems = problemsOf({ PROXY_SHARED_SECRET: SECRET }, null).join('\n');
        expect(problems).toMatch(/no AEP credentials: set AEP_CLIENT_ID, AEP_CLIENT_SECRET and AEP_ORG_ID/);
        expect(() => loadConfig({ NODE_ENV: 'production', PROXY_SHARED_SECRET: SECRET })).toThrow(ConfigError);
    });

    it('says whether any is set, so the dev entry can decide to start a local AEP', () => {
        expect(hasAepCredentials({})).toBe(false);
        expect(hasAepCredentials({ AEP_CLIENT_ID: '' })).toBe(false);
        expect(hasAepCredentials({ AEP_ORG_ID: 'ABCDEF0123456789@AdobeOrg' })).toBe(true);
    });

    it('sees credentials held in PROXY_CONFIG_FILE', () => {
        const dir = mkdtempSync(join(tmpdir(), 'cah-config-'));
        const file = join(dir, 'proxy.json');
        writeFileSync(
            file,
            JSON.stringify({ AEP_CLIENT_ID: 'abc123', AEP_CLIENT_SECRET: 'p8e-secret', AEP_ORG_ID: 'ABCDEF0123456789@AdobeOrg' })
        );
        const source = configSource({ PROXY_CONFIG_FILE: file, NODE_ENV: 'production', AEP_SANDBOX: 'dev' });
        expect(source).toEqual({
            AEP_CLIENT_ID: 'abc123',
            AEP_CLIENT_SECRET: 'p8e-secret',
            AEP_ORG_ID: 'ABCDEF0123456789@AdobeOrg',
            NODE_ENV: 'production',
            AEP_SANDBOX: 'dev'
        });
        expect(hasAepCredentials(source)).toBe(true);
    });
});
