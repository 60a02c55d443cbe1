import Fastify, { type FastifyInstance } from 'fastify';
import type { IncomingMessage } from 'node:http';
import { sendAdobeError, type EmulatorServices, type RouteConfig, type RouteGroup } from './context';
import { checkGateway } from './gateway';
import { internalErrorFor, newRequestId } from './errors';
import type { Faults } from './faults';
import type { FaultEffects } from './faultEffects';
import type { RateLimiter } from './rateLimit';
import type { StatsRecorder } from './stats';
import { registerImsRoutes } from './routes/ims';
import { registerEntityRoutes, EVENT_SCHEMA } from './routes/entities';
import { registerIdentityRoutes } from './routes/identity';
import { registerMergePolicyRoutes } from './routes/mergePolicies';
import { registerAudienceRoutes } from './routes/audiences';
import { registerAdminRoutes, ADMIN_PREFIX } from './routes/admin';
import type { TokenIssuer } from './ims/tokens';
import { readJsonBody, type JsonBody } from './routes/jsonBody';
import type { MultiEntityKeying } from './orgs';

/** Marks requests that came in on the regional identity "host" (a path prefix on the one loopback server). */
const REGIONAL = Symbol('regionalIdentityHost');
type RegionalRequest = IncomingMessage & { [REGIONAL]?: boolean };

export interface ServerDeps {
    readonly services: EmulatorServices;
    readonly faults: Faults;
    readonly effects: FaultEffects;
    readonly stats: StatsRecorder;
    readonly rateLimiter: RateLimiter;
    readonly tokens: TokenIssuer;
    /** Path prefix that stands in for `https://platform-{region}.adobe.io`. */
    readonly regionalPrefix: string;
    readonly logger: boolean | { readonly stream: NodeJS.WritableStream };
    readonly setMultiEntityKeying: (keying: MultiEntityKeying | Readonly<Record<string, MultiEntityKeying>>) => void;
}

export function buildServer(deps: ServerDeps): FastifyInstance {
    const app = Fastify({
        logger: deps.logger
            ? {
                  level: 'info',
                  // Identities travel in AEP's query strings (entityId=jane.doe@...), so only the path is logged.
                  serializers: { req: (req: { method: string; url: string }) => ({ method: req.method, path: req.url.split('?')[0] }) },
                  ...(typeof deps.logger === 'object' ? { stream: deps.logger.stream } : {})
              }
            : false,
        // Hung requests (timeout fault) must not keep close() waiting.
        forceCloseConnections: true,
        rewriteUrl: (req) => {
            const url = req.url ?? '/';
            if (url === deps.regionalPrefix || url.startsWith(`${deps.regionalPrefix}/`)) {
                (req as RegionalRequest)[REGIONAL] = true;
                return url.slice(deps.regionalPrefix.length) || '/';
            }
            return url;
        }
    });

    // One raw parser for every content type: each route decides what is acceptable and answers with
    // Adobe's error body, instead of Fastify's own 415/400 bodies.
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));

    app.addHook('onRequest', async (request, reply) => {
        if (request.url.startsWith(ADMIN_PREFIX)) return;
        // AEP answers with the caller's x-request-id (or its own) for tracing.
        const given = request.headers['x-request-id'];
        reply.header('x-request-id', typeof given === 'string' && given !== '' ? given : newRequestId());
    });

    // After the body is read, so that an event look-up by POST counts (and fails, under faults) as `events`.
    app.addHook('preHandler', async (request, reply) => {
        if (request.url.startsWith(ADMIN_PREFIX)) return;
        const config = request.routeOptions.config as Partial<RouteConfig> | undefined;
        if (!config?.group) return;
        if (config.group === 'entities' && request.method === 'POST') request.entitiesBody = readJsonBody(request.body);
        const group = classify(config.group, request.method, request.query as Record<string, unknown>, request.entitiesBody);
        request.group = group;
        deps.stats.record(`${request.method} ${request.routeOptions.url ?? request.url}`, group);
        if ((request.raw as RegionalRequest)[REGIONAL] && group !== 'identity') {
            return reply.code(404).send({ error_code: '404000', message: 'Resource not found' });
        }
        const decision = deps.faults.decide(group);
        await deps.effects.delay(decision.latencyMs);
        if (decision.terminal) {
            await deps.effects.apply(decision.terminal, group, request, reply);
            return reply;
        }
        if (config.sandbox === 'none') return;
        const failure = checkGateway(request, config as RouteConfig, deps.services, deps.rateLimiter);
        if (failure) return sendAdobeError(reply, failure);
    });

    app.setNotFoundHandler((_request, reply) => {
        reply.code(404).send({ error_code: '404000', message: 'Resource not found' });
    });

    app.setErrorHandler((error, request, reply) => {
        request.log.error({ err: error }, 'emulator route failed');
        const failure = internalErrorFor(request.group);
        return reply.code(failure.status).send(failure.body);
    });

    registerImsRoutes(app, deps.services);
    registerEntityRoutes(app, deps.services);
    registerIdentityRoutes(app, deps.services);
    registerMergePolicyRoutes(app, deps.services);
    registerAudienceRoutes(app, deps.services);
    registerAdminRoutes(app, {
        faults: deps.faults,
        stats: deps.stats,
        tokens: deps.tokens,
        rateLimiter: deps.rateLimiter,
        services: deps.services,
        setMultiEntityKeying: deps.setMultiEntityKeying
    });
    return app;
}

/** Event look-ups share the entities path (GET by query, POST by body); they form their own group for stats and faults. */
function classify(group: RouteGroup, method: string, query: Record<string, unknown>, body: JsonBody | undefined): RouteGroup {
    if (group !== 'entities') return group;
    if (method === 'GET') return query['schema.name'] === EVENT_SCHEMA ? 'events' : group;
    const schema = body?.ok ? (body.value as { schema?: { name?: unknown } } | null)?.schema?.name : undefined;
    return schema === EVENT_SCHEMA ? 'events' : group;
}
