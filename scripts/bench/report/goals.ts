import type { BenchReport, Goal } from './types';

type Sections = Omit<BenchReport, 'meta' | 'goals' | 'notes'>;

const goal = (g: Omit<Goal, 'met'>, test: (v: number) => boolean): Goal => ({
    ...g,
    met: g.value === null || !Number.isFinite(g.value) ? null : test(g.value)
});

/** The benchmark's goals (bench/README.md), evaluated against the measured figures. */
export function evaluateGoals(s: Sections, realisticLatencyMs: number): Goal[] {
    const goals: Goal[] = [];
    const realistic = s.overhead.ok
        ? s.overhead.runs.find((r) => r.emulatorLatencyMs === realisticLatencyMs && r.record === 'lead')
        : undefined;
    goals.push(
        goal(
            {
                id: 'overhead.criticalPath',
                scenario: '1 overhead',
                label: `cold look-up / slowest upstream call (median, emulator ${realisticLatencyMs} ms)`,
                target: '<= 1.15',
                value: realistic?.criticalPathRatio.p50 ?? null,
                unit: 'x'
            },
            (v) => v <= 1.15
        )
    );
    const contact = s.overhead.ok ? s.overhead.runs.find((r) => r.record === 'contact') : undefined;
    goals.push(
        goal(
            {
                id: 'overhead.contactCriticalPath',
                scenario: '1 overhead',
                label: `cold Contact look-up (Id no AEP identity) / slowest upstream call (median, emulator ${contact?.emulatorLatencyMs ?? '-'} ms)`,
                target: '<= 1.15',
                value: contact?.criticalPathRatio.p50 ?? null,
                unit: 'x'
            },
            (v) => v <= 1.15
        )
    );
    goals.push(
        goal(
            {
                id: 'cacheHit.ratio',
                scenario: '2 cache hit',
                label: 'cache-hit throughput / bare node:http',
                target: '>= 0.7',
                value: s.cacheHit.ok ? s.cacheHit.throughputRatio : null,
                unit: 'x'
            },
            (v) => v >= 0.7
        )
    );
    goals.push(
        goal(
            {
                id: 'cacheHit.fastifyRatio',
                scenario: '2 cache hit',
                label: 'cache-hit throughput / fastify alone answering the same bytes (same run)',
                target: '>= 0.8',
                value: s.cacheHit.ok ? s.cacheHit.proxyToFastifyRatio : null,
                unit: 'x'
            },
            (v) => v >= 0.8
        )
    );
    goals.push(
        goal(
            {
                id: 'cacheHit.p99',
                scenario: '2 cache hit',
                label: 'cache-hit p99 latency',
                target: '< 5 ms',
                value: s.cacheHit.ok ? s.cacheHit.proxy.latencyMs.p99 : null,
                unit: 'ms'
            },
            (v) => v < 5
        )
    );
    goals.push(
        goal(
            {
                id: 'coalescing.callsPerProfile',
                scenario: '3 coalescing',
                label: 'upstream profile calls per distinct profile (K concurrent agents, one TTL)',
                target: '= 1',
                value: s.coalescing.ok ? s.coalescing.profileCallsPerProfile : null,
                unit: 'calls'
            },
            (v) => v === 1
        )
    );
    if (s.shielding.ok) {
        const sh = s.shielding;
        const allowed = sh.configuredMaxRps * sh.durationSeconds + sh.configuredBurst;
        goals.push(
            goal(
                {
                    id: 'shielding.upstreamRate',
                    scenario: '4 shielding',
                    label: `upstream calls vs limit (${sh.configuredMaxRps}/s + burst ${sh.configuredBurst} over ${sh.durationSeconds} s = ${allowed})`,
                    target: '<= 1',
                    value: Math.round((sh.upstream.calls / allowed) * 1000) / 1000,
                    unit: 'x of allowed'
                },
                (v) => v <= 1
            )
        );
        goals.push(
            goal(
                {
                    id: 'shielding.timeouts',
                    scenario: '4 shielding',
                    label: 'client timeouts and 504s under 10x load',
                    target: '= 0',
                    value: sh.timeouts,
                    unit: 'requests'
                },
                (v) => v === 0
            )
        );
        goals.push(
            goal(
                {
                    id: 'shielding.retryAfter',
                    scenario: '4 shielding',
                    label: '429/503 answers carrying Retry-After',
                    target: '= 100 %',
                    value: sh.rejected === 0 ? 100 : Math.round((sh.rejectedWithRetryAfter / sh.rejected) * 1000) / 10,
                    unit: '%'
                },
                (v) => v === 100
            )
        );
        goals.push(
            goal(
                {
                    id: 'shielding.fastRejects',
                    scenario: '4 shielding',
                    label: '429/503 latency p99 ("fast")',
                    target: '< 50 ms',
                    value: sh.rejected === 0 ? 0 : sh.latency.rejected.p99,
                    unit: 'ms'
                },
                (v) => v < 50
            )
        );
    } else {
        goals.push(
            goal(
                {
                    id: 'shielding.upstreamRate',
                    scenario: '4 shielding',
                    label: 'upstream calls vs limit',
                    target: '<= 1',
                    value: null,
                    unit: 'x of allowed'
                },
                () => false
            )
        );
    }
    goals.push(
        goal(
            {
                id: 'size.card',
                scenario: '5 size',
                label: 'card bytes, profile with 1,000 events and 200 audiences',
                target: '<= 40960',
                value: s.size.ok ? s.size.cardBytes : null,
                unit: 'bytes'
            },
            (v) => v <= 40960
        )
    );
    goals.push(
        goal(
            {
                id: 'scaleOut.coalescing',
                scenario: '6 scale-out',
                label: 'two instances + Redis: upstream profile calls per distinct profile',
                target: '= 1',
                value: s.scaleOut.ok ? s.scaleOut.coalescing.profileCallsPerProfile : null,
                unit: 'calls'
            },
            (v) => v === 1
        )
    );
    goals.push(
        goal(
            {
                id: 'scaleOut.sharedHits',
                scenario: '6 scale-out',
                label: 'upstream calls when instance B serves profiles instance A fetched',
                target: '= 0',
                value: s.scaleOut.ok ? s.scaleOut.crossInstanceHits.upstreamCallsOnSecondInstance : null,
                unit: 'calls'
            },
            (v) => v === 0
        )
    );
    goals.push(
        goal(
            {
                id: 'scaleOut.p99',
                scenario: '6 scale-out',
                label: 'cache-hit p99, both instances under load',
                target: '< 5 ms',
                value: s.scaleOut.ok ? s.scaleOut.cacheHit.p99MaxMs : null,
                unit: 'ms'
            },
            (v) => v < 5
        )
    );
    const fleet = s.scaleOut.ok ? s.scaleOut.fleetBudget : null;
    goals.push(
        goal(
            {
                id: 'scaleOut.fleetBudget',
                scenario: '6 scale-out',
                label: `two instances + Redis under 10x load: fleet's AEP calls / (AEP_MAX_RPS x duration + burst)${fleet ? ` (${fleet.shared.upstreamCalls} of ${Math.round(fleet.shared.allowedCalls)})` : ''}`,
                target: '<= 1',
                value: fleet ? fleet.shared.ratioOfAllowed : null,
                unit: 'x of allowed'
            },
            (v) => v <= 1
        )
    );
    goals.push(
        goal(
            {
                id: 'scaleOut.fallbackBudget',
                scenario: '6 scale-out',
                label: `the same with Redis stopped: each instance keeps to AEP_MAX_RPS / 2${fleet ? ` (${fleet.redisStopped.upstreamCalls} of ${Math.round(fleet.redisStopped.allowedCalls)}; scopes ${fleet.redisStopped.scopes.join('/')})` : ''}`,
                target: '<= 1',
                value: fleet && fleet.redisStopped.scopes.every((sc) => sc === 'instance') ? fleet.redisStopped.ratioOfAllowed : null,
                unit: 'x of allowed'
            },
            (v) => v <= 1
        )
    );
    const b = s.burst.ok ? s.burst : null;
    goals.push(
        goal(
            {
                id: 'burst.peakRss',
                scenario: '7 burst',
                label: `peak RSS under a burst of ${b?.connections ?? 200} connections, mostly misses / documented bound`,
                target: '<= 1',
                value: b && b.rss.trace.peakBytes !== null ? Math.round((b.rss.trace.peakBytes / b.bound.totalBytes) * 1000) / 1000 : null,
                unit: 'x of bound'
            },
            (v) => v <= 1
        )
    );
    goals.push(
        goal(
            {
                id: 'burst.normalP99',
                scenario: '7 burst',
                label: 'normal traffic (cache hits) p99 during the burst',
                target: '< 100 ms',
                value: b ? b.normal.during.latency.p99 : null,
                unit: 'ms'
            },
            (v) => v < 100
        )
    );
    goals.push(
        goal(
            {
                id: 'burst.normalErrors',
                scenario: '7 burst',
                label: 'normal traffic answers other than 200 during the burst',
                target: '= 0',
                value: b ? b.normal.during.requests - (b.normal.during.statuses['200'] ?? 0) : null,
                unit: 'requests'
            },
            (v) => v === 0
        )
    );
    const card = (name: string) => (s.timeToCard.ok ? s.timeToCard.cases.find((c) => c.name === name) : undefined);
    const aepMs = s.timeToCard.ok ? s.timeToCard.emulatorLatencyMs : null;
    for (const [name, label] of [
        ['warm', 'time to card in the browser, warm (proxy cache) p95'],
        ['warmedByArrival', 'time to card in the browser, warmed on arrival p95']
    ] as const) {
        goals.push(
            goal(
                {
                    id: `timeToCard.${name}`,
                    scenario: '8 time to card',
                    label: `${label} (AEP at ${aepMs ?? '-'} ms)`,
                    target: '< 150 ms',
                    value: card(name)?.totalMs.p95 ?? null,
                    unit: 'ms'
                },
                (v) => v < 150
            )
        );
    }
    goals.push(
        goal(
            {
                id: 'timeToCard.cold',
                scenario: '8 time to card',
                label: `time to card in the browser, cold p95 (AEP at ${aepMs ?? '-'} ms)`,
                target: `<= AEP latency + 250 ms (${aepMs === null ? '-' : aepMs + 250} ms)`,
                value: card('cold')?.totalMs.p95 ?? null,
                unit: 'ms'
            },
            (v) => aepMs !== null && v <= aepMs + 250
        )
    );
    return goals;
}
