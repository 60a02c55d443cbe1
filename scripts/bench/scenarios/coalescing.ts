import type { BenchContext } from '../context';
import { withProxy } from '../context';
import { loadClient, type LoadClient, type Sample } from '../infra/loadGen';
import { lookupSpec, type ProxyInstance } from '../infra/proxyInstance';
import { round, summarise } from '../infra/stats';
import { diffCounts, totalCalls, type RouteCounts } from '../infra/upstreamStats';
import type { CoalescingResult } from '../report/types';

/** The emulator route group of the profile look-up itself (multi-entity POST and GET by XID). */
export const PROFILE_ROUTE = 'entities';

/**
 * Scenario 3: K agents open the same cold customer at the same moment, for D customers at once, in
 * `waves` rounds inside one cache TTL. Upstream calls come from the emulator's own per-route counters.
 */
export async function runCoalescing(ctx: BenchContext, profiles: { next(): number }): Promise<CoalescingResult> {
    const o = ctx.opts.coalescing;
    await ctx.emulator.setLatency(ctx.opts.realisticLatencyMs);
    try {
        return await withProxy(ctx, 'coalescing', { AEP_MAX_RPS: '100000', CACHE_TTL_SECONDS: '60' }, async (proxy) => {
            const ids = Array.from({ length: o.profiles }, () => profiles.next());
            ctx.log(`coalescing: ${o.agentsPerProfile} agents x ${o.profiles} profiles x ${o.waves} waves`);
            const out = await burst(ctx, [proxy], ids, o.agentsPerProfile, o.waves);
            return { distinctProfiles: o.profiles, agentsPerProfile: o.agentsPerProfile, waves: o.waves, ...out };
        });
    } finally {
        await ctx.emulator.setLatency(0);
    }
}

/** Fires every agent's request at once (one connection each), wave after wave; shared with scale-out. */
export async function burst(
    ctx: BenchContext,
    instances: readonly ProxyInstance[],
    ids: readonly number[],
    agentsPerProfile: number,
    waves: number
): Promise<Omit<CoalescingResult, 'distinctProfiles' | 'agentsPerProfile' | 'waves'>> {
    const perInstance = Math.ceil((ids.length * agentsPerProfile) / instances.length);
    const clients: LoadClient[] = instances.map((p) => loadClient(p.url, { connections: perInstance, timeoutMs: 15_000 }));
    const before = ctx.emulator.stats();
    const samples: Sample[] = [];
    try {
        for (let w = 0; w < waves; w++) {
            const wave: Promise<Sample>[] = [];
            let agent = 0;
            for (const id of ids) {
                const spec = lookupSpec(ctx.emulator.lookupBody(id));
                // Agents of one customer are spread over every instance (round robin, like a load balancer).
                for (let k = 0; k < agentsPerProfile; k++) wave.push(clients[agent++ % clients.length]!.send(spec));
            }
            samples.push(...(await Promise.all(wave)));
        }
    } finally {
        await Promise.all(clients.map((c) => c.close()));
    }
    const calls: RouteCounts = diffCounts(ctx.emulator.stats(), before);
    const statuses: Record<string, number> = {};
    for (const s of samples) statuses[String(s.status)] = (statuses[String(s.status)] ?? 0) + 1;
    return {
        requests: samples.length,
        statuses,
        upstreamCallsByRoute: calls,
        profileCallsPerProfile: round((calls[PROFILE_ROUTE] ?? 0) / ids.length, 3),
        upstreamCallsPerProfile: round(totalCalls(calls, ['ims']) / ids.length, 3),
        latency: summarise(samples.map((s) => s.ms))
    };
}
