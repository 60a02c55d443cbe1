import type { LatencySummary } from '../infra/stats';
import type { RssTrace } from '../infra/rss';
import type { MemoryBound } from './memoryBound';

/** A goal of the benchmark with the measured figure: a statement in the report, never an assert. */
export interface Goal {
    id: string;
    scenario: string;
    label: string;
    target: string;
    value: number | null;
    unit: string;
    /** null when the scenario did not produce the figure (its error is in the scenario section). */
    met: boolean | null;
}

/** autocannon's view of one closed-loop run. */
export interface ThroughputSummary {
    connections: number;
    durationSeconds: number;
    requests: number;
    requestsPerSecond: number;
    latencyMs: { p50: number; p90: number; p99: number; max: number; mean: number };
    non2xx: number;
    errors: number;
    timeouts: number;
}

export interface OverheadRun {
    emulatorLatencyMs: number;
    /** lead: Email + Phone (default mapping); contact: also an Id that is not a CRMID in AEP. */
    record: string;
    lookups: number;
    /** Mean number of upstream calls made one after another per look-up (1 = one parallel round). */
    upstreamRounds: number;
    /** Upstream calls the proxy made per measured look-up, by emulator route (from the emulator's stats). */
    upstreamCallsPerLookup: Record<string, number>;
    proxy: LatencySummary;
    /** The same upstream requests sent by the bench straight to the emulator, in parallel, per look-up. */
    directSlowestCall: LatencySummary;
    directParallelRound: LatencySummary;
    /** Proxy percentile minus the slowest direct call's percentile. */
    overheadMs: { p50: number; p95: number; p99: number };
    /** Per look-up: proxy latency / slowest direct call for the same profile. */
    criticalPathRatio: { p50: number; p95: number; p99: number };
}

export interface OverheadResult {
    runs: OverheadRun[];
}

export interface CacheHitResult {
    responseBytes: number;
    proxy: ThroughputSummary;
    baseline: ThroughputSummary;
    /** fastify with one JSON POST route answering the same bytes: the framework's own share of the gap. */
    fastify: ThroughputSummary;
    /**
     * fastify alone plus a shared-secret check, one pino audit line and one histogram observation per request,
     * done the plain way (children/fastifyDutiesBaseline.ts): what the duties a cache hit keeps cost by themselves.
     */
    fastifyWithDuties: ThroughputSummary;
    throughputRatio: number;
    fastifyRatio: number;
    /** Proxy / fastify alone answering the same bytes, measured in the same interleaved rounds: the proxy's own work per hit. */
    proxyToFastifyRatio: number;
    /** fastify with the duties / fastify alone, same rounds: the duties' own share of the gap. */
    dutiesToFastifyRatio: number;
    /** Proxy / fastify with the duties, same rounds: what the proxy's own work adds beyond the duties. */
    proxyToDutiesRatio: number;
    /** CPU time (user + system, µs) each server process spent per answered request in the timed rounds. */
    cpuMicrosPerHit: { proxy: number | null; fastify: number | null; fastifyWithDuties: number | null; baseline: number | null };
    upstreamCallsDuringRun: number;
    proxyRss: RssTrace;
}

export interface CoalescingResult {
    distinctProfiles: number;
    agentsPerProfile: number;
    waves: number;
    requests: number;
    statuses: Record<string, number>;
    upstreamCallsByRoute: Record<string, number>;
    /** Profile-route calls / distinct profiles across all waves (inside one TTL). */
    profileCallsPerProfile: number;
    upstreamCallsPerProfile: number;
    latency: LatencySummary;
}

export interface ShieldingResult {
    configuredMaxRps: number;
    configuredBurst: number;
    offeredRps: number;
    durationSeconds: number;
    emulatorLatencyMs: number;
    requests: number;
    statuses: Record<string, number>;
    fresh200: number;
    stale200: number;
    rejected: number;
    rejectedWithRetryAfter: number;
    timeouts: number;
    upstream: { calls: number; callsPerSecond: number; peakCallsInAnySecond: number; byRoute: Record<string, number> };
    latency: { served: LatencySummary; rejected: LatencySummary };
    proxyRss: RssTrace;
}

export interface SizeResult {
    profile: { events: number; audiences: number };
    rawAepBytes: {
        /** What the proxy read for the card: profile (with its fields list) and events (limit, time window). */
        profileAndEventsFetched: number;
        /** Audience definitions read to name the memberships (cached by the proxy afterwards). */
        audienceDefinitionsFetched: number;
        /** The same profile without a fields list, and every event of the profile: what a naive client pulls. */
        fullProfile: number;
        allEvents: number;
    };
    cardBytes: number;
    cardLimitBytes: number;
    /**
     * One instance's cache filled with `targetProfiles` distinct cards: `templateCards` real cold look-ups,
     * replicated through the shared store (Redis) to the target with per-customer identity values, then every
     * customer read through the proxy's HTTP route (each read lands the card in the instance's LRU).
     */
    cacheFill: {
        targetProfiles: number;
        templateCards: number;
        replicasWritten: number;
        readsAnswered: number;
        readsFromCache: number;
        readSeconds: number;
        upstreamCallsDuringReads: number;
        /** An even sample read again: answers from the instance's own LRU (not Redis) = cards resident in memory. */
        residencyChecked: number;
        residencyMemoryHits: number;
        cacheMaxBytes: number;
        meanCardBytes: number;
        rssEmptyBytes: number | null;
        rssFilledBytes: number | null;
        heapUsedFilledBytes: number | null;
    };
}

