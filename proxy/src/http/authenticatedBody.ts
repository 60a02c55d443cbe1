import type { FastifyRequest, preParsingHookHandler } from 'fastify';
import type { CallerIdentity } from '../auth/callerAuth';
import { bodyGuard, type BodyDeadlines } from './bodyGuard';

export interface AuthenticatedBodyDeps {
    authenticate: (headers: Record<string, string | string[] | undefined>) => Promise<CallerIdentity>;
    bodyDeadlines: BodyDeadlines;
}

/**
 * Route options of every route that takes a body from the org (look-up, warm, audit views): the caller is
 * authenticated in onRequest, before the body is even read, so an unauthenticated caller cannot make the proxy
 * parse anything; the body is then read under deadlines (bodyGuard.ts).
 */
export function authenticatedBody(deps: AuthenticatedBodyDeps): {
    onRequest: (request: FastifyRequest) => Promise<void>;
    preParsing: preParsingHookHandler;
} {
    return {
        onRequest: async (request) => {
            const caller = await deps.authenticate(request.headers);
            request.callerAuth = caller.method;
        },
        preParsing: bodyGuard(deps.bodyDeadlines)
    };
}
