import { json, RECORDS, startHarness, type Harness } from './support/harness';

/** Contacts whose Salesforce Id is no AEP identity (no CRMID in the graph): the profile is found by Email. */
const contact = (suffix: string, email: string) => ({
    objectApiName: 'Contact',
    recordId: `0038c00002NoCr${suffix}`,
    fields: { Id: `0038c00002NoCr${suffix}`, Email: email }
});

/** The events calls of a look-up (multi-entity POSTs for ExperienceEvents) and the namespace each asked by. */
const eventCalls = (h: Harness, requestId: string): string[] =>
    h.upstream
        .filter((r) => r.headers['x-request-id'] === requestId && String(r.body).includes('_xdm.context.experienceevent'))
        .map((r) => JSON.parse(String(r.body)).identities[0].entityIdNS.code);

describe('events in the same round as the profile', () => {
    let h: Harness;
    beforeAll(async () => {
        h = await startHarness();
    });
    afterAll(async () => {
        await h.close();
    });

    it('asks for events by the identity that matched for records of the same shape, saving the second round', async () => {
        // First Contact of its shape: events asked by CRMID (the top candidate), the profile found by Email, so a second
        // events call follows for the Email.
        const first = await h.lookup({ record: contact('A', 'jane.doe@example.com') }, { 'x-request-id': 'round-1' });
        expect(first.statusCode).toBe(200);
        expect(json(first).match.namespace).toBe('Email');
        const firstEvents = eventCalls(h, 'round-1');
        expect(firstEvents).toEqual(['CRMID', 'Email']);

        // The next Contact of that shape: events asked by Email at once, one call, the same events as a fresh answer.
        const second = await h.lookup({ record: contact('B', 'kenji.sato@example.com') }, { 'x-request-id': 'round-2' });
        expect(second.statusCode).toBe(200);
        const secondEvents = eventCalls(h, 'round-2');
        expect(secondEvents).toEqual(['Email']);
        const direct = json(await h.lookup({ record: RECORDS.kenjiLead, refresh: true }, { 'x-request-id': 'round-3' }));
        expect(json(second).events).toEqual(direct.events);
    });

    it('still fetches events for the identity that matched when the guess is wrong', async () => {
        // A Contact of this shape matched by Email (whatever ran before), so events are asked by Email first.
        expect((await h.lookup({ record: contact('C', 'jane.doe@example.com') }, { 'x-request-id': 'round-4a' })).statusCode).toBe(200);
        // Same shape, but this Contact's Id is a CRMID in AEP while its Email is unknown there.
        const jane = { ...RECORDS.janeContact, fields: { Id: RECORDS.janeContact.recordId, Email: 'nobody.known@example.com' } };
        const res = await h.lookup({ record: jane }, { 'x-request-id': 'round-4' });
        expect(res.statusCode).toBe(200);
        expect(json(res).match.namespace).toBe('CRMID');
        const calls = eventCalls(h, 'round-4');
        expect(calls).toEqual(['Email', 'CRMID']);
        expect(json(res).events.items.length).toBeGreaterThan(0);
    });
});
