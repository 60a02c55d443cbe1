import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { parseFieldMapping, type FieldMapping } from './identity/fieldMapping';
import { parseShapingConfig, type ShapingConfig } from './card/shapingConfig';
import { deepFreeze } from './lib/deepFreeze';

/**
 * The proxy's configuration: read once at start (env, optionally a JSON file named by PROXY_CONFIG_FILE),
 * validated here, frozen, and passed down. Nothing else reads process.env.
 *
 * Every variable is documented in proxy/README.md. Error messages name the variable so an operator can
 * fix a deployment from the first log line.
 */

/**
 * Scopes Adobe's Developer Console lists for an AEP OAuth server-to-server credential
 * (https://developer.adobe.com/developer-console/docs/guides/authentication/ServerToServerAuthentication/ims).
 */
const DEFAULT_SCOPES = 'openid,AdobeID,read_organizations,additional_info.projectedProductContext,session';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const url = (name: string) =>
    z.url({ message: `${name} must be an absolute http(s) URL` }).refine((u) => /^https?:\/\//.test(u), `${name} must use http or https`);
const int = (name: string, min: number, max: number) =>
    z.coerce
        .number({ message: `${name} must be a number` })
        .int(`${name} must be a whole number`)
        .min(min, `${name} must be at least ${min}`)
        .max(max, `${name} must be at most ${max}`);
const fraction = (name: string) =>
    z.coerce
        .number({ message: `${name} must be a number` })
        .min(0, `${name} must be between 0 and 1`)
        .max(1, `${name} must be between 0 and 1`);
const bool = (name: string) =>
    z.enum(['true', 'false', '1', '0'], { message: `${name} must be true or false` }).transform((v) => v === 'true' || v === '1');
const nonEmpty = (name: string) => z.string().trim().min(1, `${name} must not be empty`);

/** The env-shaped input (all strings, as process.env gives them); optional entries have defaults below. */
const EnvSchema = z.object({
    PROXY_HOST: nonEmpty('PROXY_HOST').default('127.0.0.1'),
    PROXY_PORT: int('PROXY_PORT', 0, 65535).default(8787),
    PROXY_BODY_LIMIT_BYTES: int('PROXY_BODY_LIMIT_BYTES', 1024, 1024 * 1024).default(16 * 1024),
    PROXY_LOG_LEVEL: z.enum(LOG_LEVELS, { message: `PROXY_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
    PROXY_LOG_LOOKUP_SAMPLE: fraction('PROXY_LOG_LOOKUP_SAMPLE').default(1),
    PROXY_HEADERS_TIMEOUT_MS: int('PROXY_HEADERS_TIMEOUT_MS', 500, 60_000).default(5000),
    PROXY_BODY_TIMEOUT_MS: int('PROXY_BODY_TIMEOUT_MS', 500, 60_000).default(10_000),
    PROXY_BODY_IDLE_TIMEOUT_MS: int('PROXY_BODY_IDLE_TIMEOUT_MS', 200, 60_000).default(3000),
    PROXY_KEEP_ALIVE_TIMEOUT_MS: int('PROXY_KEEP_ALIVE_TIMEOUT_MS', 1000, 600_000).default(72_000),
    PROXY_MAX_REQUESTS_PER_SOCKET: int('PROXY_MAX_REQUESTS_PER_SOCKET', 0, 1_000_000).default(0),
    PROXY_MAX_CONNECTIONS: int('PROXY_MAX_CONNECTIONS', 16, 100_000).default(1024),
    PROXY_MAX_CONCURRENT_LOOKUPS: int('PROXY_MAX_CONCURRENT_LOOKUPS', 1, 10_000).default(32),
    PROXY_LOOKUP_QUEUE: int('PROXY_LOOKUP_QUEUE', 0, 100_000).default(128),
    PROXY_MAX_EVENT_LOOP_DELAY_MS: int('PROXY_MAX_EVENT_LOOP_DELAY_MS', 0, 60_000).default(1000),
    PROXY_MAX_RSS_BYTES: int('PROXY_MAX_RSS_BYTES', 0, 64 * 1024 * 1024 * 1024).default(0),
    PROXY_WARM_SHARE: fraction('PROXY_WARM_SHARE').default(0.2),
    PROXY_WARM_CONCURRENCY: int('PROXY_WARM_CONCURRENCY', 1, 64).default(2),
    PROXY_WARM_QUEUE: int('PROXY_WARM_QUEUE', 0, 100_000).default(1000),

    PROXY_SHARED_SECRET: z.string().min(16, 'PROXY_SHARED_SECRET must be at least 16 characters').optional(),
    PROXY_JWT_ISSUER: nonEmpty('PROXY_JWT_ISSUER').optional(),
    PROXY_JWT_AUDIENCE: nonEmpty('PROXY_JWT_AUDIENCE').optional(),
    PROXY_JWT_PUBLIC_KEY_PEM: z.string().optional(),
    PROXY_JWT_JWKS_URL: url('PROXY_JWT_JWKS_URL').optional(),
    PROXY_JWT_CLOCK_SKEW_SECONDS: int('PROXY_JWT_CLOCK_SKEW_SECONDS', 0, 300).default(30),
    PROXY_JWT_MAX_LIFETIME_SECONDS: int('PROXY_JWT_MAX_LIFETIME_SECONDS', 60, 86_400).default(3600),
    PROXY_JWT_REPLAY_CHECK: bool('PROXY_JWT_REPLAY_CHECK').default(false),

    AEP_IMS_URL: url('AEP_IMS_URL').default('https://ims-na1.adobelogin.com'),
    AEP_PLATFORM_URL: url('AEP_PLATFORM_URL').default('https://platform.adobe.io'),
    AEP_IDENTITY_URL: url('AEP_IDENTITY_URL').optional(),
    AEP_CLIENT_ID: nonEmpty('AEP_CLIENT_ID').optional(),
    AEP_CLIENT_SECRET: nonEmpty('AEP_CLIENT_SECRET').optional(),
    AEP_SCOPES: z
        .string()
        .regex(/^[A-Za-z0-9_.:-]+(,[A-Za-z0-9_.:-]+)*$/, 'AEP_SCOPES must be a comma-separated list without spaces')
        .default(DEFAULT_SCOPES),
    AEP_ORG_ID: z
        .string()
        .regex(/^[A-Za-z0-9]+@AdobeOrg$/, 'AEP_ORG_ID must look like XXXXXXXX@AdobeOrg')
        .optional(),
    AEP_SANDBOX: z
        .string()
        .regex(/^[a-z0-9-]{1,64}$/, 'AEP_SANDBOX must be a lower-case sandbox name, e.g. prod')
        .default('prod'),
    AEP_MERGE_POLICY_ID: z
        .string()
        .regex(/^[A-Za-z0-9-]{8,64}$/, 'AEP_MERGE_POLICY_ID must be a merge policy id (uuid)')
        .optional(),
    AEP_TENANT: z
        .string()
        .regex(/^_?[A-Za-z0-9]{1,64}$/, 'AEP_TENANT must be the tenant namespace, e.g. _acmetelco')
        .optional(),
    AEP_UI_PROFILE_URL_TEMPLATE: z.string().max(200).optional(),

    PROXY_BUDGET_MS: int('PROXY_BUDGET_MS', 500, 9500).default(8000),
    AEP_CONNECT_TIMEOUT_MS: int('AEP_CONNECT_TIMEOUT_MS', 100, 10000).default(1500),
    AEP_IMS_TIMEOUT_MS: int('AEP_IMS_TIMEOUT_MS', 100, 10000).default(3000),
    AEP_PROFILE_TIMEOUT_MS: int('AEP_PROFILE_TIMEOUT_MS', 100, 10000).default(2500),
    AEP_EVENTS_TIMEOUT_MS: int('AEP_EVENTS_TIMEOUT_MS', 100, 10000).default(2500),
    AEP_METADATA_TIMEOUT_MS: int('AEP_METADATA_TIMEOUT_MS', 100, 10000).default(2500),
    AEP_MAX_RESPONSE_BYTES: int('AEP_MAX_RESPONSE_BYTES', 64 * 1024, 256 * 1024 * 1024).default(8 * 1024 * 1024),
    AEP_RETRY_MAX_ATTEMPTS: int('AEP_RETRY_MAX_ATTEMPTS', 1, 5).default(3),
    AEP_RETRY_BASE_DELAY_MS: int('AEP_RETRY_BASE_DELAY_MS', 1, 5000).default(100),
    AEP_RETRY_MAX_DELAY_MS: int('AEP_RETRY_MAX_DELAY_MS', 1, 8000).default(2000),
    AEP_BREAKER_FAILURES: int('AEP_BREAKER_FAILURES', 1, 100).default(5),
    AEP_BREAKER_HALF_OPEN_MS: int('AEP_BREAKER_HALF_OPEN_MS', 100, 600000).default(10000),
    AEP_MAX_RPS: int('AEP_MAX_RPS', 1, 100000).default(50),
    AEP_BURST: int('AEP_BURST', 1, 100000).optional(),
    PROXY_EXPECTED_INSTANCES: int('PROXY_EXPECTED_INSTANCES', 1, 1000).default(1),
    AEP_EVENTS_ENABLED: bool('AEP_EVENTS_ENABLED').default(true),
    AEP_EVENTS_LOOKBACK_DAYS: int('AEP_EVENTS_LOOKBACK_DAYS', 1, 3650).default(90),

    CACHE_TTL_SECONDS: int('CACHE_TTL_SECONDS', 0, 3600).default(60),
    CACHE_STALE_TTL_SECONDS: int('CACHE_STALE_TTL_SECONDS', 0, 86400).default(1800),
    CACHE_PARTIAL_TTL_SECONDS: int('CACHE_PARTIAL_TTL_SECONDS', 0, 300).default(10),
    CACHE_MAX_ENTRIES: int('CACHE_MAX_ENTRIES', 1, 10_000_000).default(100_000),
    CACHE_MAX_BYTES: int('CACHE_MAX_BYTES', 1024 * 1024, 16 * 1024 * 1024 * 1024).default(512 * 1024 * 1024),
    NAMESPACE_CACHE_TTL_SECONDS: int('NAMESPACE_CACHE_TTL_SECONDS', 10, 86400).default(3600),
    AUDIENCE_NAME_TTL_SECONDS: int('AUDIENCE_NAME_TTL_SECONDS', 10, 86400).default(1800),
    AUDIENCE_NAME_NEGATIVE_TTL_SECONDS: int('AUDIENCE_NAME_NEGATIVE_TTL_SECONDS', 1, 86400).default(120),
    REDIS_URL: z
        .string()
        .regex(/^rediss?:\/\//, 'REDIS_URL must start with redis:// or rediss://')
        .optional(),
    REDIS_KEY_PREFIX: z
        .string()
        .regex(/^[A-Za-z0-9:_-]{1,64}$/, 'REDIS_KEY_PREFIX may hold letters, digits, : _ -')
        .default('cah:'),

    PROXY_FIELD_MAPPING: z.unknown().optional(),
    PROXY_SHAPING: z.unknown().optional()
});

/** Every variable the proxy reads (plus PROXY_CONFIG_FILE); each has a row in proxy/README.md's configuration table. */
export const CONFIG_VARIABLES: readonly string[] = ['PROXY_CONFIG_FILE', ...Object.keys(EnvSchema.shape)];

export type LogLevel = (typeof LOG_LEVELS)[number];

export interface ProxyConfig {
    readonly server: {
        readonly host: string;
        readonly port: number;
        readonly bodyLimitBytes: number;
        /** Time to receive all request headers. */
        readonly headersTimeoutMs: number;
        /** Time to receive the whole body once the headers are in. */
        readonly bodyTimeoutMs: number;
        /** Longest pause between two pieces of the body. */
        readonly bodyIdleTimeoutMs: number;
        readonly keepAliveTimeoutMs: number;
        /** 0 = unlimited. */
        readonly maxRequestsPerSocket: number;
        readonly maxConnections: number;
    };
    /** Load shedding: what one instance takes on at once before answering 503 OVERLOADED. */
    readonly capacity: {
        /** Look-ups talking to AEP at once (cache hits never count). */
        readonly maxConcurrentLookups: number;
        /** Look-ups waiting for one of those slots. */
        readonly lookupQueue: number;
        /** 0 = off. */
        readonly maxEventLoopDelayMs: number;
        /** 0 = off. */
        readonly maxRssBytes: number;
    };
    /** Warming cards ahead of the agent (POST /v1/profiles/warm): always below interactive look-ups. */
    readonly warm: {
        /** Share of AEP_MAX_RPS warming may spend (0 = warming is accepted but never calls AEP). */
        readonly share: number;
        /** Warm look-ups running at once. */
        readonly concurrency: number;
        /** Records waiting to be warmed; beyond, a batch's extra records are dropped (and counted). */
        readonly queue: number;
    };
    readonly logLevel: LogLevel;
    /** Share of successful look-ups that get their log line (every other outcome is always logged). */
    readonly logLookupSample: number;
    readonly auth: {
        readonly sharedSecret: string | null;
        readonly jwt: null | {
            readonly issuer: string;
            readonly audience: string;
            readonly publicKeyPem: string | null;
            readonly jwksUrl: string | null;
            readonly clockSkewSeconds: number;
            /** Longest accepted exp - iat (exp - now without iat). */
            readonly maxLifetimeSeconds: number;
            /** Every token must carry a jti, accepted once within its lifetime. */
            readonly replayCheck: boolean;
        };
    };
    readonly aep: {
        readonly imsUrl: string;
        readonly platformUrl: string;
        readonly identityUrl: string;
        readonly clientId: string;
        readonly clientSecret: string;
        readonly scopes: string;
        readonly orgId: string;
        readonly sandbox: string;
        /** Null: the sandbox's default policy is looked up at start and sent on every call. */
        readonly mergePolicyId: string | null;
    };
    readonly timeouts: {
        readonly budgetMs: number;
        readonly connectMs: number;
        readonly imsMs: number;
        readonly profileMs: number;
        readonly eventsMs: number;
        readonly metadataMs: number;
    };
    readonly resilience: {
        readonly maxResponseBytes: number;
        readonly retryMaxAttempts: number;
        readonly retryBaseDelayMs: number;
        readonly retryMaxDelayMs: number;
        readonly breakerFailures: number;
        readonly breakerHalfOpenMs: number;
        /** The AEP budget of every instance together (one shared budget in Redis with REDIS_URL). */
        readonly maxRps: number;
        readonly burst: number;
        /** Without Redis, or while it is down, each instance keeps to maxRps / expectedInstances. */
        readonly expectedInstances: number;
    };
    readonly events: { readonly enabled: boolean; readonly lookbackDays: number };
    readonly cache: {
        readonly ttlMs: number;
        readonly staleTtlMs: number;
        /** Fresh lifetime of a card whose events failed this time (events.status error): a short retry interval. */
        readonly partialTtlMs: number;
        readonly maxEntries: number;
        readonly maxBytes: number;
        readonly namespaceTtlMs: number;
        readonly audienceNameTtlMs: number;
        readonly audienceNameNegativeTtlMs: number;
        readonly redisUrl: string | null;
        readonly redisKeyPrefix: string;
    };
    readonly fieldMapping: FieldMapping;
    readonly shaping: ShapingConfig;
}

export class ConfigError extends Error {
    constructor(readonly problems: string[]) {
        super(`Invalid proxy configuration:\n  - ${problems.join('\n  - ')}`);
        this.name = 'ConfigError';
    }
}

const AEP_CREDENTIAL_VARS = ['AEP_CLIENT_ID', 'AEP_CLIENT_SECRET', 'AEP_ORG_ID'] as const;

/**
 * The raw settings: the JSON file named by PROXY_CONFIG_FILE (read here, once) under the environment's
 * non-empty values. Without PROXY_CONFIG_FILE in the result, so `loadConfig(configSource(env))` does not read
 * the file again.
 */
export function configSource(env: NodeJS.ProcessEnv | Record<string, unknown> = process.env): Record<string, unknown> {
    const { PROXY_CONFIG_FILE: _file, ...merged } = { ...readConfigFile(env.PROXY_CONFIG_FILE), ...definedOnly(env) };
    return merged;
}

/**
 * Whether `source` (from configSource) names AEP credentials at all. A dev entry that has none to give may start
 * a local AEP (scripts/preview/stack.ts); the proxy itself never guesses: loadConfig refuses the start.
 */
export function hasAepCredentials(source: Record<string, unknown>): boolean {
    return AEP_CREDENTIAL_VARS.some((name) => typeof source[name] === 'string' && source[name].trim() !== '');
}

/** Reads, validates and freezes the configuration. Throws ConfigError listing every problem at once. */
export function loadConfig(env: NodeJS.ProcessEnv | Record<string, unknown> = process.env): ProxyConfig {
    const parsed = EnvSchema.safeParse(configSource(env));
    if (!parsed.success) {
        throw new ConfigError(
            parsed.error.issues.map((i) =>
                i.path.length > 0 && !i.message.includes(String(i.path[0])) ? `${String(i.path[0])}: ${i.message}` : i.message
            )
        );
    }
    const e = parsed.data;
    const problems: string[] = [];

    const auth = buildAuth(e, problems);
    const aep = buildAep(e, problems);
    if (e.AEP_RETRY_MAX_DELAY_MS < e.AEP_RETRY_BASE_DELAY_MS)
        problems.push('AEP_RETRY_MAX_DELAY_MS must not be below AEP_RETRY_BASE_DELAY_MS');
    if (e.PROXY_BODY_IDLE_TIMEOUT_MS > e.PROXY_BODY_TIMEOUT_MS)
        problems.push('PROXY_BODY_IDLE_TIMEOUT_MS must not be above PROXY_BODY_TIMEOUT_MS');
    // The budget is counted in windows of whole seconds (aep/aepBudget.ts): a burst below one second's calls cannot be kept.
    if (e.AEP_BURST !== undefined && e.AEP_BURST < e.AEP_MAX_RPS) problems.push('AEP_BURST must not be below AEP_MAX_RPS');
    if (e.CACHE_STALE_TTL_SECONDS > 0 && e.CACHE_STALE_TTL_SECONDS < e.CACHE_TTL_SECONDS) {
        problems.push('CACHE_STALE_TTL_SECONDS must be 0 (no stale copies) or at least CACHE_TTL_SECONDS');
    }
    const fieldMapping = parseNested('PROXY_FIELD_MAPPING', e.PROXY_FIELD_MAPPING, parseFieldMapping, problems);
    const shaping = parseNested('PROXY_SHAPING', withShapingEnv(e.PROXY_SHAPING, e), parseShapingConfig, problems);
    if (problems.length > 0 || !aep || !fieldMapping || !shaping) throw new ConfigError(problems);

    return deepFreeze({
        server: {
            host: e.PROXY_HOST,
            port: e.PROXY_PORT,
            bodyLimitBytes: e.PROXY_BODY_LIMIT_BYTES,
            headersTimeoutMs: e.PROXY_HEADERS_TIMEOUT_MS,
            bodyTimeoutMs: e.PROXY_BODY_TIMEOUT_MS,
            bodyIdleTimeoutMs: e.PROXY_BODY_IDLE_TIMEOUT_MS,
            keepAliveTimeoutMs: e.PROXY_KEEP_ALIVE_TIMEOUT_MS,
            maxRequestsPerSocket: e.PROXY_MAX_REQUESTS_PER_SOCKET,
            maxConnections: e.PROXY_MAX_CONNECTIONS
        },
        capacity: {
            maxConcurrentLookups: e.PROXY_MAX_CONCURRENT_LOOKUPS,
            lookupQueue: e.PROXY_LOOKUP_QUEUE,
            maxEventLoopDelayMs: e.PROXY_MAX_EVENT_LOOP_DELAY_MS,
            maxRssBytes: e.PROXY_MAX_RSS_BYTES
        },
        warm: { share: e.PROXY_WARM_SHARE, concurrency: e.PROXY_WARM_CONCURRENCY, queue: e.PROXY_WARM_QUEUE },
        logLevel: e.PROXY_LOG_LEVEL,
        logLookupSample: e.PROXY_LOG_LOOKUP_SAMPLE,
        auth,
        aep,
        timeouts: {
            budgetMs: e.PROXY_BUDGET_MS,
            connectMs: e.AEP_CONNECT_TIMEOUT_MS,
            imsMs: e.AEP_IMS_TIMEOUT_MS,
            profileMs: e.AEP_PROFILE_TIMEOUT_MS,
            eventsMs: e.AEP_EVENTS_TIMEOUT_MS,
            metadataMs: e.AEP_METADATA_TIMEOUT_MS
        },
        resilience: {
            maxResponseBytes: e.AEP_MAX_RESPONSE_BYTES,
            retryMaxAttempts: e.AEP_RETRY_MAX_ATTEMPTS,
            retryBaseDelayMs: e.AEP_RETRY_BASE_DELAY_MS,
            retryMaxDelayMs: e.AEP_RETRY_MAX_DELAY_MS,
            breakerFailures: e.AEP_BREAKER_FAILURES,
            breakerHalfOpenMs: e.AEP_BREAKER_HALF_OPEN_MS,
            maxRps: e.AEP_MAX_RPS,
            burst: e.AEP_BURST ?? e.AEP_MAX_RPS,
            expectedInstances: e.PROXY_EXPECTED_INSTANCES
        },
        events: { enabled: e.AEP_EVENTS_ENABLED, lookbackDays: e.AEP_EVENTS_LOOKBACK_DAYS },
        cache: {
            ttlMs: e.CACHE_TTL_SECONDS * 1000,
            staleTtlMs: e.CACHE_STALE_TTL_SECONDS * 1000,
            partialTtlMs: Math.min(e.CACHE_PARTIAL_TTL_SECONDS, e.CACHE_TTL_SECONDS) * 1000,
            maxEntries: e.CACHE_MAX_ENTRIES,
            maxBytes: e.CACHE_MAX_BYTES,
            namespaceTtlMs: e.NAMESPACE_CACHE_TTL_SECONDS * 1000,
            audienceNameTtlMs: e.AUDIENCE_NAME_TTL_SECONDS * 1000,
            audienceNameNegativeTtlMs: e.AUDIENCE_NAME_NEGATIVE_TTL_SECONDS * 1000,
            redisUrl: e.REDIS_URL ?? null,
            redisKeyPrefix: e.REDIS_KEY_PREFIX
        },
        fieldMapping,
        shaping
    } satisfies ProxyConfig);
}

type Env = z.infer<typeof EnvSchema>;

function buildAuth(e: Env, problems: string[]): ProxyConfig['auth'] {
    const jwtWanted = Boolean(e.PROXY_JWT_ISSUER || e.PROXY_JWT_AUDIENCE || e.PROXY_JWT_PUBLIC_KEY_PEM || e.PROXY_JWT_JWKS_URL);
    let jwt: ProxyConfig['auth']['jwt'] = null;
    if (jwtWanted) {
        if (!e.PROXY_JWT_ISSUER) problems.push('PROXY_JWT_ISSUER is required when JWT caller auth is configured');
        if (!e.PROXY_JWT_AUDIENCE) problems.push('PROXY_JWT_AUDIENCE is required when JWT caller auth is configured');
        const pem = e.PROXY_JWT_PUBLIC_KEY_PEM?.replace(/\\n/g, '\n').trim();
        if (!pem && !e.PROXY_JWT_JWKS_URL) problems.push('set PROXY_JWT_PUBLIC_KEY_PEM or PROXY_JWT_JWKS_URL for JWT caller auth');
        if (pem && e.PROXY_JWT_JWKS_URL) problems.push('set only one of PROXY_JWT_PUBLIC_KEY_PEM and PROXY_JWT_JWKS_URL');
        if (pem && !/^-----BEGIN (PUBLIC KEY|CERTIFICATE)-----[\s\S]+-----END (PUBLIC KEY|CERTIFICATE)-----$/.test(pem)) {
            problems.push('PROXY_JWT_PUBLIC_KEY_PEM must be a PEM public key (BEGIN PUBLIC KEY) or certificate (BEGIN CERTIFICATE)');
        }
        if (e.PROXY_JWT_ISSUER && e.PROXY_JWT_AUDIENCE) {
            jwt = {
                issuer: e.PROXY_JWT_ISSUER,
                audience: e.PROXY_JWT_AUDIENCE,
                publicKeyPem: pem || null,
                jwksUrl: e.PROXY_JWT_JWKS_URL ?? null,
                clockSkewSeconds: e.PROXY_JWT_CLOCK_SKEW_SECONDS,
                maxLifetimeSeconds: e.PROXY_JWT_MAX_LIFETIME_SECONDS,
                replayCheck: e.PROXY_JWT_REPLAY_CHECK
            };
        }
    }
    if (!e.PROXY_SHARED_SECRET && !jwtWanted) {
        problems.push('no caller authentication configured: set PROXY_SHARED_SECRET and/or PROXY_JWT_ISSUER + PROXY_JWT_AUDIENCE + a key');
    }
    return { sharedSecret: e.PROXY_SHARED_SECRET ?? null, jwt };
}

function buildAep(e: Env, problems: string[]): ProxyConfig['aep'] | null {
    if (!hasAepCredentials(e)) {
        problems.push(
            'no AEP credentials: set AEP_CLIENT_ID, AEP_CLIENT_SECRET and AEP_ORG_ID (see proxy/deploy/proxy.env.example); for local development without AEP, use `npm start`'
        );
        return null;
    }
    for (const name of AEP_CREDENTIAL_VARS) {
        if (!e[name]) problems.push(`${name} is required (AEP_CLIENT_ID, AEP_CLIENT_SECRET and AEP_ORG_ID go together)`);
    }
    if (!e.AEP_CLIENT_ID || !e.AEP_CLIENT_SECRET || !e.AEP_ORG_ID) return null;
    return {
        imsUrl: trimSlash(e.AEP_IMS_URL),
        platformUrl: trimSlash(e.AEP_PLATFORM_URL),
        // Identity Service wants the regional host; the global gateway is the fallback
        // (https://experienceleague.adobe.com/en/docs/experience-platform/identity/api/getting-started).
        identityUrl: trimSlash(e.AEP_IDENTITY_URL ?? e.AEP_PLATFORM_URL),
        clientId: e.AEP_CLIENT_ID,
        clientSecret: e.AEP_CLIENT_SECRET,
        scopes: e.AEP_SCOPES,
        orgId: e.AEP_ORG_ID,
        sandbox: e.AEP_SANDBOX,
        mergePolicyId: e.AEP_MERGE_POLICY_ID ?? null
    };
}

/** The startup log's view of the config: secrets replaced, everything else as used. */
export function redactedConfig(config: ProxyConfig): Record<string, unknown> {
    return {
        ...config,
        auth: {
            sharedSecret: config.auth.sharedSecret ? '[set]' : null,
            jwt: config.auth.jwt && { ...config.auth.jwt, publicKeyPem: config.auth.jwt.publicKeyPem ? '[set]' : null }
        },
        aep: { ...config.aep, clientSecret: '[redacted]', clientId: `${config.aep.clientId.slice(0, 4)}…` },
        cache: {
            ...config.cache,
            redisUrl: config.cache.redisUrl ? config.cache.redisUrl.replace(/\/\/[^@/]*@/, '//[credentials]@') : null
        },
        fieldMapping: '[see PROXY_FIELD_MAPPING]',
        shaping: '[see PROXY_SHAPING]'
    };
}

function readConfigFile(path: unknown): Record<string, unknown> {
    if (typeof path !== 'string' || path.trim() === '') return {};
    let text: string;
    try {
        text = readFileSync(path, 'utf8');
    } catch (err) {
        throw new ConfigError([`PROXY_CONFIG_FILE: cannot read ${path} (${(err as NodeJS.ErrnoException).code ?? 'error'})`]);
    }
    let data: unknown;
    try {
        data = JSON.parse(text);
    } catch {
        throw new ConfigError([`PROXY_CONFIG_FILE: ${path} is not valid JSON`]);
    }
    if (typeof data !== 'object' || data === null || Array.isArray(data)) {
        throw new ConfigError([`PROXY_CONFIG_FILE: ${path} must hold a JSON object keyed by variable name`]);
    }
    // Scalars are accepted as JSON numbers/booleans too; the schema coerces strings.
    return Object.fromEntries(Object.entries(data).map(([k, v]) => [k, typeof v === 'number' || typeof v === 'boolean' ? String(v) : v]));
}

function parseNested<T>(name: string, raw: unknown, parse: (value: unknown) => T, problems: string[]): T | null {
    let value = raw;
    if (typeof raw === 'string') {
        try {
            value = JSON.parse(raw);
        } catch {
            problems.push(`${name} must be JSON`);
            return null;
        }
    }
    try {
        return parse(value);
    } catch (err) {
        problems.push(`${name}: ${err instanceof Error ? err.message : String(err)}`);
        return null;
    }
}

/**
 * AEP_TENANT and AEP_UI_PROFILE_URL_TEMPLATE are conveniences: they fill the shaping config's `tenant`
 * and `aepProfileUrlTemplate` unless the PROXY_SHAPING JSON sets them.
 */
function withShapingEnv(shaping: unknown, e: Env): unknown {
    if (!e.AEP_TENANT && !e.AEP_UI_PROFILE_URL_TEMPLATE) return shaping;
    const value = typeof shaping === 'string' ? safeJson(shaping) : (shaping ?? {});
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return shaping;
    const out: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    if (e.AEP_TENANT && !('tenant' in out)) out.tenant = e.AEP_TENANT.startsWith('_') ? e.AEP_TENANT : `_${e.AEP_TENANT}`;
    if (e.AEP_UI_PROFILE_URL_TEMPLATE && !('aepProfileUrlTemplate' in out)) out.aepProfileUrlTemplate = e.AEP_UI_PROFILE_URL_TEMPLATE;
    return out;
}

function safeJson(text: string): unknown {
    try {
        return JSON.parse(text);
    } catch {
        return text;
    }
}

function definedOnly(env: Record<string, unknown>): Record<string, unknown> {
    return Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
}

function trimSlash(u: string): string {
    return u.replace(/\/+$/, '');
}
