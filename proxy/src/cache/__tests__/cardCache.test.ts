import type { ProxyConfig } from '../../config';
import type { CardModel } from '../../contract/cardModel';
import { CardCache } from '../cardCache';

const CFG: ProxyConfig['cache'] = {
    ttlMs: 60_000,
    staleTtlMs: 1_800_000,
    partialTtlMs: 10_000,
    maxEntries: 100,
    maxBytes: 1024 * 1024,
    namespaceTtlMs: 3_600_000,
    audienceNameTtlMs: 1_800_000,
    audienceNameNegativeTtlMs: 120_000,
    redisUrl: null,
    redisKeyPrefix: 'cah:'
};

/** Only what the cache reads of a card: the profile id, freshness and the events' status. */
function card(eventsStatus: CardModel['events']['status']): CardModel {
    return {
        profileId: 'A28xQm3kPz0Lr8sVb2NwYt1c',
        events: { status: eventsStatus, reason: eventsStatus === 'error' ? 'TIMEOUT' : null, items: [] },
        freshness: { fetchedAt: '2026-11-20T18:00:00.000Z', fromCache: false, stale: false, staleReason: null }
    } as unknown as CardModel;
}

describe('CardCache', () => {
    let now = 1_000_000;
    const cache = new CardCache(CFG, null, () => now);

    it('keeps a full card fresh for CACHE_TTL_SECONDS', async () => {
        await cache.set('full', { kind: 'card', card: card('available'), fetchedAtMs: now, matchedNamespace: 'Email' });
        now += 59_000;
        expect(cache.getLocal('full')?.fresh).toBe(true);
        now += 2_000;
        // Past the fresh TTL it is only a stale fallback.
        expect(cache.getLocal('full')).toMatchObject({ fresh: false });
    });

    it('keeps a card whose events failed fresh only for the short partial TTL, then still as a stale fallback', async () => {
        const start = now;
        await cache.set('partial', { kind: 'card', card: card('error'), fetchedAtMs: start, matchedNamespace: 'Email' });
        now = start + 9_000;
        expect(cache.getLocal('partial')?.fresh).toBe(true);
        now = start + 11_000;
        expect(cache.getLocal('partial')).toMatchObject({ fresh: false, entry: { kind: 'card', partial: true } });
        expect((await cache.get('partial'))?.fresh).toBe(false);
    });
});
