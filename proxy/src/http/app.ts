import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Logger } from '../observability/logger';
import type { ProxyMetrics } from '../observability/metrics';
import { registerAuditViewsRoute } from './auditViewsRoute';
import { installErrorHandling } from './errorHandler';
import { registerLookupRoute, type LookupRouteDeps } from './lookupRoute';
import { registerOpsRoutes, type OpsRouteDeps } from './opsRoutes';
import { requestIdFrom } from './requestId';

declare module 'fastify' {
    interface FastifyRequest {
        /** How the caller authenticated (jwt / shared-secret), for the audit line. */
        callerAuth?: string;
    }
}

export interface AppDeps extends LookupRouteDeps, OpsRouteDeps {
    logger: Logger;
    metrics: ProxyMetrics;
    bodyLimitBytes: number;
}

/**
 * The proxy's HTTP surface (fastify 5). Request ids come from X-Request-Id when sane, are echoed in the
 * response header and sit in every log line of the request. One log line per request at completion
 * (fastify's own request logging is off: it would log URLs and headers we do not want).
 */
export function buildHttpApp(deps: AppDeps): FastifyInstance {
    const app = Fastify({
        loggerInstance: deps.logger as FastifyBaseLogger,
        logController: new LogController({ disableRequestLogging: true, requestIdLogLabel: 'requestId' }),
        genReqId: requestIdFrom,
        bodyLimit: deps.bodyLimitBytes,
        // Refuse __proto__ / constructor.prototype keys outright (prototype-pollution attempts).
        onProtoPoisoning: 'error',
        onConstructorPoisoning: 'error',
        return503OnClosing: true,
        forceCloseConnections: 'idle',
        routerOptions: { maxParamLength: 200 }
    });

    // Only JSON bodies: fastify answers other content types with 415, mapped to UNSUPPORTED_MEDIA_TYPE.
    app.removeContentTypeParser('text/plain');

    // Callback-style hooks: they run on every request, and an async hook costs a promise per call.
    app.addHook('onRequest', (request, reply, done) => {
        reply.header('x-request-id', String(request.id));
        done();
    });
    app.addHook('onResponse', (request, reply, done) => {
        const route = request.routeOptions.url ?? 'unmatched';
        deps.metrics.httpDuration.observe({ route, method: request.method, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
        if (route !== '/metrics' && route !== '/healthz') {
            request.log.info(
                { method: request.method, route, status: reply.statusCode, ms: Math.round(reply.elapsedTime * 10) / 10 },
                'request completed'
            );
        }
        done();
    });

    installErrorHandling(app);
    registerLookupRoute(app, deps);
    registerAuditViewsRoute(app, deps);
    registerOpsRoutes(app, deps);
    return app;
}
