import { Agent } from 'undici';
import type { CapturedCall } from '../children/upstreamCapture';
import { withProxy, type BenchContext } from '../context';
import { loadClient } from '../infra/loadGen';
import type { RecordKind } from '../infra/benchEmulator';
import { lookupSpec } from '../infra/proxyInstance';
import { percentile, round, summarise } from '../infra/stats';
import { addCounts, diffCounts, type RouteCounts } from '../infra/upstreamStats';
import type { OverheadResult, OverheadRun } from '../report/types';

/**
 * Scenario 1: what the proxy adds to AEP's latency on a card-cache miss. Each measured look-up is for a
 * profile never seen before; afterwards the bench sends the very requests the proxy sent (captured in
 * the proxy process) straight to the emulator, in parallel, and compares.
 */
export async function runOverhead(ctx: BenchContext, profiles: { next(): number }): Promise<OverheadResult> {
    const runs: OverheadRun[] = [];
    // The rate limiter is not under test here: a high limit keeps it out of the way.
    await withProxy(ctx, 'overhead', { AEP_MAX_RPS: '100000' }, async (proxy) => {
        const client = loadClient(proxy.url, { connections: 1, timeoutMs: 15_000 });
        const direct = new Agent({ keepAliveTimeout: 30_000, connections: 16 });
        try {
            for (const [index, run] of ctx.opts.overhead.runs.entries()) {
                await ctx.emulator.setLatency(run.latencyMs);
                ctx.log(`overhead: emulator latency ${run.latencyMs} ms, ${run.lookups} cold look-ups of ${run.record} records`);
                // Warm-up: IMS token, namespace catalog, merge policy, audience names and both connection pools
                // (the first run warms the metadata; later ones only re-warm connections at the new latency).
                const warmups = index === 0 ? ctx.opts.overhead.warmupLookups : Math.min(5, ctx.opts.overhead.warmupLookups);
                for (let i = 0; i < warmups; i++) {
                    const s = await client.send(lookupSpec(ctx.emulator.lookupBody(profiles.next(), {}, run.record)));
                    if (s.status !== 200) throw new Error(`warm-up look-up answered ${s.status}: ${s.body.slice(0, 200)}`);
                }
                runs.push(await measure(ctx, proxy, client, direct, run, profiles));
            }
        } finally {
            await client.close();
            await direct.close();
            await ctx.emulator.setLatency(0);
        }
    });
    return { runs };
}

async function measure(
    ctx: BenchContext,
    proxy: { captureStart(): Promise<void>; captureStop(): Promise<CapturedCall[]> },
    client: ReturnType<typeof loadClient>,
    direct: Agent,
    run: { latencyMs: number; record: RecordKind; lookups: number },
    profiles: { next(): number }
): Promise<OverheadRun> {
    const proxyMs: number[] = [];
    const slowest: number[] = [];
    const rounds: number[] = [];
    const ratios: number[] = [];
    const calls: RouteCounts = {};
    let roundsTotal = 0;
    const deadline = performance.now() + ctx.opts.overhead.maxSecondsPerRun * 1000;
    for (let i = 0; i < run.lookups && performance.now() < deadline; i++) {
        const n = profiles.next();
        const before = ctx.emulator.stats();
        await proxy.captureStart();
        const s = await client.send(lookupSpec(ctx.emulator.lookupBody(n, {}, run.record)));
        const captured = await proxy.captureStop();
        if (s.status !== 200) throw new Error(`look-up of generated profile ${n} answered ${s.status}: ${s.body.slice(0, 200)}`);
        addCounts(calls, diffCounts(ctx.emulator.stats(), before));
        roundsTotal += sequentialRounds(captured);
        const replay = await replayInParallel(direct, captured);
        proxyMs.push(s.ms);
        slowest.push(replay.slowestMs);
        rounds.push(replay.roundMs);
        ratios.push(s.ms / replay.slowestMs);
    }
    const done = proxyMs.length;
    if (done === 0) throw new Error('no look-up completed within the time bound');
    const proxySummary = summarise(proxyMs);
    const slowestSummary = summarise(slowest);
    const sortedRatios = [...ratios].sort((a, b) => a - b);
    return {
        emulatorLatencyMs: run.latencyMs,
        record: run.record,
        lookups: done,
        upstreamRounds: round(roundsTotal / done, 2),
        upstreamCallsPerLookup: Object.fromEntries(Object.entries(calls).map(([k, v]) => [k, round(v / done, 3)])),
        proxy: proxySummary,
        directSlowestCall: slowestSummary,
        directParallelRound: summarise(rounds),
        overheadMs: {
            p50: round(proxySummary.p50 - slowestSummary.p50),
            p95: round(proxySummary.p95 - slowestSummary.p95),
            p99: round(proxySummary.p99 - slowestSummary.p99)
        },
        criticalPathRatio: {
            p50: round(percentile(sortedRatios, 50), 3),
            p95: round(percentile(sortedRatios, 95), 3),
            p99: round(percentile(sortedRatios, 99), 3)
        }
    };
}

/** Sends the captured requests at once, as one parallel round; each call is timed to its last body byte. */
export async function replayInParallel(
    agent: Agent,
    captured: readonly CapturedCall[]
): Promise<{ slowestMs: number; roundMs: number; bytes: number }> {
    if (captured.length === 0) throw new Error('the proxy made no upstream call for a cold look-up (is the card cache really cold?)');
    const t0 = performance.now();
    const timings = await Promise.all(
        captured.map(async (c) => {
            const start = performance.now();
            const res = await agent.request({
                origin: c.origin,
                path: c.path,
                method: c.method as 'GET' | 'POST',
                headers: c.headers,
                body: c.body ?? undefined,
                headersTimeout: 15_000,
                bodyTimeout: 15_000
            });
            const body = Buffer.from(await res.body.arrayBuffer());
            if (c.status !== null && res.statusCode !== c.status)
                throw new Error(
                    `direct replay of ${c.method} ${c.path.split('?')[0]} answered ${res.statusCode}, the proxy got ${c.status}`
                );
            return { ms: performance.now() - start, bytes: body.length };
        })
    );
    return {
        slowestMs: Math.max(...timings.map((t) => t.ms)),
        roundMs: performance.now() - t0,
        bytes: timings.reduce((s, t) => s + t.bytes, 0)
    };
}

/**
 * How many upstream calls the look-up made one after the other: a call is in round k+1 when it started
 * after a call of round k had finished (it waited for it). 1 = everything in one parallel round.
 */
export function sequentialRounds(calls: readonly CapturedCall[]): number {
    const sorted = [...calls].sort((a, b) => a.startMs - b.startMs);
    const rounds: number[] = [];
    let max = 0;
    sorted.forEach((c, i) => {
        let r = 1;
        for (let j = 0; j < i; j++) {
            const p = sorted[j]!;
            if (p.ms !== null && p.startMs + p.ms <= c.startMs) r = Math.max(r, rounds[j]! + 1);
        }
        rounds.push(r);
        max = Math.max(max, r);
    });
    return max;
}
