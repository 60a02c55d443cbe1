import { CardModel } from '../src/contract/cardModel';
import { CAMPAIGN, MESSAGE } from '../emulator/src/seed';
import { json, RECORDS, startHarness, type Harness } from './support/harness';

describe('profile look-up against the AEP emulator', () => {
    let h: Harness;
    beforeAll(async () => {
        h = await startHarness();
    });
    afterAll(async () => {
        await h.close();
    });
    beforeEach(() => {
        h.emulator.faults.clear();
        h.emulator.resetStats();
    });

    it('returns the card model for Jane by email, matched on the email', async () => {
        const res = await h.lookup({ record: RECORDS.janeByEmail, refresh: true });
        expect(res.statusCode).toBe(200);
        expect(res.headers['x-request-id']).toBeTruthy();
        const card = CardModel.parse(json(res));
        expect(card.person.displayName).toBe('Jane Doe');
        expect(card.match).toMatchObject({ field: 'Email', namespace: 'Email', selectedBy: 'priority', ambiguous: false });
        expect(card.match.maskedValue).not.toContain('jane.doe');
        expect(card.lifetimeValue?.value).toEqual({ amount: 12480.5, currency: 'USD' });
        expect(card.scores.find((s) => s.key === 'churn')?.level).toBe('high');
        expect(card.audiences.filter((a) => a.nameResolved).length).toBeGreaterThanOrEqual(3);
        expect(card.events.status).toBe('available');
        expect(card.events.items.length).toBeGreaterThan(0);
        expect(card.computedAttributes.length).toBeGreaterThan(0);
        expect(card.mergePolicy.id).toBe('7b0e1f2c-3d4e-4f50-8a6b-9c8d7e6f5a41');
        expect(card.freshness).toMatchObject({ fromCache: false, stale: false });
    });

    it('lists the campaigns that reached Jane by name and channel, newest first, and how AEP evaluates each audience', async () => {
        const res = await h.lookup({ record: RECORDS.janeByEmail, refresh: true, maxEvents: 15 });
        const card = CardModel.parse(json(res));
        // Journey Optimizer's events carry IDs; the names come from the proxy's campaign names (the demo org's by default).
        expect(card.campaigns.map((c) => [c.name, c.channel])).toEqual([
            ['Fall loyalty double points', 'email'],
            ['Phone 16 launch', 'email'],
            ['5G upgrade journey', 'email'],
            ['Spring device upgrade', 'email']
        ]);
        expect(card.campaigns[0]).toMatchObject({ kind: 'campaign', reached: 'converted', counts: { sent: 1, opened: 1, clicked: 1 } });
        // The journey's email was clicked after its SMS was delivered: the line names the furthest step's channel.
        expect(card.campaigns[2]).toMatchObject({ kind: 'journey', reached: 'converted' });
        expect(card.campaigns[3]).toMatchObject({ reached: 'clicked', audience: 'Spring upgrade campaign – targeted' });
        const body = JSON.stringify(card);
        for (const message of Object.values(MESSAGE)) expect(body).not.toContain(message.messageId);
        expect(card.events.items.find((e) => e.eventType === 'message.tracking')).toMatchObject({
            message: { channel: 'email', action: 'clicked' },
            title: 'Fall loyalty double points'
        });
        const byName = new Map(card.audiences.map((a) => [a.name, a.evaluation]));
        expect(byName.get('Gold loyalty members')).toBe('batch');
        expect(byName.get('Email engaged – last 30 days')).toBe('streaming');
    });

    it('names every demo campaign and journey of the emulator in its default shaping', () => {
        expect(Object.keys(h.config.shaping.campaigns.names).sort()).toEqual(Object.values(CAMPAIGN).sort());
    });

    it('makes one multi-entity call for all candidates, in parallel with the events call', async () => {
        const res = await h.lookup({ record: RECORDS.janeContact, refresh: true });
        expect(res.statusCode).toBe(200);
        const card = json(res);
        // CRMID has the highest priority and Jane's CRM id is her Contact id.
        expect(card.match).toMatchObject({ field: 'Id', namespace: 'CRMID' });
        const stats = h.emulator.stats();
        expect(stats.byGroup.entities).toBe(1);
        expect(stats.byGroup.events).toBe(1);
    });

    it('serves the second identical look-up from the cache without calling AEP', async () => {
        const first = await h.lookup({ record: RECORDS.kenjiLead, maxEvents: 4 });
        // The time spent in AEP, for the relay and the browser; a hit spends none and says nothing.
        expect(first.headers['server-timing']).toMatch(/^aep;dur=\d+(\.\d)?;desc="AEP round"$/);
        h.emulator.resetStats();
        const res = await h.lookup({ record: RECORDS.kenjiLead, maxEvents: 4 });
        expect(res.statusCode).toBe(200);
        expect(json(res).freshness.fromCache).toBe(true);
        expect(h.emulator.stats().total).toBe(0);
        expect(res.headers['server-timing']).toBeUndefined();
    });

    it('answers the household phone with the one collapsed profile AEP merged, flagged as two people', async () => {
        const res = await h.lookup({ record: RECORDS.householdCase });
        expect(res.statusCode).toBe(200);
        const card = json(res);
        expect(card.match).toMatchObject({ field: 'SuppliedPhone', namespace: 'Phone', ambiguous: false });
        expect(card.match.collapse).toEqual({
            namespace: 'CRMID',
            people: 2,
            ids: [
                { maskedValue: '0038c00002RivrSAAR', thisRecord: false },
                { maskedValue: '0038c00002RivrAAAR', thisRecord: false }
            ]
        });
        // The events came for the merged profile.
        expect(card.events.status).toBe('available');
    });

    it('refuses a profileId the record does not reach', async () => {
        const res = await h.lookup({ record: RECORDS.householdCase, profileId: 'ACZfRhfmOgfiWi-ylbPyGz-A' });
        expect(res.statusCode).toBe(400);
        expect(json(res).error.code).toBe('INVALID_REQUEST');
    });

    it('leaves identities that disagree to the agent: the email finds Jane, the phone the (collapsed) Riveras -> 409, then the pick', async () => {
        const record = {
            objectApiName: 'Contact' as const,
            recordId: '0038c00002JaneDAAR',
            fields: { Email: 'jane.doe@example.com', Phone: '+1 415 555 0188' }
        };
        const res = await h.lookup({ record });
        expect(res.statusCode).toBe(409);
        const { error } = json(res);
        expect(error.code).toBe('AMBIGUOUS_PROFILE');
        const candidates = error.details.candidates as { profileId: string; displayName: string; field: string }[];
        expect(candidates.map((c) => [c.displayName, c.field])).toEqual([
            ['Jane Doe', 'Email'],
            ['Sam Rivera', 'Phone']
        ]);
        expect(error.details.identitiesTried.map((t: { field: string; outcome: string }) => `${t.field}:${t.outcome}`)).toEqual([
            'Email:matched',
            'Phone:matched'
        ]);

        const picked = await h.lookup({ record, profileId: candidates[0]!.profileId });
        expect(picked.statusCode).toBe(200);
        const card = json(picked);
        expect(card.person.displayName).toBe('Jane Doe');
        expect(card.match).toMatchObject({ selectedBy: 'agent', ambiguous: true, ambiguityReason: 'IDENTITIES_DISAGREE', field: 'Email' });
        expect(card.match.alternatives.map((a: { displayName: string }) => a.displayName)).toEqual(['Sam Rivera']);
        expect(card.match.collapse).toBeNull();
    });

    it('answers an unknown email with 404 and the identities tried (masked)', async () => {
        const res = await h.lookup({ record: RECORDS.unknownLead });
        expect(res.statusCode).toBe(404);
        const body = json(res);
        expect(body.error.code).toBe('PROFILE_NOT_FOUND');
        expect(body.error.details.identitiesTried).toEqual([
            { field: 'Email', namespace: 'Email', maskedValue: expect.any(String), outcome: 'not_found' }
        ]);
        expect(res.body).not.toContain('unknown.person@example.com');
    });

    it('reports a graph over the 50-identity guardrail as that (422 IDENTITY_GRAPH_TOO_LARGE), not as no profile', async () => {
        const res = await h.lookup({ record: RECORDS.garyContact });
        expect(res.statusCode).toBe(422);
        const body = json(res);
        expect(body.error.code).toBe('IDENTITY_GRAPH_TOO_LARGE');
        expect(body.error.details.reason).toBe('TOO_MANY_RELATED_IDENTITIES');
        expect(body.error.details.identitiesTried[0].outcome).toBe('error');
    });

    it('still finds the other identity when one identity of the record hits the guardrail', async () => {
        const res = await h.lookup({
            record: {
                objectApiName: 'Lead',
                recordId: '00Q8c00000GaryXEAD',
                fields: { Email: 'graph.heavy@example.com', Phone: '+14155550142' }
            }
        });
        expect(res.statusCode).toBe(200);
        const card = json(res);
        expect(card.person.displayName).toBe('Maria Lopez');
        expect(card.match.identitiesTried.map((t: { outcome: string }) => t.outcome)).toEqual(['error', 'matched']);
    });

    it('looks up a Case through its contact fields', async () => {
        const res = await h.lookup({ record: RECORDS.janeCase });
        expect(res.statusCode).toBe(200);
        expect(json(res).match).toMatchObject({ field: 'Contact.Id', namespace: 'CRMID' });
    });

    it('answers a record without a usable identity with 422 NO_IDENTITY', async () => {
        const res = await h.lookup({
            record: {
                objectApiName: 'Contact',
                recordId: '0038c00002NoIdsAAA',
                fields: { Email: 'not-an-email', Phone: null, Title: 'CEO' }
            }
        });
        expect(res.statusCode).toBe(422);
        const body = json(res);
        expect(body.error.code).toBe('NO_IDENTITY');
        expect(body.error.details.identitiesTried).toEqual([expect.objectContaining({ field: 'Email', outcome: 'skipped' })]);
        expect(h.emulator.stats().byGroup.entities ?? 0).toBe(0);
    });

    it('skips the events call when 0 events are requested', async () => {
        const res = await h.lookup({ record: RECORDS.kenjiLead, maxEvents: 0, refresh: true });
        expect(res.statusCode).toBe(200);
        expect(json(res).events).toEqual({ status: 'disabled', reason: 'NOT_REQUESTED', items: [] });
        expect(h.emulator.stats().byGroup.events ?? 0).toBe(0);
    });

    it('leaves birth date, gender and home address out unless the look-up asks for them', async () => {
        const minimised = CardModel.parse(json(await h.lookup({ record: RECORDS.janeContact, refresh: true })));
        expect(minimised.person).toMatchObject({ displayName: 'Jane Doe', birthDate: null, gender: null });
        expect(minimised.contactPoints.address).toBeNull();
        // The rest of the card is the same.
        expect(minimised.contactPoints.emails.length).toBeGreaterThan(0);

        const full = CardModel.parse(json(await h.lookup({ record: RECORDS.janeContact, refresh: true, includeSensitive: true })));
        expect(full.person.birthDate).toBe('1985-07-22');
        expect(full.person.gender).not.toBeNull();
        expect(full.contactPoints.address).not.toBeNull();
    });

    it('keeps cards with and without the sensitive fields apart in the cache', async () => {
        // maxEvents 3: a key no other test of this harness uses.
        await h.lookup({ record: RECORDS.kenjiLead, maxEvents: 3, includeSensitive: true, refresh: true });
        h.emulator.resetStats();
        const minimised = json(await h.lookup({ record: RECORDS.kenjiLead, maxEvents: 3 }));
        // Not served from the full card's cache entry: a separate key, a separate AEP round.
        expect(minimised.freshness.fromCache).toBe(false);
        expect(minimised.person.birthDate).toBeNull();
        expect(h.emulator.stats().byGroup.entities).toBe(1);
        const again = json(await h.lookup({ record: RECORDS.kenjiLead, maxEvents: 3, includeSensitive: true }));
        expect(again.freshness.fromCache).toBe(true);
    });

    it('refuses an includeSensitive that is not a boolean', async () => {
        const res = await h.lookup({ record: RECORDS.janeContact, includeSensitive: 'yes' });
        expect(res.statusCode).toBe(400);
        expect(json(res).error.message).toMatch(/includeSensitive/);
    });

    it('writes an audit line with agent, record, outcome and namespace but no identity values', async () => {
        h.logs.length = 0;
        await h.lookup({ record: RECORDS.janeByEmail, refresh: true }, { 'x-request-id': 'audit-check-1' });
        const audit = h.logs.map((l) => JSON.parse(l)).find((l) => l.audit === true && l.requestId === 'audit-check-1');
        expect(audit).toMatchObject({
            agentId: '0058c00000AgentAAA',
            objectType: 'Contact',
            recordId: '0038c00002JaneDAAR',
            outcome: 'OK',
            matchedNamespace: 'Email'
        });
        const all = h.logs.join('\n');
        expect(all).not.toMatch(/jane\.doe@example\.com/i);
        expect(all).not.toContain('4155550123');
        expect(all).not.toContain('integration-test-proxy-key');
    });
});

