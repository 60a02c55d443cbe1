import { ProxyError } from '../errors';
import type { ProxyConfig } from '../config';
import { createJwtVerifier, JwtRejected } from './jwtVerifier';
import type { ReplayGuard } from './replayGuard';
import { createSharedSecretCheck } from './sharedSecret';

export interface CallerIdentity {
    method: 'jwt' | 'shared-secret';
    /** JWT subject (the Salesforce org/user the Named Credential asserts); null for the shared secret. */
    subject: string | null;
}

type HeaderBag = Record<string, string | string[] | undefined>;

/** The protection space named in WWW-Authenticate challenges (RFC 9110 section 11.5). */
export const AUTH_REALM = 'aep-profile-proxy';

/**
 * Authenticates the caller of a profile route: `Authorization: Bearer <JWT>` or `X-Proxy-Key: <secret>`,
 * whichever the deployment configured, never both: a request carrying both is refused, so a forged token
 * can never ride along with a good key (or the reverse) and which one counted is never a question.
 *
 * Every refusal is the same 401 UNAUTHORIZED with one generic message and a `WWW-Authenticate` header naming
 * what is accepted (`Bearer realm=...`, RFC 6750 section 3, with `error="invalid_token"` when a bearer token
 * was presented and refused; `ProxyKey realm=...` for the shared-secret header). Which check failed is a
 * reason code for the log line (ProxyError.logReason), never for the caller.
 */
export async function createCallerAuthenticator(
    auth: ProxyConfig['auth'],
    deps: { replay?: ReplayGuard | null } = {}
): Promise<(headers: HeaderBag) => Promise<CallerIdentity>> {
    const checkSecret = auth.sharedSecret ? createSharedSecretCheck(auth.sharedSecret) : null;
    const verifyJwt = auth.jwt ? await createJwtVerifier(auth.jwt, deps.replay ?? null) : null;
    const challenges = (invalidToken: boolean) =>
        [
            verifyJwt && `Bearer realm="${AUTH_REALM}"${invalidToken ? ', error="invalid_token"' : ''}`,
            checkSecret && `ProxyKey realm="${AUTH_REALM}"`
        ]
            .filter(Boolean)
            .join(', ');
    const refuse = (logReason: string, invalidToken = false) =>
        new ProxyError('UNAUTHORIZED', 'authentication failed: send one valid caller credential (see the WWW-Authenticate header)', {
            logReason,
            headers: { 'www-authenticate': challenges(invalidToken) },
            closeConnection: true
        });

    return async (headers) => {
        const key = single(headers['x-proxy-key']);
        const authorization = single(headers.authorization);

        if (key !== undefined && authorization !== undefined) throw refuse('BOTH_CREDENTIALS');
        if (key !== undefined) {
            if (!checkSecret) throw refuse('PROXY_KEY_NOT_ACCEPTED');
            if (!checkSecret(key)) throw refuse('PROXY_KEY_MISMATCH');
            return { method: 'shared-secret', subject: null };
        }
        if (authorization !== undefined) {
            if (!verifyJwt) throw refuse('BEARER_NOT_ACCEPTED');
            const match = /^Bearer\s+([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)\s*$/i.exec(authorization);
            if (!match?.[1]) {
                const bearer = /^Bearer\s/i.test(authorization);
                throw refuse(bearer ? 'JWT_MALFORMED' : 'AUTHORIZATION_NOT_BEARER', bearer);
            }
            try {
                const verified = await verifyJwt(match[1]);
                return { method: 'jwt', subject: verified.subject };
            } catch (err) {
                throw refuse(err instanceof JwtRejected ? err.reason : 'JWT_UNVERIFIED', true);
            }
        }
        throw refuse('MISSING_CREDENTIALS');
    };
}

function single(value: string | string[] | undefined): string | undefined {
    return Array.isArray(value) ? value[0] : value;
}
