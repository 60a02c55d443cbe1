import { ProxyError } from '../errors';
import type { ProxyConfig } from '../config';
import { createJwtVerifier, JwtRejected } from './jwtVerifier';
import { createSharedSecretCheck } from './sharedSecret';

export interface CallerIdentity {
    method: 'jwt' | 'shared-secret';
    /** JWT subject (the Salesforce org/user the Named Credential asserts); null for the shared secret. */
    subject: string | null;
}

type HeaderBag = Record<string, string | string[] | undefined>;

/**
 * Authenticates the caller of a profile route: `Authorization: Bearer <JWT>` or `X-Proxy-Key: <secret>`,
 * whichever the deployment configured. Throws ProxyError UNAUTHORIZED with a message that says what is
 * wrong without echoing what was sent.
 */
export async function createCallerAuthenticator(auth: ProxyConfig['auth']): Promise<(headers: HeaderBag) => Promise<CallerIdentity>> {
    const checkSecret = auth.sharedSecret ? createSharedSecretCheck(auth.sharedSecret) : null;
    const verifyJwt = auth.jwt ? await createJwtVerifier(auth.jwt) : null;
    const accepted = [verifyJwt && 'Authorization: Bearer <JWT>', checkSecret && 'X-Proxy-Key'].filter(Boolean).join(' or ');

    return async (headers) => {
        const key = single(headers['x-proxy-key']);
        const authorization = single(headers.authorization);

        if (key !== undefined) {
            if (!checkSecret) throw unauthorized('X-Proxy-Key is not accepted by this proxy; use ' + accepted);
            if (!checkSecret(key)) throw unauthorized('the X-Proxy-Key header does not match the configured shared secret');
            return { method: 'shared-secret', subject: null };
        }
        if (authorization !== undefined) {
            const match = /^Bearer\s+([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)\s*$/i.exec(authorization);
            if (!verifyJwt) throw unauthorized('bearer tokens are not accepted by this proxy; use ' + accepted);
            if (!match?.[1]) throw unauthorized('the Authorization header must be "Bearer <JWT>"');
            try {
                const verified = await verifyJwt(match[1]);
                return { method: 'jwt', subject: verified.subject };
            } catch (err) {
                if (err instanceof JwtRejected) throw unauthorized(err.message);
                throw unauthorized('the bearer token could not be verified');
            }
        }
        throw unauthorized(`missing credentials: send ${accepted}`);
    };
}

function single(value: string | string[] | undefined): string | undefined {
    return Array.isArray(value) ? value[0] : value;
}

function unauthorized(message: string): ProxyError {
    return new ProxyError('UNAUTHORIZED', message);
}