describe.each([403, 422] as const)('an Ultimate org whose event look-up is off, refused with %i', (refusalStatus) => {
    let h: Harness;
    beforeAll(async () => {
        h = await startHarness({ emulator: { eventLookup: { primary: { enabled: false, refusalStatus } } } });
    });
    afterAll(async () => {
        await h.close();
    });

    it('returns the card with the events section unavailable', async () => {
        const res = await h.lookup({ record: RECORDS.janeByEmail });
        expect(res.statusCode).toBe(200);
        const card = json(res);
        expect(card.person.displayName).toBe('Jane Doe');
        expect(card.events).toEqual({ status: 'unavailable', reason: 'EDITION_GATED', items: [] });
        expect(card.mergePolicy.id).toBe(h.emulator.orgs.primary.defaultMergePolicyId);
    });
});

describe('first look-ups of a fresh proxy', () => {
    let h: Harness;
    beforeAll(async () => {
        h = await startHarness();
    });
    afterAll(async () => {
        await h.close();
    });

    it('share one merge-policy request while the default policy is being resolved', async () => {
        const answers = await Promise.all(Array.from({ length: 10 }, () => h.lookup({ record: RECORDS.janeByEmail })));
        expect(answers.map((r) => r.statusCode)).toEqual(Array(10).fill(200));
        expect(h.upstream.filter((r) => r.url.includes('/data/core/ups/config/mergePolicies'))).toHaveLength(1);
    });
});
