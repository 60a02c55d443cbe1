import { withProxy, type BenchContext } from '../context';
import { closedLoop, countStatuses, loadClient, openLoop, type Sample } from '../infra/loadGen';
import { lookupSpec } from '../infra/proxyInstance';
import { RssSampler } from '../infra/rss';
import { round, summarise } from '../infra/stats';
import { diffCounts, RateWatcher, totalCalls } from '../infra/upstreamStats';
import type { ShieldingResult } from '../report/types';

const NOT_RATE_LIMITED = ['ims'];

/**
 * Scenario 4: 10x the configured AEP rate limit, open loop (agents do not wait for each other). Half
 * the look-ups are customers whose cached card has passed its fresh TTL (a stale copy exists), half
 * are customers never seen. Every outcome is recorded per request: status, Retry-After, stale flag,
 * latency; upstream calls per route and their peak per second come from the emulator.
 */
export async function runShielding(ctx: BenchContext, profiles: { next(): number }): Promise<ShieldingResult> {
    const o = ctx.opts.shielding;
    const latencyMs = ctx.opts.realisticLatencyMs;
    const env = { AEP_MAX_RPS: String(o.maxRps), AEP_BURST: String(o.maxRps), CACHE_TTL_SECONDS: '1', CACHE_STALE_TTL_SECONDS: '600' };
    return withProxy(ctx, 'shielding', env, async (proxy) => {
        await ctx.emulator.setLatency(latencyMs);
        // Enough sockets that no request waits in the client: latency is the proxy's, not a client queue's.
        const client = loadClient(proxy.url, { connections: o.connections, timeoutMs: o.clientTimeoutMs });
        try {
            // Cache the stale pool within the limit: a handful of agents, one look-up at a time.
            const pool = Array.from({ length: o.stalePool }, () => profiles.next());
            const warm = await closedLoop(client, {
                workers: 1,
                total: pool.length,
                maxMs: 30_000,
                next: (i) => lookupSpec(ctx.emulator.lookupBody(pool[i]!))
            });
            const warmed = warm.filter((s) => s.status === 200).length;
            if (warmed < pool.length)
                ctx.note(
                    `shielding: ${warmed} of ${pool.length} stale-pool customers were cached before the overload (others answered ${[...new Set(warm.filter((s) => s.status !== 200).map((s) => s.status))].join(', ')})`
                );
            // Past the fresh TTL (1 s) and a full bucket again.
            await new Promise((r) => setTimeout(r, 1500));

            const offered = o.maxRps * o.multiplier;
            ctx.log(`shielding: ${offered} look-ups/s for ${o.durationSeconds} s against AEP_MAX_RPS=${o.maxRps}`);
            const before = ctx.emulator.stats();
            const watcher = new RateWatcher(() => totalCalls(ctx.emulator.stats(), NOT_RATE_LIMITED)).start();
            const rss = new RssSampler(proxy.pid).start();
            const t0 = performance.now();
            const samples = await openLoop(client, {
                ratePerSecond: offered,
                durationMs: o.durationSeconds * 1000,
                maxRequests: offered * o.durationSeconds,
                next: (i) => lookupSpec(ctx.emulator.lookupBody(i % 2 === 0 ? pool[(i / 2) % pool.length]! : profiles.next()))
            });
            const elapsedSeconds = (performance.now() - t0) / 1000;
            const peak = watcher.stop();
            const proxyRss = rss.stop();
            const byRoute = diffCounts(ctx.emulator.stats(), before);
            const calls = totalCalls(byRoute, NOT_RATE_LIMITED);
            return summariseOutcome(samples, {
                configuredMaxRps: o.maxRps,
                configuredBurst: o.maxRps,
                offeredRps: offered,
                durationSeconds: round(elapsedSeconds, 2),
                emulatorLatencyMs: latencyMs,
                upstream: { calls, callsPerSecond: round(calls / elapsedSeconds, 2), peakCallsInAnySecond: peak, byRoute },
                proxyRss
            });
        } finally {
            await client.close();
            await ctx.emulator.setLatency(0);
        }
    });
}

function summariseOutcome(
    samples: Sample[],
    base: Omit<
        ShieldingResult,
        'requests' | 'statuses' | 'fresh200' | 'stale200' | 'rejected' | 'rejectedWithRetryAfter' | 'timeouts' | 'latency'
    >
): ShieldingResult {
    const statuses = countStatuses(samples);
    let fresh = 0;
    let stale = 0;
    const served: number[] = [];
    const rejected: Sample[] = [];
    for (const s of samples) {
        if (s.status === 200) {
            served.push(s.ms);
            if (isStale(s.body)) stale++;
            else fresh++;
        } else if (s.status === 429 || s.status === 503) rejected.push(s);
    }
    return {
        ...base,
        requests: samples.length,
        statuses,
        fresh200: fresh,
        stale200: stale,
        rejected: rejected.length,
        rejectedWithRetryAfter: rejected.filter((s) => s.retryAfter !== null && /^\d+$/.test(s.retryAfter.trim())).length,
        timeouts: samples.filter((s) => s.error === 'timeout' || s.status === 504).length,
        latency: { served: summarise(served), rejected: summarise(rejected.map((s) => s.ms)) }
    };
}

function isStale(body: string): boolean {
    try {
        return (JSON.parse(body) as { freshness?: { stale?: boolean } }).freshness?.stale === true;
    } catch {
        return false;
    }
}