export interface ScaleOutResult {
    instances: number;
    coalescing: {
        distinctProfiles: number;
        agentsPerProfile: number;
        upstreamCallsByRoute: Record<string, number>;
        profileCallsPerProfile: number;
        statuses: Record<string, number>;
    };
    crossInstanceHits: { profiles: number; upstreamCallsOnSecondInstance: number; statuses: Record<string, number> };
    cacheHit: {
        perInstance: ThroughputSummary[];
        aggregateRequestsPerSecond: number;
        singleInstanceRequestsPerSecond: number;
        p99MaxMs: number;
    };
    redis: { version: string; usedMemoryBytes: number | null };
    /** The fleet's one AEP budget under 10x load, with Redis and with Redis stopped (scenarios/fleetBudget.ts). */
    fleetBudget: FleetBudgetResult;
}

export interface FleetBudgetResult {
    fleetMaxRps: number;
    expectedInstances: number;
    /** Look-ups per second offered to the two instances together (customers never seen). */
    offeredPerSecond: number;
    shared: BudgetPhase;
    redisStopped: BudgetPhase;
}

export interface BudgetPhase {
    durationSeconds: number;
    /** aepBudget.scope of each instance's /healthz after the phase: fleet or instance. */
    scopes: string[];
    /** The budget for the fleet in this phase: AEP_MAX_RPS, or the instances' shares added up. */
    allowedPerSecond: number;
    allowedBurst: number;
    /** allowedPerSecond x duration + allowedBurst. */
    allowedCalls: number;
    /** AEP calls (IMS excluded) the emulator saw from both instances. */
    upstreamCalls: number;
    /** The same, as each instance counted its own (proxy_upstream_calls_total). */
    callsPerInstance: number[];
    peakCallsInAnySecond: number;
    ratioOfAllowed: number;
    statuses: Record<string, number>;
}

export interface TrafficFigures {
    requests: number;
    statuses: Record<string, number>;
    latency: LatencySummary;
}

/** Where one opening's time went, in ms: from the Server-Timing of the Apex action and the browser's clock. */
export interface CardTimeShares {
    aep: number;
    proxy: number;
    /** The relay (Apex stand-in) and the browser-server transport of its action. */
    relay: number;
    /** The card's own work before the action and after its answer, until the data is on screen. */
    render: number;
}

export interface TimeToCardCase {
    /** cold, warm, warmedByArrival, utilityBar */
    name: string;
    description: string;
    /** From selecting the record to its card painted with the customer's data. */
    totalMs: LatencySummary;
    /** Median of each part, and each part's share of the summed means. */
    medianMs: CardTimeShares;
    share: CardTimeShares;
}

export interface TimeToCardResult {
    emulatorLatencyMs: number;
    samples: number;
    chromium: string;
    cases: TimeToCardCase[];
    /** Cards the proxy warmed on arrival (its proxy_warmed_records_total{outcome="OK"}) before the agent opened them. */
    warmedOk: number;
}

export interface BurstResult {
    connections: number;
    durationSeconds: number;
    missShare: number;
    emulatorLatencyMs: number;
    caps: { maxConcurrentLookups: number; lookupQueue: number; maxConnections: number };
    burst: TrafficFigures;
    /** Agents opening cached cards: before the burst (alone) and during it. */
    normal: { agents: number; profiles: number; before: TrafficFigures; during: TrafficFigures };
    upstreamCalls: number;
    rss: { emptyBytes: number; trace: RssTrace };
    /** CPU seconds the instance used per second of the burst (1 = one core busy); null where /proc is not readable. */
    proxyCpuShare: number | null;
    /** report/memoryBound.ts with the instance's settings and its RSS at rest. */
    bound: MemoryBound;
    /** The instance's stdout during the burst, at its log level and sampling. */
    log: { level: string; sample: number; bytes: number; lookups: number; bytesPerLookup: number };
}

/** A scenario that ran, failed (its error), or was left out by `--only`. */
export type Section<T> = ({ ok: true } & T) | { ok: false; error: string; skipped?: true };

export interface BenchReport {
    meta: {
        schemaVersion: 1;
        mode: 'full' | 'smoke';
        startedAt: string;
        finishedAt: string;
        durationSeconds: number;
        node: string;
        platform: string;
        cpus: number;
        cpuModel: string;
        commit: string | null;
        loadAverage: { atStart: number[]; atEnd: number[] };
        settings: Record<string, unknown>;
    };
    goals: Goal[];
    overhead: Section<OverheadResult>;
    cacheHit: Section<CacheHitResult>;
    coalescing: Section<CoalescingResult>;
    shielding: Section<ShieldingResult>;
    size: Section<SizeResult>;
    scaleOut: Section<ScaleOutResult>;
    burst: Section<BurstResult>;
    timeToCard: Section<TimeToCardResult>;
    notes: string[];
}
