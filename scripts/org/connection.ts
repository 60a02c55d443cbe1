import { createPrivateKey, type KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { Connection, OAuth2 } from 'jsforce';
import { SignJWT } from 'jose';
import { z } from 'zod';

/**
 * A jsforce Connection to a real org, built from SF_* environment variables validated once here.
 *
 * Three ways in, picked by which secret is present:
 *  - access token: SF_INSTANCE_URL + SF_ACCESS_TOKEN (e.g. `sf org display --json` output);
 *  - OAuth 2.0 JWT bearer flow (what CI/CD uses): SF_CLIENT_ID + SF_USERNAME + SF_JWT_KEY_FILE;
 *  - OAuth 2.0 username-password flow: SF_CLIENT_ID + SF_CLIENT_SECRET + SF_USERNAME + SF_PASSWORD
 *    (+ SF_SECURITY_TOKEN). SOAP login() is not used: it is unavailable from API 65.0 on
 *    (https://help.salesforce.com/s/articleView?id=005132110&type=1), so the password flow needs a
 *    connected/external client app.
 * Secret values never appear in messages: errors name variables, not their contents.
 */

export const DEFAULT_API_VERSION = '66.0';
export const DEFAULT_LOGIN_URL = 'https://login.salesforce.com';
const SANDBOX_AUDIENCE = 'https://test.salesforce.com';
/** Salesforce rejects JWT bearer assertions whose exp is more than 3 minutes away. */
const JWT_LIFETIME_SECONDS = 180;

/** The variables that mean "talk to a real org"; SF_LOGIN_URL / SF_API_VERSION alone do not. */
const CREDENTIAL_VARS = ['SF_ACCESS_TOKEN', 'SF_INSTANCE_URL', 'SF_USERNAME', 'SF_PASSWORD', 'SF_JWT_KEY_FILE', 'SF_CLIENT_ID'] as const;

export type Env = Record<string, string | undefined>;

export class OrgConfigError extends Error {
    constructor(message: string) {
        super(message);
        this.name = 'OrgConfigError';
    }
}

export class OrgAuthError extends Error {
    constructor(message: string, options?: { cause?: unknown }) {
        super(message, options);
        this.name = 'OrgAuthError';
    }
}

/** True when the environment asks for a real org (any SF_* credential variable is set). */
export function hasOrgCredentials(env: Env): boolean {
    return CREDENTIAL_VARS.some((name) => (env[name] ?? '').trim() !== '');
}

function isLoopback(url: URL): boolean {
    return url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
}

/** Tokens and passwords travel over these; plain http is only accepted on loopback (local fakes). */
const orgUrl = (name: string) =>
    z
        .string({ error: `${name} is required` })
        .trim()
        .refine((v) => URL.canParse(v), {
            message: `${name} must be an absolute URL such as https://mydomain.my.salesforce.com`,
            abort: true
        })
        .refine((v) => {
            const url = new URL(v);
            return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(url));
        }, `${name} must use https (plain http is accepted only for 127.0.0.1/localhost)`)
        .transform((v) => v.replace(/\/+$/, ''));

const required = (name: string) =>
    z
        .string({ error: `${name} is required` })
        .trim()
        .min(1, `${name} must not be empty`);

const common = {
    SF_API_VERSION: z
        .string()
        .trim()
        .regex(/^\d{2,3}\.0$/, 'SF_API_VERSION must look like 66.0')
        .default(DEFAULT_API_VERSION)
};

const AccessTokenEnv = z.object({
    mode: z.literal('accessToken'),
    SF_INSTANCE_URL: orgUrl('SF_INSTANCE_URL'),
    SF_ACCESS_TOKEN: required('SF_ACCESS_TOKEN'),
    ...common
});

const JwtEnv = z.object({
    mode: z.literal('jwt'),
    SF_LOGIN_URL: orgUrl('SF_LOGIN_URL').default(DEFAULT_LOGIN_URL),
    SF_CLIENT_ID: required('SF_CLIENT_ID (the consumer key of the connected app holding the certificate)'),
    SF_USERNAME: required('SF_USERNAME'),
    SF_JWT_KEY_FILE: required('SF_JWT_KEY_FILE'),
    /** Override for unusual hosts; by default login.salesforce.com, or test.salesforce.com for sandboxes. */
    SF_JWT_AUDIENCE: orgUrl('SF_JWT_AUDIENCE').optional(),
    ...common
});

