import type { LatencySummary } from '../infra/stats';
import { mib, type RssTrace } from '../infra/rss';
import type { BenchReport, BudgetPhase, FleetBudgetResult, Goal, Section, ThroughputSummary } from './types';

const fmt = (v: number | null | undefined, digits = 2): string => {
    if (v === null || v === undefined) return 'n/a';
    if (!Number.isFinite(v)) return String(v);
    return Number.isInteger(v) ? v.toLocaleString('en-US') : v.toFixed(digits);
};

export function table(head: string[], rows: (string | number | null)[][]): string {
    const cells = rows.map((r) => r.map((c) => (typeof c === 'number' ? fmt(c) : (c ?? 'n/a'))));
    return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...cells.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

const verdict = (g: Goal) => (g.met === null ? 'no figure' : g.met ? 'met' : 'NOT met');

export function goalsTable(goals: Goal[]): string {
    return table(
        ['scenario', 'goal', 'target', 'measured', 'verdict'],
        goals.map((g) => [g.scenario, g.label, g.target, g.value === null ? 'n/a' : `${fmt(g.value, 3)} ${g.unit}`, verdict(g)])
    );
}

const lat = (l: LatencySummary) => `${fmt(l.p50)} / ${fmt(l.p95)} / ${fmt(l.p99)}`;
const rss = (t: RssTrace) => `start ${fmt(mib(t.startBytes))} MiB, peak ${fmt(mib(t.peakBytes))} MiB, end ${fmt(mib(t.endBytes))} MiB`;
const calls = (r: Record<string, number>) =>
    Object.entries(r)
        .map(([k, v]) => `${k}: ${fmt(v)}`)
        .join(', ') || 'none';
const tp = (name: string, t: ThroughputSummary) => [
    name,
    t.connections,
    t.requestsPerSecond,
    t.latencyMs.p50,
    t.latencyMs.p90,
    t.latencyMs.p99,
    t.latencyMs.max,
    t.non2xx,
    t.errors + t.timeouts
];

function fleetBudget(f: FleetBudgetResult): string {
    const row = (name: string, p: BudgetPhase) => [
        name,
        p.scopes.join(' / '),
        `${fmt(p.allowedPerSecond)}/s x ${fmt(p.durationSeconds)} s + ${fmt(p.allowedBurst, 0)} = ${fmt(p.allowedCalls, 0)}`,
        `${p.upstreamCalls} (${p.callsPerInstance.join(' + ')})`,
        p.peakCallsInAnySecond,
        `${fmt(p.ratioOfAllowed, 3)} (${p.ratioOfAllowed <= 1 ? 'met' : 'NOT met'})`,
        calls(p.statuses)
    ];
    return [
        `The fleet's AEP budget: two fresh instances with their own Redis, AEP_MAX_RPS=${f.fleetMaxRps} for both together, PROXY_EXPECTED_INSTANCES=${f.expectedInstances}; ${f.offeredPerSecond} look-ups/s (10x) of customers never seen, split between them; AEP calls counted at the emulator (IMS excluded). Then Redis is stopped and the same load runs again.\n`,
        table(
            [
                'phase',
                '/healthz aepBudget.scope (A / B)',
                'allowed for the fleet',
                'AEP calls (A + B)',
                'peak in any 1 s',
                'calls / allowed',
                'statuses'
            ],
            [row('Redis up: one budget', f.shared), row('Redis stopped: each its share', f.redisStopped)]
        )
    ].join('\n');
}

function section<T>(title: string, s: Section<T>, body: (v: T) => string): string {
    if (!s.ok && s.skipped) return `## ${title}\n\nNot run in this report (\`--only\`).\n`;
    return `## ${title}\n\n${s.ok ? body(s as T) : `**Scenario failed:** ${s.error}`}\n`;
}

export function renderMarkdown(r: BenchReport): string {
    const m = r.meta;
    const parts: string[] = [];
    parts.push(`# Proxy benchmark (${m.mode})\n`);
    parts.push(
        `Run ${m.startedAt} for ${fmt(m.durationSeconds, 1)} s on Node ${m.node}, ${m.platform}, ${m.cpus} CPU(s) (${m.cpuModel}), commit ${m.commit ?? 'unknown'}, load average ${m.loadAverage.atStart.join(' / ')} at start and ${m.loadAverage.atEnd.join(' / ')} at the end. ` +
            "Everything on 127.0.0.1: the AEP emulator in the bench process, each proxy instance and the bare node:http baseline in their own child process, Redis from Debian's redis-server. " +
            'Goals are figures, not asserts. Regenerate with `npm run bench`.\n'
    );
    parts.push(`## Goals\n\n${goalsTable(r.goals)}\n`);

    parts.push(
        section('1. Overhead on a cache miss', r.overhead, (o) =>
            [
                'Record "lead": Email + Phone, the proxy\'s default mapping; "contact": also the Contact Id, which generated customers do not have as CRMID in AEP (not a goal run). ' +
                    'Distinct generated profiles per look-up (card cache misses) after a warm-up that fills the namespace catalog and audience names. ' +
                    "For each look-up the bench then sends the very requests the proxy sent (captured in the proxy process from undici's diagnostics channel) straight to the emulator, in parallel. " +
                    'Latencies in ms, p50 / p95 / p99.\n',
                table(
                    [
                        'emulator latency',
                        'record',
                        'look-ups',
                        'proxy',
                        'slowest direct call',
                        'direct parallel round',
                        'overhead p50 / p95 / p99',
                        'ratio p50 / p95 / p99',
                        'sequential upstream rounds',
                        'upstream calls per look-up'
                    ],
                    o.runs.map((run) => [
                        `${run.emulatorLatencyMs} ms`,
                        run.record,
                        run.lookups,
                        lat(run.proxy),
                        lat(run.directSlowestCall),
                        lat(run.directParallelRound),
                        `${fmt(run.overheadMs.p50)} / ${fmt(run.overheadMs.p95)} / ${fmt(run.overheadMs.p99)}`,
                        `${fmt(run.criticalPathRatio.p50, 3)} / ${fmt(run.criticalPathRatio.p95, 3)} / ${fmt(run.criticalPathRatio.p99, 3)}`,
                        run.upstreamRounds,
                        calls(run.upstreamCallsPerLookup)
                    ])
                )
            ].join('\n')
        )
    );
    parts.push(
        section('2. Cache-hit throughput', r.cacheHit, (c) =>
            [
                `autocannon, same POST look-up (one warm profile), response ${fmt(c.responseBytes)} bytes. The baseline is a bare node:http server in its own process answering the same bytes; the fastify row is the proxy's framework with one JSON POST route answering the same bytes (no auth, validation, identity work, logging or metrics); the "fastify + auth, audit line, metrics" row adds to that route the duties a cache hit keeps, done the plain way (shared secret compared in constant time over sha256, one pino audit line, one prom-client histogram observation, X-Request-Id echoed; \`scripts/bench/children/fastifyDutiesBaseline.ts\`). The four servers run in interleaved rounds (req/s over all rounds; p50 averaged; p90, p99 and max of the worst round). Latency in ms.\n`,
                table(
                    ['server', 'connections', 'req/s', 'p50', 'p90', 'p99', 'max', 'non-2xx', 'errors'],
                    [
                        tp('proxy', c.proxy),
                        ...(c.fastifyWithDuties ? [tp('fastify + auth, audit line, metrics', c.fastifyWithDuties)] : []),
                        tp('fastify, same bytes', c.fastify),
                        tp('bare node:http', c.baseline)
                    ]
                ),
                `\nThroughput ratio proxy / baseline: **${fmt(c.throughputRatio, 3)}** (fastify alone / baseline: ${fmt(c.fastifyRatio, 3)}; proxy / fastify alone: ${fmt(c.proxyToFastifyRatio, 3)}; fastify with the duties / fastify alone: ${fmt(c.dutiesToFastifyRatio, 3)}; proxy / fastify with the duties: ${fmt(c.proxyToDutiesRatio, 3)}). CPU per hit (user + system, µs): proxy ${fmt(c.cpuMicrosPerHit?.proxy)}, fastify with the duties ${fmt(c.cpuMicrosPerHit?.fastifyWithDuties)}, fastify alone ${fmt(c.cpuMicrosPerHit?.fastify)}, bare node:http ${fmt(c.cpuMicrosPerHit?.baseline)}. Upstream calls during the run: ${fmt(c.upstreamCallsDuringRun)}. Proxy RSS: ${rss(c.proxyRss)}.`
            ].join('\n')
        )
    );
    parts.push(
        section('3. Coalescing', r.coalescing, (c) =>
            [
                `${c.agentsPerProfile} concurrent agents open each of ${c.distinctProfiles} cold customers at once, ${c.waves} wave(s) within one cache TTL (${fmt(c.requests)} requests). Upstream calls from the emulator's per-route stats.\n`,
                table(
                    [
                        'profile calls per profile',
                        'all upstream calls per profile',
                        'upstream calls by route',
                        'statuses',
                        'client latency p50 / p95 / p99 ms'
                    ],
                    [
                        [
                            c.profileCallsPerProfile,
                            c.upstreamCallsPerProfile,
                            calls(c.upstreamCallsByRoute),
                            calls(c.statuses),
                            lat(c.latency)
                        ]
                    ]
                )
            ].join('\n')
        )
    );
    parts.push(
        section('4. Load shielding', r.shielding, (s) =>
            [
                `Open-loop arrivals at ${fmt(s.offeredRps)} look-ups/s (10x AEP_MAX_RPS=${s.configuredMaxRps}, burst ${s.configuredBurst}) for ${fmt(s.durationSeconds)} s, emulator latency ${s.emulatorLatencyMs} ms; ` +
                    'half the look-ups are customers cached earlier whose fresh TTL has expired (stale copies exist), half are never-seen customers.\n',
                table(
                    [
                        'requests',
                        'statuses',
                        '200 fresh',
                        '200 stale',
                        '429/503',
                        'with Retry-After',
                        'timeouts + 504',
                        'served p50 / p95 / p99 ms',
                        'rejected p50 / p95 / p99 ms'
                    ],
                    [
                        [
                            s.requests,
                            calls(s.statuses),
                            s.fresh200,
                            s.stale200,
                            s.rejected,
                            s.rejectedWithRetryAfter,
                            s.timeouts,
                            lat(s.latency.served),
                            lat(s.latency.rejected)
                        ]
                    ]
                ),
                '',
                table(
                    ['upstream calls', 'calls/s (mean)', 'peak calls in any 1 s', 'by route', 'proxy RSS'],
                    [
                        [
                            s.upstream.calls,
                            s.upstream.callsPerSecond,
                            s.upstream.peakCallsInAnySecond,
                            calls(s.upstream.byRoute),
                            rss(s.proxyRss)
                        ]
                    ]
                )
            ].join('\n')
        )
    );
    parts.push(
        section('5. Size', r.size, (s) =>
            [
                table(
                    [
                        'input',
                        'profile + events bytes the proxy read',
                        'audience definitions read (then cached)',
                        'full raw profile',
                        'all raw events',
                        'card bytes',
                        'card limit'
                    ],
                    [
                        [
                            `${s.profile.events} events, ${s.profile.audiences} audiences`,
                            s.rawAepBytes.profileAndEventsFetched,
                            s.rawAepBytes.audienceDefinitionsFetched,
                            s.rawAepBytes.fullProfile,
                            s.rawAepBytes.allEvents,
                            s.cardBytes,
                            s.cardLimitBytes
                        ]
                    ]
                ),
                '',
                `Cache fill of one instance (child process, RSS from /proc): ${fmt(s.cacheFill.templateCards)} real cold look-ups give template cards; the bench replicates them through the shared Redis store with each customer's own identity values and profile id (${fmt(s.cacheFill.replicasWritten)} distinct cards), then reads every customer through the proxy's look-up route, which puts each card in the instance's in-process LRU (CACHE_MAX_BYTES=${fmt(mib(s.cacheFill.cacheMaxBytes))} MiB so that none is evicted).\n`,
                table(
                    [
                        'profiles',
                        'reads answered',
                        'from cache',
                        'upstream calls during reads',
                        'read time s',
                        'resident in the instance (sample)',
                        'mean card bytes',
                        'RSS empty MiB',
                        'RSS filled MiB',
                        'heap used filled MiB'
                    ],
                    [
                        [
                            s.cacheFill.targetProfiles,
                            s.cacheFill.readsAnswered,
                            s.cacheFill.readsFromCache,
                            s.cacheFill.upstreamCallsDuringReads,
                            s.cacheFill.readSeconds,
                            `${s.cacheFill.residencyMemoryHits} / ${s.cacheFill.residencyChecked}`,
                            s.cacheFill.meanCardBytes,
                            mib(s.cacheFill.rssEmptyBytes),
                            mib(s.cacheFill.rssFilledBytes),
                            mib(s.cacheFill.heapUsedFilledBytes)
                        ]
                    ]
                )
            ].join('\n')
        )
    );
    parts.push(
        section('6. Scale-out (two instances, shared Redis)', r.scaleOut, (s) =>
            [
                `${s.instances} proxy processes with the same REDIS_URL (redis ${s.redis.version}).\n`,
                table(
                    ['check', 'figure'],
                    [
                        [
                            `coalescing: ${s.coalescing.agentsPerProfile} agents per profile split over both instances, ${s.coalescing.distinctProfiles} profiles`,
                            `${fmt(s.coalescing.profileCallsPerProfile)} profile calls per profile (${calls(s.coalescing.upstreamCallsByRoute)}); statuses ${calls(s.coalescing.statuses)}`
                        ],
                        [
                            `shared hits: ${s.crossInstanceHits.profiles} profiles fetched through A, then read through B`,
                            `${fmt(s.crossInstanceHits.upstreamCallsOnSecondInstance)} upstream calls; statuses ${calls(s.crossInstanceHits.statuses)}`
                        ],
                        [
                            'cache hits, both instances loaded at once',
                            `${fmt(s.cacheHit.aggregateRequestsPerSecond)} req/s in total (one instance alone: ${fmt(s.cacheHit.singleInstanceRequestsPerSecond)}), worst p99 ${fmt(s.cacheHit.p99MaxMs)} ms`
                        ]
                    ]
                ),
                '',
                table(
                    ['instance', 'connections', 'req/s', 'p50', 'p90', 'p99', 'max', 'non-2xx', 'errors'],
                    s.cacheHit.perInstance.map((t, i) => tp(String.fromCharCode(65 + i), t))
                ),
                '',
                fleetBudget(s.fleetBudget)
            ].join('\n')
        )
    );
    parts.push(
        section('7. Burst (many connections, mostly misses)', r.burst, (b) =>
            [
                `${b.connections} connections in closed loop for ${fmt(b.durationSeconds)} s, ${fmt(b.missShare * 100, 0)} % of their look-ups customers never seen (AEP at ${b.emulatorLatencyMs} ms, AEP_MAX_RPS out of the way), while ${b.normal.agents} agents keep opening ${b.normal.profiles} cards cached before. ` +
                    `Caps: PROXY_MAX_CONCURRENT_LOOKUPS=${b.caps.maxConcurrentLookups}, PROXY_LOOKUP_QUEUE=${b.caps.lookupQueue}, PROXY_MAX_CONNECTIONS=${b.caps.maxConnections}. Latency in ms, p50 / p95 / p99.\n`,
                table(
                    ['traffic', 'requests', 'statuses', 'latency p50 / p95 / p99', 'max'],
                    [
                        [
                            'normal, before the burst',
                            b.normal.before.requests,
                            calls(b.normal.before.statuses),
                            lat(b.normal.before.latency),
                            b.normal.before.latency.max
                        ],
                        [
                            'normal, during the burst',
                            b.normal.during.requests,
                            calls(b.normal.during.statuses),
                            lat(b.normal.during.latency),
                            b.normal.during.latency.max
                        ],
                        ['the burst', b.burst.requests, calls(b.burst.statuses), lat(b.burst.latency), b.burst.latency.max]
                    ]
                ),
                '',
                table(
                    [
                        'RSS at rest MiB',
                        'RSS during the burst',
                        'bound MiB',
                        'bound terms MiB (rest + cache + look-ups + queue + connections)',
                        'upstream calls',
                        'proxy CPU (cores busy)',
                        'log bytes per look-up'
                    ],
                    [
                        [
                            mib(b.rss.emptyBytes),
                            rss(b.rss.trace),
                            mib(b.bound.totalBytes),
                            [
                                b.bound.terms.rssEmpty,
                                b.bound.terms.cache,
                                b.bound.terms.lookups,
                                b.bound.terms.queue,
                                b.bound.terms.connections
                            ]
                                .map((v) => fmt(mib(v)))
                                .join(' + '),
                            b.upstreamCalls,
                            b.proxyCpuShare,
                            `${fmt(b.log.bytesPerLookup, 1)} (${fmt(b.log.bytes)} bytes for ${fmt(b.log.lookups)} look-ups, level ${b.log.level}, sample ${b.log.sample})`
                        ]
                    ]
                )
            ].join('\n')
        )
    );
    parts.push(
        section('8. Time to card (preview in Chromium)', r.timeToCard, (t) =>
            [
                `The real card in the console preview (${t.chromium}), opened with the console's record switcher, timed until it shows the customer's data; AEP (the emulator) answers in ${t.emulatorLatencyMs} ms; ${t.samples} Cases per case; the Apex stand-in's session cache off. ` +
                    `${t.warmedOk} of ${t.samples} Cases warmed on arrival OK before they were opened. Parts from the Apex action's Server-Timing (relay / proxy / aep) and the browser's clock (render = the rest). Times in ms.\n`,
                table(
                    [
                        'case',
                        'p50',
                        'p95',
                        'max',
                        'median aep / proxy / relay / render',
                        'share of time aep / proxy / relay / render %',
                        'what'
                    ],
                    t.cases.map((c) => [
                        c.name,
                        c.totalMs.p50,
                        c.totalMs.p95,
                        c.totalMs.max,
                        [c.medianMs.aep, c.medianMs.proxy, c.medianMs.relay, c.medianMs.render].map((v) => fmt(v, 1)).join(' / '),
                        [c.share.aep, c.share.proxy, c.share.relay, c.share.render].map((v) => fmt(v, 1)).join(' / '),
                        c.description
                    ])
                )
            ].join('\n')
        )
    );
    if (r.notes.length > 0) parts.push(`## Notes\n\n${r.notes.map((n) => `- ${n}`).join('\n')}\n`);
    parts.push(`## Settings\n\n\`\`\`json\n${JSON.stringify(m.settings, null, 2)}\n\`\`\`\n`);
    return parts.join('\n');
}
