import { Agent } from 'undici';
import { CARD_LIMITS, CARD_MAX_BYTES } from '../../../proxy/src/contract/cardModel';
import type { CapturedCall } from '../children/upstreamCapture';
import { withProxy, type BenchContext } from '../context';
import { closedLoop, loadClient, type LoadClient } from '../infra/loadGen';
import Redis from 'ioredis';
import { loadConfig } from '../../../proxy/src/index';
import { emulatedCatalog, proxyCacheKey, redisCardKey, replicaOf } from '../infra/cardReplicas';
import { metricSamples } from '../infra/metricSamples';
import { lookupSpec, PROXY_BENCH_ENV } from '../infra/proxyInstance';
import type { RunningRedis } from '../infra/redisServer';
import { rssOf } from '../infra/rss';
import { round } from '../infra/stats';
import { diffCounts, totalCalls } from '../infra/upstreamStats';
import type { SizeResult } from '../report/types';

/**
 * Scenario 5: how small the card stays for a huge profile (1,000 events, 200 audiences) against the
 * raw AEP bytes, and the proxy's RSS with its cache filled with many distinct cards.
 */
export async function runSize(ctx: BenchContext, fillRange: { start: number; count: number }, redis: RunningRedis): Promise<SizeResult> {
    const heavy = await measureHeavyProfile(ctx);
    const cacheFill = await fillCache(ctx, fillRange, redis);
    return { ...heavy, cardLimitBytes: CARD_MAX_BYTES, cacheFill };
}

async function measureHeavyProfile(ctx: BenchContext): Promise<Pick<SizeResult, 'profile' | 'rawAepBytes' | 'cardBytes'>> {
    const o = ctx.opts.size;
    return withProxy(ctx, 'size', { AEP_MAX_RPS: '100000' }, async (proxy) => {
        const client = loadClient(proxy.url, { connections: 1, timeoutMs: 15_000 });
        const agent = new Agent({ connections: 4 });
        try {
            // The most events a caller may ask for: the largest card the proxy can produce.
            await proxy.captureStart();
            const res = await client.send(lookupSpec(ctx.emulator.heavyLookupBody({ maxEvents: CARD_LIMITS.events })));
            const captured = await proxy.captureStop();
            if (res.status !== 200) throw new Error(`heavy profile look-up answered ${res.status}: ${res.body.slice(0, 200)}`);
            const entities = captured.filter((c) => c.path.includes('/ups/access/entities'));
            const audiences = captured.filter((c) => c.path.includes('/ups/audiences') || c.path.includes('/segment/definitions'));
            const profileCall = entities.find((c) => !c.path.includes('experienceevent') && c.status !== null && c.status < 300);
            const eventsCall = entities.find((c) => c.path.includes('experienceevent') && c.status === 200);
            return {
                profile: { events: o.events, audiences: o.audiences },
                rawAepBytes: {
                    profileAndEventsFetched: entities.reduce((s, c) => s + c.responseBytes, 0),
                    audienceDefinitionsFetched: audiences.reduce((s, c) => s + c.responseBytes, 0),
                    fullProfile: profileCall ? await fetchBytes(agent, unfilteredProfile(profileCall)) : 0,
                    allEvents: eventsCall ? await fetchBytes(agent, allEventsOf(eventsCall, o.events)) : 0
                },
                cardBytes: Buffer.byteLength(res.body)
            };
        } finally {
            await client.close();
            await agent.close();
        }
    });
}

/** The proxy's own profile request without its `fields` list: what a naive client would pull. */
function unfilteredProfile(c: CapturedCall): CapturedCall {
    if (c.method === 'POST' && c.body) {
        const body = JSON.parse(c.body) as Record<string, unknown>;
        delete body.fields;
        return { ...c, body: JSON.stringify(body) };
    }
    const [path, query = ''] = c.path.split('?');
    const q = new URLSearchParams(query);
    q.delete('fields');
    return { ...c, path: `${path}?${q.toString()}` };
}

