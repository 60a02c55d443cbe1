import { join } from 'node:path';
import { loadConfig } from '../../../proxy/src/index';
import { withProxy, type BenchContext } from '../context';
import { startChild } from '../infra/childProcess';
import { closedLoop, countStatuses, loadClient, type Sample } from '../infra/loadGen';
import { lookupSpec, PROXY_BENCH_ENV } from '../infra/proxyInstance';
import { cpuSecondsOf, RssSampler } from '../infra/rss';
import { round, summarise } from '../infra/stats';
import { diffCounts, totalCalls } from '../infra/upstreamStats';
import { memoryBound } from '../report/memoryBound';
import type { BurstResult, TrafficFigures } from '../report/types';

/**
 * Scenario 7: a burst of `connections` clients, each sending its next look-up as soon as the previous one
 * answered, mostly customers never seen (cache misses that must go to AEP, at the realistic latency), while a few
 * agents keep opening cards they opened before (normal traffic, cache hits). AEP's rate limit is set out of the
 * way so the misses really reach AEP: the proxy's own caps (look-up slots and queue, connections) are what
 * bounds its memory. Reported: peak RSS against the documented bound (report/memoryBound.ts), latency of the
 * normal traffic before and during the burst (measured by agents in a process of their own), what the burst got,
 * and the bytes of log written per look-up.
 */
export async function runBurst(ctx: BenchContext, profiles: { next(): number }): Promise<BurstResult> {
    const o = ctx.opts.burst;
    const env = { AEP_MAX_RPS: '100000', AEP_BURST: '100000' };
    const config = loadConfig({ ...PROXY_BENCH_ENV, ...ctx.emulator.aepEnv, ...env });
    const agents = await startChild<Record<string, never>>(join(__dirname, '..', 'children', 'agentClient.ts'), { label: 'agents' });
    try {
        await ctx.emulator.setLatency(ctx.opts.realisticLatencyMs);
        return await withProxy(
            ctx,
            'burst',
            env,
            async (proxy) => {
                const normalIds = Array.from({ length: o.normalProfiles }, () => profiles.next());
                const normalClient = loadClient(proxy.url, { connections: o.normalAgents, timeoutMs: 15_000 });
                const burstClient = loadClient(proxy.url, { connections: o.connections, timeoutMs: 15_000 });
                try {
                    const warm = await closedLoop(normalClient, {
                        workers: o.normalAgents,
                        total: normalIds.length,
                        maxMs: 60_000,
                        next: (i) => lookupSpec(ctx.emulator.lookupBody(normalIds[i]!))
                    });
                    const cachedCardBytes = warm.filter((s) => s.status === 200).reduce((n, s) => n + Buffer.byteLength(s.body), 0);
                    const normalSpecs = normalIds.map((id) => lookupSpec(ctx.emulator.lookupBody(id)));
                    const normal = (durationMs: number) =>
                        agents.call<AgentSample[]>(
                            'run',
                            { url: proxy.url, specs: normalSpecs, workers: o.normalAgents, durationMs },
                            durationMs + 30_000
                        );
                    const quiet = await normal(o.quietSeconds * 1000);

                    const empty = await proxy.memory(); // after a full GC: what the instance holds at rest
                    const logBefore = proxy.logBytes();
                    const before = ctx.emulator.stats();
                    ctx.log(`burst: ${o.connections} connections for ${o.durationSeconds} s, ${Math.round(o.missShare * 100)} % misses`);
                    const rss = new RssSampler(proxy.pid, 100).start();
                    const cpuBefore = cpuSecondsOf(proxy.pid);
                    const startedAt = performance.now();
                    let nthHit = 0;
                    const [burstSamples, during] = await Promise.all([
                        closedLoop(burstClient, {
                            workers: o.connections,
                            total: 10_000_000,
                            maxMs: o.durationSeconds * 1000,
                            // Every 1/(1-missShare)-th look-up is a cached customer, the others are new ones.
                            next: (i) =>
                                lookupSpec(
                                    ctx.emulator.lookupBody(
                                        (i + 1) * (1 - o.missShare) >= nthHit + 1
                                            ? normalIds[nthHit++ % normalIds.length]!
                                            : profiles.next()
                                    )
                                )
                        }),
                        normal(o.durationSeconds * 1000)
                    ]);
                    const trace = rss.stop();
                    const wallSeconds = (performance.now() - startedAt) / 1000;
                    const cpuAfter = cpuSecondsOf(proxy.pid);
                    const upstream = diffCounts(ctx.emulator.stats(), before);
                    // Lines still buffered in the instance reach the pipe shortly after the last answer.
                    await new Promise((r) => setTimeout(r, 300));
                    const lookups = burstSamples.length + during.length;
                    const logBytes = proxy.logBytes() - logBefore;
                    const bound = memoryBound({
                        rssEmptyBytes: empty.rss,
                        cachedCardBytes,
                        maxConcurrentLookups: config.capacity.maxConcurrentLookups,
                        lookupQueue: config.capacity.lookupQueue,
                        maxConnections: config.server.maxConnections
                    });
                    return {
                        connections: o.connections,
                        durationSeconds: o.durationSeconds,
                        missShare: o.missShare,
                        emulatorLatencyMs: ctx.opts.realisticLatencyMs,
                        caps: {
                            maxConcurrentLookups: config.capacity.maxConcurrentLookups,
                            lookupQueue: config.capacity.lookupQueue,
                            maxConnections: config.server.maxConnections
                        },
                        burst: figuresOf(burstSamples),
                        normal: {
                            agents: o.normalAgents,
                            profiles: o.normalProfiles,
                            before: figuresOf(quiet),
                            during: figuresOf(during)
                        },
                        upstreamCalls: totalCalls(upstream, ['ims']),
                        rss: { emptyBytes: empty.rss, trace },
                        proxyCpuShare: cpuBefore === null || cpuAfter === null ? null : round((cpuAfter - cpuBefore) / wallSeconds, 2),
                        bound,
                        log: {
                            level: config.logLevel,
                            sample: config.logLookupSample,
                            bytes: logBytes,
                            lookups,
                            bytesPerLookup: round(logBytes / Math.max(1, lookups), 1)
                        }
                    };
                } finally {
                    await Promise.all([normalClient.close(), burstClient.close()]);
                }
            },
            { countLogBytes: true }
        );
    } finally {
        await agents.stop();
        await ctx.emulator.setLatency(0);
    }
}

type AgentSample = Pick<Sample, 'status' | 'ms' | 'error'>;

/** Requests, statuses and latency of one stream of answers. */
function figuresOf(samples: readonly AgentSample[]): TrafficFigures {
    return { requests: samples.length, statuses: countStatuses(samples), latency: summarise(samples.map((s) => s.ms)) };
}
