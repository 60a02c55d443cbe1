import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { ProxyConfig } from '../config';
import type { Logger } from '../observability/logger';
import type { ProxyMetrics } from '../observability/metrics';
import { registerAuditViewsRoute } from './auditViewsRoute';
import { sendProxyError } from './errorBody';
import { installErrorHandling, toProxyError } from './errorHandler';
import { installJsonBodyParser } from './jsonBody';
import { installLoadShedding } from './loadShedding';
import { LOOKUP_ROUTE, registerLookupRoute, type LookupRouteDeps } from './lookupRoute';
import { registerOpsRoutes, type OpsRouteDeps } from './opsRoutes';
import { parseLookupBody } from './parseLookupBody';
import { requestIdFrom } from './requestId';
import { requestLogger } from './requestLog';
import { clientErrorHandler, installTransportErrorHandling } from './transportErrors';
import { registerWarmRoute, WARM_ROUTE, type WarmRouteDeps } from './warmRoute';

export interface AppDeps extends Omit<LookupRouteDeps, 'bodyDeadlines'>, Pick<WarmRouteDeps, 'warmQueue'>, OpsRouteDeps {
    logger: Logger;
    metrics: ProxyMetrics;
    server: ProxyConfig['server'];
    capacity: ProxyConfig['capacity'];
    logLookupSample: number;
    /** The card cache's TTL (CACHE_TTL_SECONDS): remembered look-up bodies are kept no longer (jsonBody.ts). */
    cardTtlMs: number;
}

/** How often node:http checks headersTimeout and requestTimeout (its default, 30 s, would let a slow client linger). */
const CONNECTION_CHECK_MS = 500;

/**
 * The proxy's HTTP surface (fastify 5). Request ids come from X-Request-Id when sane, are echoed in the
 * response header and sit in every log line of the request; every refusal, from the HTTP parser up, has the
 * documented error body.
 *
 * Edges (proxy/README.md, "Configuration"): headers within PROXY_HEADERS_TIMEOUT_MS; the body within
 * PROXY_BODY_TIMEOUT_MS with no pause above PROXY_BODY_IDLE_TIMEOUT_MS (bodyGuard.ts), node's requestTimeout as
 * the backstop; idle keep-alive connections closed after PROXY_KEEP_ALIVE_TIMEOUT_MS; at most
 * PROXY_MAX_CONNECTIONS open connections (server.maxConnections); look-ups shed with 503 OVERLOADED under pressure.
 */
export function buildHttpApp(deps: AppDeps): FastifyInstance {
    const { server } = deps;
    const app = Fastify({
        loggerInstance: deps.logger as FastifyBaseLogger,
        logController: new LogController({ disableRequestLogging: true, requestIdLogLabel: 'requestId' }),
        genReqId: requestIdFrom,
        bodyLimit: server.bodyLimitBytes,
        // Refuse __proto__ / constructor.prototype keys outright (prototype-pollution attempts).
        onProtoPoisoning: 'error',
        onConstructorPoisoning: 'error',
        // Requests arriving while the instance drains are still served, with Connection: close (fastify adds it),
        // so the load balancer moves on; readiness answers 503 meanwhile (opsRoutes.ts).
        return503OnClosing: false,
        forceCloseConnections: 'idle',
        keepAliveTimeout: server.keepAliveTimeoutMs,
        maxRequestsPerSocket: server.maxRequestsPerSocket || undefined,
        // Backstop for the whole request; the body's own deadlines answer first, in the request's context.
        requestTimeout: server.headersTimeoutMs + server.bodyTimeoutMs + 1000,
        http: { headersTimeout: server.headersTimeoutMs, connectionsCheckingInterval: CONNECTION_CHECK_MS },
        clientErrorHandler: clientErrorHandler(deps),
        // URLs the router cannot decode (bad percent-encoding) get the error shape too, without the URL echoed.
        frameworkErrors: (err, request, reply) => {
            const refusal = toProxyError(err);
            request.log.info(
                { method: request.method, status: refusal.status, outcome: refusal.code, reason: refusal.logReason },
                'request refused before routing'
            );
            void sendProxyError(reply, refusal);
        },
        routerOptions: { maxParamLength: 200 }
    });
    app.server.maxConnections = server.maxConnections;
    installTransportErrorHandling(app.server, deps);

    // Only JSON bodies: fastify answers other content types with 415, mapped to UNSUPPORTED_MEDIA_TYPE.
    app.removeContentTypeParser('text/plain');
    // Look-up bodies are validated as they are parsed, and a body seen before is neither parsed nor validated again.
    installJsonBodyParser(app, { validated: { [LOOKUP_ROUTE]: parseLookupBody }, rememberMs: deps.cardTtlMs });

    // Callback-style hooks: they run on every request, and an async hook costs a promise per call.
    app.addHook('onRequest', (request, reply, done) => {
        reply.header('x-request-id', String(request.id));
        done();
    });
    const logRequest = requestLogger({ lookupSample: deps.logLookupSample });
    // One histogram child per route, method and status, bound once: prom-client otherwise hashes the label object
    // on every observation, cache hits included. The combinations are few (routes x methods x statuses answered).
    const durations = new Map<string, { observe(seconds: number): void }>();
    app.addHook('onResponse', (request, reply, done) => {
        const route = request.routeOptions.url ?? 'unmatched';
        const status = reply.statusCode;
        const labels = `${route} ${request.method} ${status}`;
        let histogram = durations.get(labels);
        if (!histogram) {
            histogram = deps.metrics.httpDuration.labels({ route, method: request.method, status: String(status) });
            durations.set(labels, histogram);
        }
        histogram.observe(reply.elapsedTime / 1000);
        logRequest(request, reply);
        done();
    });

    installLoadShedding(app, { ...deps.capacity, shedRoutes: [LOOKUP_ROUTE, WARM_ROUTE] });
    installErrorHandling(app);
    const bodyDeadlines = { totalMs: server.bodyTimeoutMs, idleMs: server.bodyIdleTimeoutMs };
    registerLookupRoute(app, { ...deps, bodyDeadlines });
    registerWarmRoute(app, { ...deps, bodyDeadlines });
    registerAuditViewsRoute(app, { ...deps, bodyDeadlines });
    registerOpsRoutes(app, deps);
    return app;
}
