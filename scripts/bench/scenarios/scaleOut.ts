import Redis from 'ioredis';
import type { BenchContext } from '../context';
import { autocannonRun } from '../infra/autocannonRun';
import { closedLoop, loadClient } from '../infra/loadGen';
import { lookupSpec, type ProxyInstance } from '../infra/proxyInstance';
import type { RunningRedis } from '../infra/redisServer';
import { diffCounts, totalCalls } from '../infra/upstreamStats';
import type { ScaleOutResult } from '../report/types';
import { burst } from './coalescing';
import { runFleetBudget } from './fleetBudget';

/**
 * Scenario 6: two proxy processes with one Redis (REDIS_URL): cross-instance coalescing, hits on B for
 * cards A fetched, cache-hit throughput with both instances loaded at once, and the fleet's one AEP budget under
 * 10x load, with Redis and with Redis stopped (fleetBudget.ts).
 */
export async function runScaleOut(
    ctx: BenchContext,
    redis: RunningRedis,
    profiles: { next(): number },
    singleInstanceRps: number | null
): Promise<ScaleOutResult> {
    const o = ctx.opts.scaleOut;
    // A fresh key prefix per run: nothing left over from an earlier run can turn a miss into a hit.
    const env = { REDIS_URL: redis.url, REDIS_KEY_PREFIX: `bench${Date.now()}:`, AEP_MAX_RPS: '100000', CACHE_TTL_SECONDS: '60' };
    const instances: ProxyInstance[] = [];
    try {
        instances.push(await ctx.startProxy('scale-a', env), await ctx.startProxy('scale-b', env));
        const [a, b] = instances as [ProxyInstance, ProxyInstance];

        ctx.log(`scale-out: coalescing over 2 instances, ${o.agentsPerProfile} agents x ${o.profiles} profiles`);
        await ctx.emulator.setLatency(ctx.opts.realisticLatencyMs);
        const ids = Array.from({ length: o.profiles }, () => profiles.next());
        const co = await burst(ctx, instances, ids, o.agentsPerProfile, 1);

        ctx.log(`scale-out: ${o.sharedHitProfiles} profiles through A, then through B`);
        const shared = Array.from({ length: o.sharedHitProfiles }, () => profiles.next());
        const viaA = await readAll(a, shared, ctx);
        if (viaA.some((s) => s !== 200)) ctx.note(`scale-out: look-ups through A answered ${[...new Set(viaA)].join(', ')}`);
        const before = ctx.emulator.stats();
        const viaB = await readAll(b, shared, ctx);
        const onB = totalCalls(diffCounts(ctx.emulator.stats(), before), ['ims']);
        await ctx.emulator.setLatency(0);

        ctx.log(`scale-out: cache hits on both instances at once for ${o.durationSeconds} s`);
        const spec = lookupSpec(ctx.emulator.lookupBody(shared[0] ?? ids[0]!));
        const run = { connections: o.connectionsPerInstance, durationSeconds: o.durationSeconds };
        await Promise.all(instances.map((p) => autocannonRun(p.url, spec, { ...run, durationSeconds: Math.min(1, run.durationSeconds) })));
        const perInstance = await Promise.all(instances.map((p) => autocannonRun(p.url, spec, run)));
        const redisNow = await redisFacts(redis.url);
        const count = instances.length;
        await Promise.all(instances.splice(0).map((p) => p.stop()));
        const fleetBudget = await runFleetBudget(ctx, profiles);

        return {
            instances: count,
            coalescing: {
                distinctProfiles: ids.length,
                agentsPerProfile: o.agentsPerProfile,
                upstreamCallsByRoute: co.upstreamCallsByRoute,
                profileCallsPerProfile: co.profileCallsPerProfile,
                statuses: co.statuses
            },
            crossInstanceHits: { profiles: shared.length, upstreamCallsOnSecondInstance: onB, statuses: countBy(viaB) },
            cacheHit: {
                perInstance,
                aggregateRequestsPerSecond: perInstance.reduce((s, t) => s + t.requestsPerSecond, 0),
                singleInstanceRequestsPerSecond: singleInstanceRps ?? Number.NaN,
                p99MaxMs: Math.max(...perInstance.map((t) => t.latencyMs.p99))
            },
            redis: redisNow,
            fleetBudget
        };
    } finally {
        await ctx.emulator.setLatency(0);
        await Promise.all(instances.map((p) => p.stop()));
    }
}

async function readAll(p: ProxyInstance, ids: readonly number[], ctx: BenchContext): Promise<number[]> {
    const client = loadClient(p.url, { connections: 8, timeoutMs: 15_000 });
    try {
        const samples = await closedLoop(client, {
            workers: 8,
            total: ids.length,
            maxMs: 30_000,
            next: (i) => lookupSpec(ctx.emulator.lookupBody(ids[i]!))
        });
        return samples.map((s) => s.status);
    } finally {
        await client.close();
    }
}

function countBy(statuses: number[]): Record<string, number> {
    const out: Record<string, number> = {};
    for (const s of statuses) out[String(s)] = (out[String(s)] ?? 0) + 1;
    return out;
}

async function redisFacts(url: string): Promise<ScaleOutResult['redis']> {
    const r = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, connectTimeout: 2000 });
    try {
        await r.connect();
        const info = await r.info();
        const version = /redis_version:(\S+)/.exec(info)?.[1] ?? 'unknown';
        const used = /used_memory:(\d+)/.exec(info)?.[1];
        return { version, usedMemoryBytes: used ? Number(used) : null };
    } finally {
        r.disconnect();
    }
}
