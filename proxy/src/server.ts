import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
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
import { CardCache } from './cache/cardCache';
import { createRedisStore, type SharedStore } from './cache/redisStore';
import { redactedConfig, type ProxyConfig } from './config';
import { describeMissingNamespaces, missingNamespaces } from './identity/fieldMapping';
import { buildHttpApp } from './http/app';
import type { ReadinessReport } from './http/opsRoutes';
import { ProfileLookup } from './lookup/lookupProfile';
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
    warmUp(): Promise<ReadinessReport>;
    readiness(): Promise<ReadinessReport>;
    metrics: ProxyMetrics;
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
    const resilience = new Resilience(config.resilience, metrics);
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
    const lookup = new ProfileLookup({ config, catalog, mergePolicy, entities, audiences, cache, shared, metrics });
    const authenticate = await createCallerAuthenticator(config.auth);

    async function readiness(): Promise<ReadinessReport> {
        const budget = new Budget(Math.min(3000, config.timeouts.budgetMs));
        const check = async (fn: () => Promise<unknown>): Promise<{ ok: boolean; detail?: string }> => {
            try {
                await fn();
                return { ok: true };
            } catch (err) {
                return { ok: false, detail: err instanceof Error ? err.message : 'failed' };
            }
        };
        const [token, namespaces, policy] = await Promise.all([
            check(() => tokens.getToken(budget)),
            check(() => catalog.get(budget)),
            check(() => mergePolicy.resolve(budget))
        ]);
        const breakers = resilience.allBreakerStates();
        const profileBreaker = breakers.profile ?? 'closed';
        const checks: ReadinessReport['checks'] = {
            imsToken: token,
            namespaceCatalog: namespaces,
            mergePolicy: policy,
            profileCircuit: { ok: profileBreaker !== 'open' && profileBreaker !== 'isolated', detail: profileBreaker }
        };
        if (shared) checks.redis = { ok: await shared.ping(), detail: 'optional: the in-process cache keeps working without it' };
        const required = ['imsToken', 'namespaceCatalog', 'mergePolicy', 'profileCircuit'];
        return { ready: required.every((k) => checks[k]?.ok), checks };
    }

    async function warmUp(): Promise<ReadinessReport> {
        const report = await readiness();
        if (!report.ready) logger.warn({ checks: report.checks }, 'proxy started but AEP is not ready yet; /readyz reports details');
        try {
            const ns = await catalog.get(new Budget(3000));
            const missing = describeMissingNamespaces(missingNamespaces(config.fieldMapping, ns));
            if (missing) logger.warn(missing);
        } catch {
            // Reported by readiness above.
        }
        return report;
    }

    const app = buildHttpApp({
        logger,
        metrics,
        bodyLimitBytes: config.server.bodyLimitBytes,
        authenticate,
        lookup: (req, ctx) => lookup.lookup(req, ctx),
        registry: metrics.registry,
        readiness
    });

    let closed = false;
    return {
        config,
        app,
        warmUp,
        readiness,
        metrics,
        async close() {
            if (closed) return;
            closed = true;
            await app.close();
            await http.close();
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
