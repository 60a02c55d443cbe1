import { join } from 'node:path';
import { cpuProfileArgs, withProxy, type BenchContext } from '../context';
import { autocannonRun } from '../infra/autocannonRun';
import { startChild } from '../infra/childProcess';
import { loadClient } from '../infra/loadGen';
import { lookupSpec } from '../infra/proxyInstance';
import { cpuSecondsOf, RssSampler } from '../infra/rss';
import { ratio, round } from '../infra/stats';
import { diffCounts, totalCalls } from '../infra/upstreamStats';
import type { CacheHitResult, ThroughputSummary } from '../report/types';

type ServerName = 'baseline' | 'fastify' | 'duties' | 'proxy';

/**
 * Scenario 2: cache-hit throughput and latency at a fixed concurrency, against three servers in their own
 * processes answering the same bytes: bare node:http (the physical limit of this machine), fastify alone (the
 * framework), and fastify with the duties a cache hit keeps (auth, audit line, metrics: what they cost by
 * themselves).
 */
export async function runCacheHit(ctx: BenchContext, profileNumber: number): Promise<CacheHitResult> {
    const o = ctx.opts.cacheHit;
    const spec = lookupSpec(ctx.emulator.lookupBody(profileNumber));
    // With --cpu-prof the baselines are profiled too, so the proxy's CPU per hit can be set against the framework's.
    const profile = (name: string) => cpuProfileArgs(ctx.opts, name);
    const baseline = await startChild<{ port: number }>(join(__dirname, '..', 'children', 'baselineServer.ts'), {
        label: 'baseline',
        nodeArgs: profile('baseline-node-http')
    });
    const framework = await startChild<{ port: number }>(join(__dirname, '..', 'children', 'fastifyBaseline.ts'), {
        label: 'fastify baseline',
        nodeArgs: profile('baseline-fastify')
    }).catch(async (err: unknown) => {
        await baseline.stop();
        throw err;
    });
    const withDuties = await startChild<{ port: number }>(join(__dirname, '..', 'children', 'fastifyDutiesBaseline.ts'), {
        label: 'fastify-with-duties baseline',
        nodeArgs: profile('baseline-fastify-duties')
    }).catch(async (err: unknown) => {
        await Promise.all([baseline.stop(), framework.stop()]);
        throw err;
    });
    try {
        return await withProxy(ctx, 'cache-hit', {}, async (proxy) => {
            // Fill the cache, then take the exact bytes of a cache hit for the baseline.
            const client = loadClient(proxy.url, { connections: 1, timeoutMs: 10_000 });
            let hit;
            try {
                const first = await client.send(spec);
                if (first.status !== 200) throw new Error(`warming look-up answered ${first.status}: ${first.body.slice(0, 200)}`);
                hit = await client.send(spec);
                if (hit.status !== 200) throw new Error(`cache-hit look-up answered ${hit.status}`);
            } finally {
                await client.close();
            }
            const bytes = { base64: Buffer.from(hit.body, 'utf8').toString('base64'), contentType: 'application/json; charset=utf-8' };
            await baseline.call('setBody', bytes);
            await framework.call('setBody', bytes);
            await withDuties.call('setBody', bytes);
            const baselineOrigin = `http://127.0.0.1:${baseline.ready.port}`;
            const frameworkOrigin = `http://127.0.0.1:${framework.ready.port}`;
            const dutiesOrigin = `http://127.0.0.1:${withDuties.ready.port}`;

            const rounds = Math.max(1, o.rounds);
            const run = { connections: o.connections, durationSeconds: o.durationSeconds / rounds };
            const warm = { connections: o.connections, durationSeconds: o.warmupSeconds };
            ctx.log(
                `cache hit: warm-up ${o.warmupSeconds} s each, then ${rounds} interleaved round(s) of ${run.durationSeconds} s per server at ${o.connections} connections`
            );
            await autocannonRun(baselineOrigin, spec, warm);
            await autocannonRun(frameworkOrigin, spec, warm);
            await autocannonRun(dutiesOrigin, spec, warm);
            await autocannonRun(proxy.url, spec, warm);
            // Interleaved rounds: whatever else loads the machine meanwhile hits all four servers alike.
            const runs: Record<ServerName, ThroughputSummary[]> = { baseline: [], fastify: [], duties: [], proxy: [] };
            // CPU seconds each server spent in its own rounds: CPU per hit holds up better than req/s on a shared machine.
            const cpu: Record<ServerName, number> = { baseline: 0, fastify: 0, duties: 0, proxy: 0 };
            const measured = async (name: ServerName, pid: number, origin: string) => {
                const start = cpuSecondsOf(pid);
                runs[name].push(await autocannonRun(origin, spec, run));
                const end = cpuSecondsOf(pid);
                if (start !== null && end !== null) cpu[name] += end - start;
            };
            const before = ctx.emulator.stats();
            const rss = new RssSampler(proxy.pid).start();
            for (let r = 0; r < rounds; r++) {
                await measured('baseline', baseline.pid, baselineOrigin);
                await measured('fastify', framework.pid, frameworkOrigin);
                await measured('duties', withDuties.pid, dutiesOrigin);
                await measured('proxy', proxy.pid, proxy.url);
            }
            const proxyRss = rss.stop();
            const baselineResult = combineRounds(runs.baseline);
            const frameworkResult = combineRounds(runs.fastify);
            const dutiesResult = combineRounds(runs.duties);
            const proxyResult = combineRounds(runs.proxy);
            const perHit = (name: ServerName, t: ThroughputSummary) => (t.requests > 0 ? round((cpu[name] * 1e6) / t.requests, 1) : null);
            return {
                cpuMicrosPerHit: {
                    proxy: perHit('proxy', proxyResult),
                    fastify: perHit('fastify', frameworkResult),
                    fastifyWithDuties: perHit('duties', dutiesResult),
                    baseline: perHit('baseline', baselineResult)
                },
                responseBytes: Buffer.byteLength(hit.body),
                proxy: proxyResult,
                baseline: baselineResult,
                fastify: frameworkResult,
                fastifyWithDuties: dutiesResult,
                throughputRatio: ratio(proxyResult.requestsPerSecond, baselineResult.requestsPerSecond),
                fastifyRatio: ratio(frameworkResult.requestsPerSecond, baselineResult.requestsPerSecond),
                proxyToFastifyRatio: ratio(proxyResult.requestsPerSecond, frameworkResult.requestsPerSecond),
                dutiesToFastifyRatio: ratio(dutiesResult.requestsPerSecond, frameworkResult.requestsPerSecond),
                proxyToDutiesRatio: ratio(proxyResult.requestsPerSecond, dutiesResult.requestsPerSecond),
                upstreamCallsDuringRun: totalCalls(diffCounts(ctx.emulator.stats(), before)),
                proxyRss
            };
        });
    } finally {
        await Promise.all([baseline.stop(), framework.stop(), withDuties.stop()]);
    }
}

