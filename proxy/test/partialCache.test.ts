import { json, RECORDS, startHarness, type Harness } from './support/harness';

/**
 * A card whose events failed this time is cached only for CACHE_PARTIAL_TTL_SECONDS (here 1 s), so the next look-up
 * after that short interval tries the events again; a full card stays cached for CACHE_TTL_SECONDS.
 */
describe('caching of a card without its events', () => {
    let h: Harness;
    beforeAll(async () => {
        h = await startHarness({ env: { CACHE_TTL_SECONDS: '60', CACHE_PARTIAL_TTL_SECONDS: '1' } });
    });
    afterAll(async () => {
        await h.close();
    });

    it('serves the partial card from cache only for the partial TTL, then looks the events up again', async () => {
        h.emulator.faults.set({ group: 'events', action: { type: 'status', status: 500 } });
        const first = json(await h.lookup({ record: RECORDS.kenjiLead, refresh: true }));
        expect(first.events.status).toBe('error');
        h.emulator.faults.clear();

        const cached = json(await h.lookup({ record: RECORDS.kenjiLead }));
        expect(cached.freshness.fromCache).toBe(true);
        expect(cached.events.status).toBe('error');

        await new Promise((resolve) => setTimeout(resolve, 1100));
        h.emulator.resetStats();
        const again = json(await h.lookup({ record: RECORDS.kenjiLead }));
        expect(again.freshness.fromCache).toBe(false);
        expect(again.events.status).toBe('available');
        expect(h.emulator.stats().byGroup.events).toBe(1);
    });

    it('keeps a full card cached past the partial TTL', async () => {
        await h.lookup({ record: RECORDS.janeByEmail, refresh: true });
        await new Promise((resolve) => setTimeout(resolve, 1100));
        h.emulator.resetStats();
        const res = json(await h.lookup({ record: RECORDS.janeByEmail }));
        expect(res.freshness.fromCache).toBe(true);
        expect(h.emulator.stats().total).toBe(0);
    });
});
