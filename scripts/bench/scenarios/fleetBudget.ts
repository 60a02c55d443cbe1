import type { BenchContext } from '../context';
import { countStatuses, loadClient, openLoop } from '../infra/loadGen';
import { metricSamples } from '../infra/metricSamples';
import { lookupSpec, type ProxyInstance } from '../infra/proxyInstance';
import { startRedis } from '../infra/redisServer';
import { round } from '../infra/stats';
import { diffCounts, RateWatcher, totalCalls } from '../infra/upstreamStats';
import type { BudgetPhase, FleetBudgetResult } from '../report/types';

const NOT_RATE_LIMITED = ['ims'];

interface Health {
    aepBudget?: { scope: string; callsPerSecond: number; burst: number };
}

/**
 * Part of scenario 6: the fleet's one AEP budget. Two instances with one Redis (a redis-server of its own, so it can
 * be stopped) and AEP_MAX_RPS as the fleet's budget take 10x that many look-ups per second between them, all of them
 * customers never seen (every look-up needs AEP). AEP calls for the whole fleet are counted at the emulator; the goal
 * is calls <= budget x duration + burst. Then Redis is stopped: each instance keeps to its share, AEP_MAX_RPS /
 * PROXY_EXPECTED_INSTANCES, says so in /healthz, and the fleet again stays within the budget.
 */
export async function runFleetBudget(ctx: BenchContext, profiles: { next(): number }): Promise<FleetBudgetResult> {
    const o = ctx.opts.scaleOut.budget;
    const redis = await startRedis();
    const instances: ProxyInstance[] = [];
    let redisRunning = true;
    try {
        const env = {
            REDIS_URL: redis.url,
            REDIS_KEY_PREFIX: `budget${Date.now()}:`,
            AEP_MAX_RPS: String(o.maxRps),
            AEP_BURST: String(o.maxRps),
            PROXY_EXPECTED_INSTANCES: '2',
            CACHE_TTL_SECONDS: '60'
        };
        instances.push(await ctx.startProxy('budget-a', env), await ctx.startProxy('budget-b', env));
        await ctx.emulator.setLatency(ctx.opts.realisticLatencyMs);

        await waitForScope(instances, 'fleet');
        // A fresh window: whatever the warm-up spent is behind it.
        await new Promise((r) => setTimeout(r, 1100));
        ctx.log(
            `scale-out: ${o.maxRps * o.multiplier} look-ups/s over 2 instances for ${o.durationSeconds} s, fleet budget AEP_MAX_RPS=${o.maxRps}`
        );
        const shared = await phase(ctx, instances, profiles, o.maxRps, o.maxRps);

        await redis.stop();
        redisRunning = false;
        await waitForScope(instances, 'instance');
        await new Promise((r) => setTimeout(r, 1100));
        const share = (await health(instances[0]!)).aepBudget!;
        ctx.log(`scale-out: Redis stopped, each instance keeps to ${share.callsPerSecond}/s; the same load again`);
        const fallback = await phase(ctx, instances, profiles, share.callsPerSecond * instances.length, share.burst * instances.length);

        return { fleetMaxRps: o.maxRps, expectedInstances: 2, offeredPerSecond: o.maxRps * o.multiplier, shared, redisStopped: fallback };
    } finally {
        await ctx.emulator.setLatency(0);
        await Promise.all(instances.map((p) => p.stop()));
        if (redisRunning) await redis.stop();
    }
}

async function phase(
    ctx: BenchContext,
    instances: ProxyInstance[],
    profiles: { next(): number },
    allowedPerSecond: number,
    allowedBurst: number
): Promise<BudgetPhase> {
    const o = ctx.opts.scaleOut.budget;
    const perInstance = (o.maxRps * o.multiplier) / instances.length;
    const clients = instances.map((p) => loadClient(p.url, { connections: 256, timeoutMs: 10_000 }));
    try {
        const before = ctx.emulator.stats();
        const callsBefore = await Promise.all(instances.map(upstreamCalls));
        const watcher = new RateWatcher(() => totalCalls(ctx.emulator.stats(), NOT_RATE_LIMITED)).start();
        const t0 = performance.now();
        const samples = await Promise.all(
            clients.map((client) =>
                openLoop(client, {
                    ratePerSecond: perInstance,
                    durationMs: o.durationSeconds * 1000,
                    maxRequests: perInstance * o.durationSeconds,
                    next: () => lookupSpec(ctx.emulator.lookupBody(profiles.next()))
                })
            )
        );
        const seconds = (performance.now() - t0) / 1000;
        const peak = watcher.stop();
        const calls = totalCalls(diffCounts(ctx.emulator.stats(), before), NOT_RATE_LIMITED);
        const callsAfter = await Promise.all(instances.map(upstreamCalls));
        const healths = await Promise.all(instances.map(health));
        const allowed = allowedPerSecond * seconds + allowedBurst;
        return {
            durationSeconds: round(seconds, 2),
            scopes: healths.map((h) => h.aepBudget?.scope ?? 'unknown'),
            allowedPerSecond,
            allowedBurst,
            allowedCalls: round(allowed, 1),
            upstreamCalls: calls,
            callsPerInstance: callsAfter.map((n, i) => n - callsBefore[i]!),
            peakCallsInAnySecond: peak,
            ratioOfAllowed: round(calls / allowed, 3),
            statuses: countStatuses(samples.flat())
        };
    } finally {
        await Promise.all(clients.map((c) => c.close()));
    }
}

async function health(p: ProxyInstance): Promise<Health> {
    return (await (await fetch(`${p.url}/healthz`)).json()) as Health;
}

/** AEP calls (IMS excluded) the instance made, from its own /metrics. */
async function upstreamCalls(p: ProxyInstance): Promise<number> {
    const samples = await metricSamples(p.url, 'proxy_upstream_calls_total');
    return samples.filter((s) => !NOT_RATE_LIMITED.includes(s.labels.target ?? '')).reduce((sum, s) => sum + s.value, 0);
}

async function waitForScope(instances: ProxyInstance[], scope: 'fleet' | 'instance'): Promise<void> {
    const deadline = performance.now() + 15_000;
    for (;;) {
        const scopes = await Promise.all(instances.map(async (p) => (await health(p)).aepBudget?.scope));
        if (scopes.every((s) => s === scope)) return;
        if (performance.now() > deadline) throw new Error(`instances report AEP budget scopes ${scopes.join(', ')}, expected ${scope}`);
        await new Promise((r) => setTimeout(r, 100));
    }
}
