import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * Prometheus metrics of one proxy instance. A registry per instance (not prom-client's global one) so
 * tests and the bench can run several proxies in one process without clashing.
 */
export interface ProxyMetrics {
    readonly registry: Registry;
    readonly httpDuration: Histogram<'route' | 'method' | 'status'>;
    readonly upstreamCalls: Counter<'target' | 'status'>;
    readonly upstreamDuration: Histogram<'target'>;
    readonly cache: Counter<'result'>;
    readonly coalesced: Counter<'scope'>;
    readonly breakerState: Gauge<'upstream'>;
    readonly rateLimited: Counter<'target'>;
    readonly lookups: Counter<'outcome'>;
    /** Requests node:http refused before routing (parser errors, header timeouts, Expect, CONNECT). */
    readonly transportRejections: Counter<'code'>;
    /** Connections closed unread because PROXY_MAX_CONNECTIONS were open. */
    readonly droppedConnections: Counter;
    /** Look-ups talking to AEP (running) and waiting for a slot (queued). */
    readonly lookupSlots: Gauge<'state'>;
    /** 1 while an AEP dependency is degraded (a circuit not closed, or token, namespaces or merge policy missing). */
    readonly aepDegraded: Gauge;
    /** Records of POST /v1/profiles/warm by outcome (OK, an error code, or dropped when the queue was full). */
    readonly warmed: Counter<'outcome'>;
    /** Records waiting to be warmed. */
    readonly warmQueue: Gauge;
    /** 1 while this instance draws from the fleet's shared AEP budget (Redis), 0 while it keeps to its own share. */
    readonly aepBudgetShared: Gauge;
    /** The AEP calls per second the budget in force allows: the fleet's when shared, this instance's share otherwise. */
    readonly aepBudgetCallsPerSecond: Gauge;
}

/** Values of the breaker gauge. */
export const BREAKER_STATE_VALUE = { closed: 0, open: 1, halfOpen: 2, isolated: 3 } as const;

export function createMetrics(opts: { defaultMetrics?: boolean } = {}): ProxyMetrics {
    const registry = new Registry();
    if (opts.defaultMetrics !== false) collectDefaultMetrics({ register: registry });
    return {
        registry,
        httpDuration: new Histogram({
            name: 'proxy_http_request_duration_seconds',
            help: 'Proxy HTTP request latency by route and status',
            labelNames: ['route', 'method', 'status'],
            buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
            registers: [registry]
        }),
        upstreamCalls: new Counter({
            name: 'proxy_upstream_calls_total',
            help: 'Calls to AEP by target and HTTP status (or error kind)',
            labelNames: ['target', 'status'],
            registers: [registry]
        }),
        upstreamDuration: new Histogram({
            name: 'proxy_upstream_call_duration_seconds',
            help: 'AEP call latency by target',
            labelNames: ['target'],
            buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
            registers: [registry]
        }),
        cache: new Counter({
            name: 'proxy_card_cache_total',
            help: 'Card cache results: hit, miss, stale_served, shared_hit (from Redis)',
            labelNames: ['result'],
            registers: [registry]
        }),
        coalesced: new Counter({
            name: 'proxy_coalesced_lookups_total',
            help: 'Look-ups that joined an identical in-flight look-up instead of calling AEP',
            labelNames: ['scope'],
            registers: [registry]
        }),
        breakerState: new Gauge({
            name: 'proxy_circuit_breaker_state',
            help: 'Circuit breaker state per upstream: 0 closed, 1 open, 2 half-open, 3 isolated',
            labelNames: ['upstream'],
            registers: [registry]
        }),
        rateLimited: new Counter({
            name: 'proxy_rate_limited_total',
            help: 'Outbound AEP calls refused by the proxy rate limiter (protecting AEP)',
            labelNames: ['target'],
            registers: [registry]
        }),
        lookups: new Counter({
            name: 'proxy_lookups_total',
            help: 'Profile look-ups by outcome (ok, stale, error code)',
            labelNames: ['outcome'],
            registers: [registry]
        }),
        transportRejections: new Counter({
            name: 'proxy_transport_rejections_total',
            help: 'Requests refused before routing (HTTP parser errors, header timeouts, Expect, CONNECT) by error code',
            labelNames: ['code'],
            registers: [registry]
        }),
        droppedConnections: new Counter({
            name: 'proxy_dropped_connections_total',
            help: 'Connections closed unread because PROXY_MAX_CONNECTIONS connections were open',
            registers: [registry]
        }),
        lookupSlots: new Gauge({
            name: 'proxy_lookup_slots',
            help: 'Look-ups talking to AEP (state="running", at most PROXY_MAX_CONCURRENT_LOOKUPS) and waiting (state="queued")',
            labelNames: ['state'],
            registers: [registry]
        }),
        aepDegraded: new Gauge({
            name: 'proxy_aep_degraded',
            help: '1 while AEP is degraded as /healthz reports it (a circuit not closed, or token, namespaces or merge policy missing)',
            registers: [registry]
        }),
        warmed: new Counter({
            name: 'proxy_warmed_records_total',
            help: 'Records sent to POST /v1/profiles/warm by outcome (OK, an error code, or DROPPED when the warm queue was full)',
            labelNames: ['outcome'],
            registers: [registry]
        }),
        warmQueue: new Gauge({
            name: 'proxy_warm_queue',
            help: 'Records waiting to be warmed (at most PROXY_WARM_QUEUE)',
            registers: [registry]
        }),
        aepBudgetShared: new Gauge({
            name: 'proxy_aep_budget_shared',
            help: "1 while AEP calls draw from the fleet's one budget in Redis (AEP_MAX_RPS), 0 while this instance keeps to its own share (AEP_MAX_RPS / PROXY_EXPECTED_INSTANCES): no REDIS_URL, or Redis down",
            registers: [registry]
        }),
        aepBudgetCallsPerSecond: new Gauge({
            name: 'proxy_aep_budget_calls_per_second',
            help: "AEP calls per second the budget in force allows: the fleet's when shared, this instance's share otherwise",
            registers: [registry]
        })
    };
}
