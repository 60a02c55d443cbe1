import { join } from 'node:path';
import { withProxy, type BenchContext } from '../context';
import { autocannonRun } from '../infra/autocannonRun';
import { startChild } from '../infra/childProcess';
import { loadClient } from '../infra/loadGen';
import { lookupSpec } from '../infra/proxyInstance';
import { RssSampler } from '../infra/rss';
import { ratio } from '../infra/stats';
import { diffCounts, totalCalls } from '../infra/upstreamStats';
import type { CacheHitResult } from '../report/types';

/**
 * Scenario 2: cache-hit throughput and latency at a fixed concurrency, against a bare node:http server
 * in its own process answering the same bytes (the physical limit of this machine).
 */
export async function runCacheHit(ctx: BenchContext, profileNumber: number): Promise<CacheHitResult> {
    const o = ctx.opts.cacheHit;
    const spec = lookupSpec(ctx.emulator.lookupBody(profileNumber));
    const baseline = await startChild<{ port: number }>(join(__dirname, '..', 'children', 'baselineServer.ts'), { label: 'baseline' });
    const framework = await startChild<{ port: number }>(join(__dirname, '..', 'children', 'fastifyBaseline.ts'), { label: 'fastify baseline' }).catch(async (err: unknown) => {
        await baseline.stop();
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
            const baselineOrigin = `http://127.0.0.1:${baseline.ready.port}`;
            const frameworkOrigin = `http://127.0.0.1:${framework.ready.port}`;

            const run = { connections: o.connections, durationSeconds: o.durationSeconds };
            const warm = { connections: o.connections, durationSeconds: o.warmupSeconds };
            ctx.log(`cache hit: warm-up ${o.warmupSeconds} s each, then ${o.durationSeconds} s each at ${o.connections} connections`);
            await autocannonRun(baselineOrigin, spec, warm);
            await autocannonRun(frameworkOrigin, spec, warm);
            await autocannonRun(proxy.url, spec, warm);
            const baselineResult = await autocannonRun(baselineOrigin, spec, run);
            const frameworkResult = await autocannonRun(frameworkOrigin, spec, run);
            const before = ctx.emulator.stats();
            const rss = new RssSampler(proxy.pid).start();
            const proxyResult = await autocannonRun(proxy.url, spec, run);
            const proxyRss = rss.stop();
            return {
                responseBytes: Buffer.byteLength(hit.body),
                proxy: proxyResult,
                baseline: baselineResult,
                fastify: frameworkResult,
                throughputRatio: ratio(proxyResult.requestsPerSecond, baselineResult.requestsPerSecond),
                fastifyRatio: ratio(frameworkResult.requestsPerSecond, baselineResult.requestsPerSecond),
                upstreamCallsDuringRun: totalCalls(diffCounts(ctx.emulator.stats(), before)),
                proxyRss
            };
        });
    } finally {
        await Promise.all([baseline.stop(), framework.stop()]);
    }
}