/**
 * One figure from several rounds: requests and time add up; p50 and mean are averaged; p90, p99 and max
 * are the worst round's (autocannon does not hand out its histograms, and the worst is the honest bound).
 */
export function combineRounds(rounds: readonly ThroughputSummary[]): ThroughputSummary {
    const first = rounds[0];
    if (!first) throw new Error('no round to combine');
    const sum = (f: (t: ThroughputSummary) => number) => rounds.reduce((s, t) => s + f(t), 0);
    const worst = (f: (t: ThroughputSummary) => number) => Math.max(...rounds.map(f));
    const requests = sum((t) => t.requests);
    const duration = sum((t) => t.durationSeconds);
    return {
        connections: first.connections,
        durationSeconds: round(duration, 2),
        requests,
        requestsPerSecond: round(requests / duration, 0),
        latencyMs: {
            p50: round(sum((t) => t.latencyMs.p50) / rounds.length),
            p90: worst((t) => t.latencyMs.p90),
            p99: worst((t) => t.latencyMs.p99),
            max: worst((t) => t.latencyMs.max),
            mean: round(sum((t) => t.latencyMs.mean * t.requests) / Math.max(requests, 1))
        },
        non2xx: sum((t) => t.non2xx),
        errors: sum((t) => t.errors),
        timeouts: sum((t) => t.timeouts)
    };
}
