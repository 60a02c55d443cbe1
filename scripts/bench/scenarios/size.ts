import { Agent } from 'undici';
import { CARD_LIMITS, CARD_MAX_BYTES } from '../../../proxy/src/profile/cardModel';
import type { CapturedCall } from '../children/upstreamCapture';
import { withProxy, type BenchContext } from '../context';
import { closedLoop, loadClient } from '../infra/loadGen';
import { lookupSpec } from '../infra/proxyInstance';
import { rssOf } from '../infra/rss';
import { round } from '../infra/stats';
import type { SizeResult } from '../report/types';

/**
 * Scenario 5: how small the card stays for a huge profile (1,000 events, 200 audiences) against the
 * raw AEP bytes, and the proxy's RSS with its cache filled with many distinct cards.
 */
export async function runSize(ctx: BenchContext, fillRange: { start: number; count: number }): Promise<SizeResult> {
    const heavy = await measureHeavyProfile(ctx);
    const cacheFill = await fillCache(ctx, fillRange);
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
    const res = await agent.request({ origin: c.origin, path: c.path, method: c.method as 'GET' | 'POST', headers: c.headers, body: c.body ?? undefined, headersTimeout: 30_000, bodyTimeout: 30_000 });
    const bytes = (await res.body.arrayBuffer()).byteLength;
    if (res.statusCode >= 300) throw new Error(`raw AEP request answered ${res.statusCode}`);
    return bytes;
}

async function fillCache(ctx: BenchContext, range: { start: number; count: number }): Promise<SizeResult['cacheFill']> {
    const o = ctx.opts.size;
    // Room for every card: the bench measures RSS with the whole set cached, not the eviction policy.
    const env = { AEP_MAX_RPS: '100000', CACHE_TTL_SECONDS: '3600', CACHE_STALE_TTL_SECONDS: '3600', CACHE_MAX_ENTRIES: String(Math.max(range.count, 1)) };
    return withProxy(ctx, 'cache-fill', env, async (proxy) => {
        await proxy.memory(); // runs a GC in the child so "empty" is not inflated by start-up garbage
        const rssEmpty = rssOf(proxy.pid);
        const client = loadClient(proxy.url, { connections: o.fillWorkers, timeoutMs: 15_000 });
        ctx.log(`size: filling the cache with ${range.count} profiles (${o.fillWorkers} agents, at most ${o.fillMaxSeconds} s)`);
        const t0 = performance.now();
        let bytes = 0;
        let ok = 0;
        try {
            const samples = await closedLoop(client, { workers: o.fillWorkers, total: range.count, maxMs: o.fillMaxSeconds * 1000, next: (i) => lookupSpec(ctx.emulator.lookupBody(range.start + i)) });
            for (const s of samples) {
                if (s.status !== 200) continue;
                ok++;
                bytes += Buffer.byteLength(s.body);
            }
        } finally {
            await client.close();
        }
        const fillSeconds = (performance.now() - t0) / 1000;
        if (ok < range.count) ctx.note(`size: ${ok} of ${range.count} profiles were cached within the ${o.fillMaxSeconds} s bound (${round(ok / fillSeconds, 0)} cold look-ups/s)`);
        // Proof the cards are held: re-read an even sample; each must be a cache hit with no upstream call.
        const sample = await verifyCached(ctx, proxy.url, range, ok);
        const mem = await proxy.memory();
        return {
            ...sample,
            targetProfiles: range.count,
            filledProfiles: ok,
            fillSeconds: round(fillSeconds, 1),
            meanCardBytes: ok ? Math.round(bytes / ok) : 0,
            rssEmptyBytes: rssEmpty,
            rssFilledBytes: rssOf(proxy.pid),
            heapUsedFilledBytes: mem.heapUsed
        };
    });
}

async function verifyCached(ctx: BenchContext, url: string, range: { start: number; count: number }, filled: number): Promise<{ sampleChecked: number; sampleFromCache: number }> {
    const n = Math.min(100, filled);
    if (n === 0) return { sampleChecked: 0, sampleFromCache: 0 };
    const client = loadClient(url, { connections: 4, timeoutMs: 15_000 });
    try {
        const step = Math.max(1, Math.floor(filled / n));
        const samples = await closedLoop(client, { workers: 4, total: n, maxMs: 20_000, next: (i) => lookupSpec(ctx.emulator.lookupBody(range.start + i * step)) });
        const fromCache = samples.filter((s) => s.status === 200 && (JSON.parse(s.body) as { freshness?: { fromCache?: boolean } }).freshness?.fromCache === true).length;
        return { sampleChecked: samples.length, sampleFromCache: fromCache };
    } finally {
        await client.close();
    }
}
