import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { AepBudget } from './aep/aepBudget';
import { AudienceNames } from './aep/audiencesClient';
import { Budget } from './aep/budget';
import { EntitiesClient } from './aep/entitiesClient';
import { createHttpClient, type HttpClient, type OutgoingRequest } from './aep/httpClient';
import { ImsTokenProvider } from './aep/imsToken';
import { MergePolicyResolver } from './aep/mergePolicies';
import { NamespaceCatalogClient } from './aep/namespaceCatalog';
import { PlatformClient } from './aep/platformClient';
import { Resilience } from './aep/resilience';
import { createCallerAuthenticator } from './auth/callerAuth';
import { createReplayGuard } from './auth/replayGuard';
import { CardCache } from './cache/cardCache';
import { createRedisStore, type SharedStore } from './cache/redisStore';
import { redactedConfig, type ProxyConfig } from './config';
import { describeMissingNamespaces, missingNamespaces } from './identity/fieldMapping';
import { buildHttpApp } from './http/app';
import { isUnderPressure } from './http/loadShedding';
import type { Check, HealthReport } from './http/opsRoutes';
import { ProfileLookup } from './lookup/lookupProfile';
import { WarmQueue } from './lookup/warmQueue';
import { WarmShare } from './lookup/warmShare';
import { auditWarmed } from './http/requestLog';
import { createLogger, flushLogger, type Logger } from './observability/logger';
import { createMetrics, type ProxyMetrics } from './observability/metrics';

export interface ProxyDeps {
    logger?: Logger;
    metrics?: ProxyMetrics;
    /** A shared store other than Redis (tests); by default Redis when REDIS_URL is set. */
    sharedStore?: SharedStore | null;
    /** Observes outgoing AEP requests (contract tests). */
    onUpstreamRequest?: (request: OutgoingRequest) => void;
}

export interface BuiltProxy {
    /** The validated configuration it was built from. */
    config: ProxyConfig;
    app: FastifyInstance;
    /** Loads the namespace catalog, the merge policy and an IMS token; failures are logged, not fatal. */
    warmUp(): Promise<HealthReport>;
    /** What /healthz reports: AEP's state as this instance sees it, from memory (no AEP call). */
    health(): Promise<HealthReport>;
    metrics: ProxyMetrics;
    /** Resolves once no card is waiting to be warmed or being warmed (POST /v1/profiles/warm answers before). */
    warmingIdle(): Promise<void>;
    close(): Promise<void>;
}

/** A built proxy that listens: `url` is where (http://host:port). */
export interface RunningProxy extends BuiltProxy {
    url: string;
}

/**
 * Wires the proxy from a validated config: AEP clients, cache, look-up, HTTP app. Nothing listens yet;
 * tests use `app.inject`, and startProxy() listens.
 */