const PasswordEnv = z.object({
    mode: z.literal('password'),
    SF_LOGIN_URL: orgUrl('SF_LOGIN_URL').default(DEFAULT_LOGIN_URL),
    SF_CLIENT_ID: required('SF_CLIENT_ID (the username-password flow needs a connected app; SOAP login is gone from API 65.0)'),
    SF_CLIENT_SECRET: required('SF_CLIENT_SECRET'),
    SF_USERNAME: required('SF_USERNAME'),
    SF_PASSWORD: required('SF_PASSWORD'),
    SF_SECURITY_TOKEN: z.string().trim().optional(),
    ...common
});

const OrgEnv = z.discriminatedUnion('mode', [AccessTokenEnv, JwtEnv, PasswordEnv]);
export type OrgEnv = z.infer<typeof OrgEnv>;

const HOW_TO = [
    'Set one of:',
    '  SF_INSTANCE_URL + SF_ACCESS_TOKEN',
    '  SF_LOGIN_URL + SF_CLIENT_ID + SF_USERNAME + SF_JWT_KEY_FILE   (OAuth JWT bearer flow)',
    '  SF_LOGIN_URL + SF_CLIENT_ID + SF_CLIENT_SECRET + SF_USERNAME + SF_PASSWORD [+ SF_SECURITY_TOKEN]',
    '(optional: SF_API_VERSION, default ' + DEFAULT_API_VERSION + '; see scripts/org/README.md)'
].join('\n');

function pickMode(env: Env): OrgEnv['mode'] | undefined {
    const set = (name: string) => (env[name] ?? '').trim() !== '';
    if (set('SF_ACCESS_TOKEN')) return 'accessToken';
    if (set('SF_JWT_KEY_FILE')) return 'jwt';
    if (set('SF_PASSWORD')) return 'password';
    return undefined;
}

/** Empty strings count as unset, so `SF_LOGIN_URL=` falls back to the default instead of failing. */
function withoutEmpty(env: Env): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [key, value] of Object.entries(env)) {
        if (key.startsWith('SF_') && value !== undefined && value.trim() !== '') out[key] = value;
    }
    return out;
}

/** Validates the SF_* variables; throws OrgConfigError naming every problem (never a value). */
export function parseOrgEnv(env: Env): OrgEnv {
    const mode = pickMode(env);
    if (!mode) {
        const present = CREDENTIAL_VARS.filter((name) => (env[name] ?? '').trim() !== '');
        const what = present.length
            ? `Incomplete Salesforce credentials (found ${present.join(', ')}; no SF_ACCESS_TOKEN, SF_JWT_KEY_FILE or SF_PASSWORD).`
            : 'No Salesforce credentials configured.';
        throw new OrgConfigError(`${what}\n${HOW_TO}`);
    }
    const parsed = OrgEnv.safeParse({ ...withoutEmpty(env), mode });
    if (!parsed.success) {
        const problems = parsed.error.issues.map((issue) => `  - ${issue.message}`).join('\n');
        const flow = { accessToken: 'access token', jwt: 'JWT bearer', password: 'username-password' }[mode];
        throw new OrgConfigError(`Invalid Salesforce configuration for the ${flow} flow:\n${problems}\n${HOW_TO}`);
    }
    return parsed.data;
}

/**
 * JWT audience: Salesforce documents login.salesforce.com for production and test.salesforce.com
 * for sandboxes (enhanced domains: *.sandbox.my.salesforce.com), whatever My Domain the token
 * request is posted to.
 */
export function jwtAudience(loginUrl: string, override?: string): string {
    if (override) return override;
    const host = new URL(loginUrl).hostname.toLowerCase();
    const sandbox = host === 'test.salesforce.com' || host.endsWith('.sandbox.my.salesforce.com');
    return sandbox ? SANDBOX_AUDIENCE : DEFAULT_LOGIN_URL;
}