/** The proxy's events request for every event of the profile (no time window, no field list). */
function allEventsOf(c: CapturedCall, events: number): CapturedCall {
    const [path, query = ''] = c.path.split('?');
    const q = new URLSearchParams(query);
    for (const k of ['fields', 'startTime', 'endTime']) q.delete(k);
    q.set('limit', String(Math.max(events, 1000)));
    return { ...c, path: `${path}?${q.toString()}` };
}

async function fetchBytes(agent: Agent, c: CapturedCall): Promise<number> {
    const res = await agent.request({
        origin: c.origin,
        path: c.path,
        method: c.method as 'GET' | 'POST',
        headers: c.headers,
        body: c.body ?? undefined,
        headersTimeout: 30_000,
        bodyTimeout: 30_000
    });
    const bytes = (await res.body.arrayBuffer()).byteLength;
    if (res.statusCode >= 300) throw new Error(`raw AEP request answered ${res.statusCode}`);
    return bytes;
}

async function fillCache(
    ctx: BenchContext,
    range: { start: number; count: number },
    redis: RunningRedis
): Promise<SizeResult['cacheFill']> {
    const o = ctx.opts.size;
    const prefix = `benchfill${Date.now()}:`;
    // Room for every card: the bench measures RSS with the whole set cached, not the eviction policy.
    const env = {
        AEP_MAX_RPS: '100000',
        CACHE_TTL_SECONDS: '3600',
        CACHE_STALE_TTL_SECONDS: '3600',
        CACHE_MAX_ENTRIES: String(Math.max(range.count, 1)),
        // The default CACHE_MAX_BYTES (512 MiB) holds about half of 100k cards at the proxy's own size estimate
        // (2 bytes per character + 256); the bench wants every card resident, so it gives the LRU room.
        CACHE_MAX_BYTES: String(FILL_CACHE_MAX_BYTES),
        REDIS_URL: redis.url,
        REDIS_KEY_PREFIX: prefix
    };
    const config = loadConfig({ ...PROXY_BENCH_ENV, ...ctx.emulator.aepEnv, ...env });
    const catalog = emulatedCatalog();
    const store = new Redis(redis.url, { maxRetriesPerRequest: 1, connectTimeout: 2000 });
    try {
        return await withProxy(ctx, 'cache-fill', env, async (proxy) => {
            await proxy.memory(); // runs a GC in the child so "empty" is not inflated by start-up garbage
            const rssEmpty = rssOf(proxy.pid);
            const client = loadClient(proxy.url, { connections: o.fillWorkers, timeoutMs: 15_000 });
            try {
                // 1. Real cards: cold look-ups, which the proxy also writes to Redis.
                const templates = Math.min(o.fillTemplates, range.count);
                ctx.log(`size: ${templates} template cards by cold look-ups`);
                const cold = await closedLoop(client, {
                    workers: o.fillWorkers,
                    total: templates,
                    maxMs: 60_000,
                    next: (i) => lookupSpec(ctx.emulator.lookupBody(range.start + i))
                });
                const bad = cold.filter((c) => c.status !== 200);
                if (bad.length > 0 || cold.length < templates)
                    throw new Error(
                        `template look-ups: ${cold.length - bad.length} of ${templates} answered 200 (${bad[0]?.body.slice(0, 160) ?? 'time bound'})`
                    );
                const mergePolicyId = (JSON.parse(cold[0]!.body) as { mergePolicy: { id: string } }).mergePolicy.id;
                const keyOf = (n: number) =>
                    `${prefix}${redisCardKey(proxyCacheKey(config, mergePolicyId, catalog, ctx.emulator.lookupBody(n)))}`;

                // 2. The proxy's key derivation, checked against what the proxy itself stored.
                const templateTexts: string[] = [];
                for (let t = 0; t < templates; t++) {
                    const text = await store.get(keyOf(range.start + t));
                    if (text === null)
                        throw new Error(
                            "the cache key computed with the proxy's modules is not the one the proxy wrote to Redis; the fill would not be read back"
                        );
                    templateTexts.push(text);
                }

                // 3. Distinct replicas for every other customer, pipelined into Redis.
                ctx.log(`size: ${range.count - templates} replica cards into Redis`);
                const now = Date.now();
                let written = 0;
                for (let n = templates; n < range.count; n += 500) {
                    const batch = store.pipeline();
                    for (let i = n; i < Math.min(range.count, n + 500); i++) {
                        const t = i % templates;
                        const value = replicaOf(
                            templateTexts[t]!,
                            ctx.emulator.identities(range.start + t),
                            ctx.emulator.identities(range.start + i),
                            `BENCHREPLICA${String(i).padStart(10, '0')}`,
                            now
                        );
                        batch.set(keyOf(range.start + i), value, 'PX', 3_600_000);
                        written++;
                    }
                    await batch.exec();
                }

                // 4. Every customer read through the proxy: the card moves into the instance's LRU.
                ctx.log(`size: reading ${range.count} customers through the proxy (at most ${o.fillMaxSeconds} s)`);
                const before = ctx.emulator.stats();
                const t0 = performance.now();
                const reads = await closedLoop(client, {
                    workers: o.fillWorkers,
                    total: range.count,
                    maxMs: o.fillMaxSeconds * 1000,
                    next: (i) => lookupSpec(ctx.emulator.lookupBody(range.start + i))
                });
                const readSeconds = (performance.now() - t0) / 1000;
                const upstream = totalCalls(diffCounts(ctx.emulator.stats(), before), ['ims']);
                let answered = 0;
                let fromCache = 0;
                let bytes = 0;
                for (const r of reads) {
                    if (r.status !== 200) continue;
                    answered++;
                    bytes += Buffer.byteLength(r.body);
                    if (r.body.includes('"fromCache":true')) fromCache++;
                }
                if (answered < range.count)
                    ctx.note(
                        `size: ${answered} of ${range.count} customers were read into the cache within the ${o.fillMaxSeconds} s bound (${round(reads.length / readSeconds, 0)} reads/s)`
                    );
                // Residency: an even sample read once more must be answered from the instance's own memory
                // (proxy_card_cache_total{result="hit"}), not from Redis (shared_hit).
                const resident = await residentSample(ctx, client, proxy.url, range, Math.min(o.residencySample, answered));
                const mem = await proxy.memory();
                return {
                    ...resident,
                    cacheMaxBytes: FILL_CACHE_MAX_BYTES,
                    targetProfiles: range.count,
                    templateCards: templates,
                    replicasWritten: written,
                    readsAnswered: answered,
                    readsFromCache: fromCache,
                    readSeconds: round(readSeconds, 1),
                    upstreamCallsDuringReads: upstream,
                    meanCardBytes: answered ? Math.round(bytes / answered) : 0,
                    rssEmptyBytes: rssEmpty,
                    rssFilledBytes: rssOf(proxy.pid),
                    heapUsedFilledBytes: mem.heapUsed
                };
            } finally {
                await client.close();
            }
        });
    } finally {
        store.disconnect();
    }
}

const FILL_CACHE_MAX_BYTES = 4 * 1024 ** 3;

async function residentSample(
    ctx: BenchContext,
    client: LoadClient,
    url: string,
    range: { start: number; count: number },
    n: number
): Promise<{ residencyChecked: number; residencyMemoryHits: number }> {
    if (n === 0) return { residencyChecked: 0, residencyMemoryHits: 0 };
    const step = range.count / n;
    const before = await cacheResults(url);
    const reads = await closedLoop(client, {
        workers: 8,
        total: n,
        maxMs: 30_000,
        next: (i) => lookupSpec(ctx.emulator.lookupBody(range.start + Math.floor(i * step)))
    });
    const after = await cacheResults(url);
    return { residencyChecked: reads.length, residencyMemoryHits: (after.hit ?? 0) - (before.hit ?? 0) };
}

/** The proxy's card cache counters from its Prometheus endpoint. */
async function cacheResults(url: string): Promise<Record<string, number>> {
    const samples = await metricSamples(url, 'proxy_card_cache_total');
    return Object.fromEntries(samples.map((m) => [m.labels.result ?? '', m.value]));
}