export async function buildProxy(config: ProxyConfig, deps: ProxyDeps = {}): Promise<BuiltProxy> {
    const logger = deps.logger ?? createLogger(config.logLevel);
    const metrics = deps.metrics ?? createMetrics();
    const http: HttpClient = createHttpClient({
        connectTimeoutMs: config.timeouts.connectMs,
        maxResponseBytes: config.resilience.maxResponseBytes,
        onRequest: deps.onUpstreamRequest,
        onCall: (target, status, ms) => {
            metrics.upstreamCalls.inc({ target, status });
            metrics.upstreamDuration.observe({ target }, ms / 1000);
        }
    });
    const aepBudget = AepBudget.create(config, metrics, logger);
    const resilience = new Resilience(config.resilience, aepBudget, metrics, (upstream, state, cause) => {
        // Transitions are rare and each one matters to whoever is on call: always logged.
        const line = { upstream, state, cause: cause ? { kind: cause.kind, status: cause.status ?? null } : null };
        if (state === 'closed') logger.info(line, 'circuit breaker closed: AEP calls flow again');
        else if (state === 'halfOpen') logger.info(line, 'circuit breaker half-open: trying one AEP call');
        else logger.warn(line, `circuit breaker ${state}: AEP calls paused after repeated failures`);
    });
    const tokens = new ImsTokenProvider(config.aep, config.timeouts, http, resilience);
    const platform = new PlatformClient(config.aep, http, tokens, resilience);
    const catalog = NamespaceCatalogClient.fromConfig(platform, config);
    const mergePolicy = new MergePolicyResolver(platform, config.aep.mergePolicyId, config.timeouts.metadataMs);
    const audiences = new AudienceNames(platform, {
        ttlMs: config.cache.audienceNameTtlMs,
        negativeTtlMs: config.cache.audienceNameNegativeTtlMs,
        timeoutMs: config.timeouts.metadataMs
    });
    const entities = new EntitiesClient(platform, config.timeouts);
    const shared =
        deps.sharedStore !== undefined
            ? deps.sharedStore
            : config.cache.redisUrl
              ? createRedisStore(config.cache.redisUrl, config.cache.redisKeyPrefix, logger)
              : null;
    const cache = new CardCache(config.cache, shared);
    const warmShare = new WarmShare(config.resilience, config.warm);
    const lookup = new ProfileLookup({ config, catalog, mergePolicy, entities, audiences, cache, shared, metrics, warmShare });
    const warmQueue = new WarmQueue(config.warm, {
        lookup: (req, ctx) => lookup.lookup(req, ctx),
        onDone: (job, result) => {
            metrics.warmed.inc({ outcome: result.outcome });
            auditWarmed(job.ctx.log, {
                callerAuth: job.callerAuth,
                objectType: job.request.record.objectApiName,
                recordId: job.request.record.recordId,
                outcome: result.outcome,
                matchedNamespace: result.matchedNamespace,
                cached: result.source
            });
        },
        onDepth: (waiting) => metrics.warmQueue.set(waiting),
        onDropped: (count) => metrics.warmed.inc({ outcome: 'DROPPED' }, count),
        // Decorated by @fastify/under-pressure only when load shedding is configured (http/loadShedding.ts). `app` is
        // built below; this is first called when a warm request is queued, which only its route can do.
        isUnderPressure: () => isUnderPressure(app)
    });
    const replay = config.auth.jwt?.replayCheck ? createReplayGuard(shared) : null;
    const authenticate = await createCallerAuthenticator(config.auth, { replay });

    /**
     * AEP's state from memory only: a probe must answer at once and must never wait on (or add load to) a failing
     * AEP. /readyz and /metrics read this alone; only /healthz also pings Redis.
     */
    function aepHealth(): HealthReport['aep'] {
        const circuits = resilience.allBreakerStates();
        const open = Object.entries(circuits).filter(([, state]) => state !== 'closed');
        const checks: Record<string, Check> = {
            imsToken: tokens.health(),
            namespaceCatalog: catalog.warm ? { ok: true } : { ok: false, detail: 'not loaded yet' },
            mergePolicy: mergePolicy.current ? { ok: true } : { ok: false, detail: 'not resolved yet' },
            circuits:
                open.length === 0
                    ? { ok: true, detail: 'all closed' }
                    : { ok: false, detail: open.map(([upstream, state]) => `${upstream} ${state}`).join(', ') }
        };
        const degraded = Object.values(checks).some((c) => !c.ok);
        metrics.aepDegraded.set(degraded ? 1 : 0);
        return { status: degraded ? 'degraded' : 'ok', checks };
    }

    async function health(): Promise<HealthReport> {
        const report: HealthReport = { status: 'ok', aep: aepHealth(), aepBudget: aepBudget.report() };
        if (shared) report.redis = { ok: await shared.ping(), detail: 'optional: the in-process cache keeps working without it' };
        return report;
    }

    let warmedUp = false;
    async function warmUp(): Promise<HealthReport> {
        const budget = new Budget(Math.min(3000, config.timeouts.budgetMs));
        const [, ns] = await Promise.all([
            tokens.getToken(budget).catch(() => null),
            catalog.get(budget).catch(() => null),
            mergePolicy.resolve(budget).catch(() => null)
        ]);
        const report = await health();
        if (report.aep.status !== 'ok')
            logger.warn(
                { checks: report.aep.checks },
                'proxy started but AEP is not reachable yet; look-ups will retry it, /healthz reports details'
            );
        const missing = ns && describeMissingNamespaces(missingNamespaces(config.fieldMapping, ns));
        if (missing) logger.warn(missing);
        warmedUp = true;
        return report;
    }

    const app = buildHttpApp({
        logger,
        metrics,
        server: config.server,
        capacity: config.capacity,
        logLookupSample: config.logLookupSample,
        cardTtlMs: config.cache.ttlMs,
        authenticate,
        lookup: (req, ctx) => lookup.lookup(req, ctx),
        warmQueue,
        registry: metrics.registry,
        health,
        aepHealth,
        started: () => warmedUp
    });

    let closed = false;
    return {
        config,
        app,
        warmUp,
        health,
        metrics,
        warmingIdle: () => warmQueue.idle(),
        async close() {
            if (closed) return;
            closed = true;
            warmQueue.close();
            await app.close();
            await http.close();
            await aepBudget.close();
            await shared?.close();
            flushLogger(logger);
        }
    };
}

/** Builds and listens (PROXY_HOST:PROXY_PORT; port 0 = ephemeral), then warms up the AEP metadata. */
export async function startProxy(config: ProxyConfig, deps: ProxyDeps = {}): Promise<RunningProxy> {
    const proxy = await buildProxy(config, deps);
    try {
        await proxy.app.listen({ host: config.server.host, port: config.server.port });
    } catch (err) {
        await proxy.close();
        if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err;
        throw Object.assign(
            new Error(
                `the proxy cannot listen on ${config.server.host}:${config.server.port}: the port is in use; stop the other process or set PROXY_PORT to a free port (0 picks one)`
            ),
            { code: 'EADDRINUSE' }
        );
    }
    const address = proxy.app.server.address() as AddressInfo;
    const url = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
    proxy.app.log.info({ url, config: redactedConfig(config) }, 'proxy listening');
    await proxy.warmUp();
    return { ...proxy, url };
}