async function readSigningKey(file: string): Promise<KeyObject> {
    let pem: string;
    try {
        pem = await readFile(file, 'utf8');
    } catch (error) {
        throw new OrgConfigError(`SF_JWT_KEY_FILE cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}): ${file}`);
    }
    try {
        // createPrivateKey takes both PKCS#8 and the PKCS#1 "RSA PRIVATE KEY" that `openssl genrsa` wrote for years.
        const key = createPrivateKey(pem);
        if (key.asymmetricKeyType !== 'rsa') throw new Error('not RSA');
        return key;
    } catch {
        throw new OrgConfigError(`SF_JWT_KEY_FILE is not an RSA private key in PEM format: ${file}`);
    }
}

/** The signed assertion of the OAuth 2.0 JWT bearer flow (RFC 7523) as Salesforce expects it. */
export async function buildJwtAssertion(opts: {
    clientId: string;
    username: string;
    audience: string;
    key: KeyObject;
    now?: Date;
}): Promise<string> {
    const issuedAt = Math.floor((opts.now ?? new Date()).getTime() / 1000);
    return new SignJWT({})
        .setProtectedHeader({ alg: 'RS256' })
        .setIssuer(opts.clientId)
        .setSubject(opts.username)
        .setAudience(opts.audience)
        .setExpirationTime(issuedAt + JWT_LIFETIME_SECONDS)
        .sign(opts.key);
}

function describeAuthFailure(flow: string, url: string, error: unknown): OrgAuthError {
    // jsforce puts the OAuth "error" in name and "error_description" in message; neither holds secrets.
    const e = error as { name?: string; message?: string };
    const reason = [e.name && e.name !== 'Error' ? e.name : undefined, e.message].filter(Boolean).join(': ');
    return new OrgAuthError(`Salesforce ${flow} login at ${url} failed: ${reason || 'unknown error'}`, { cause: error });
}

async function jwtBearerToken(env: z.infer<typeof JwtEnv>, key: KeyObject): Promise<{ instanceUrl: string; accessToken: string }> {
    const assertion = await buildJwtAssertion({
        clientId: env.SF_CLIENT_ID,
        username: env.SF_USERNAME,
        audience: jwtAudience(env.SF_LOGIN_URL, env.SF_JWT_AUDIENCE),
        key
    });
    // jsforce 3.10 has no JWT helper, but its token request is generic; no client_id/secret is sent.
    const oauth2 = new OAuth2({ loginUrl: env.SF_LOGIN_URL });
    try {
        const token = await oauth2.requestToken({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion });
        return { instanceUrl: token.instance_url, accessToken: token.access_token };
    } catch (error) {
        throw describeAuthFailure('JWT bearer', env.SF_LOGIN_URL, error);
    }
}

/** Builds and authenticates a Connection from SF_* variables; throws OrgConfigError (env) or OrgAuthError (login). */
export async function createConnection(env: Env): Promise<Connection> {
    return connectWith(parseOrgEnv(env));
}

/** Same as createConnection, for an already validated configuration. */
export async function connectWith(config: OrgEnv): Promise<Connection> {
    const version = config.SF_API_VERSION;

    switch (config.mode) {
        case 'accessToken':
            return new Connection({ instanceUrl: config.SF_INSTANCE_URL, accessToken: config.SF_ACCESS_TOKEN, version });

        case 'jwt': {
            const key = await readSigningKey(config.SF_JWT_KEY_FILE);
            const token = await jwtBearerToken(config, key);
            return new Connection({
                ...token,
                version,
                // The JWT flow issues no refresh token; a new assertion is the refresh.
                refreshFn: (_conn, callback) => {
                    jwtBearerToken(config, key).then(
                        (fresh) => callback(null, fresh.accessToken),
                        (error: Error) => callback(error)
                    );
                }
            });
        }

        case 'password': {
            const conn = new Connection({
                loginUrl: config.SF_LOGIN_URL,
                version,
                oauth2: { loginUrl: config.SF_LOGIN_URL, clientId: config.SF_CLIENT_ID, clientSecret: config.SF_CLIENT_SECRET }
            });
            try {
                // With a client id and secret, jsforce uses the OAuth username-password flow, not SOAP.
                await conn.login(config.SF_USERNAME, config.SF_PASSWORD + (config.SF_SECURITY_TOKEN ?? ''));
            } catch (error) {
                throw describeAuthFailure('username-password', config.SF_LOGIN_URL, error);
            }
            return conn;
        }
    }
}
