import type { Connection } from 'jsforce';
import { createConnection } from '../../org/connection';
import { seedDemoOrg } from '../../org/seedDemoOrg';
import { startFakeOrg, type FakeOrg } from '../../org/__tests__/fakeOrg';
import { orgRecordSource } from '../apex/recordSource';

/**
 * With SF_* credentials the Apex stand-in reads identity fields from the org (jsforce, scripts/org). No org is
 * reachable here, so this runs against the org helper's local fake REST API, seeded by the real seeder.
 */

let org: FakeOrg;
let conn: Connection;

beforeAll(async () => {
    org = await startFakeOrg();
    conn = await createConnection({ SF_INSTANCE_URL: org.instanceUrl, SF_ACCESS_TOKEN: org.accessToken });
    await seedDemoOrg(conn);
});

afterAll(() => org.close());

describe('orgRecordSource', () => {
    it("maps the preview's demo Ids to the seeded org records and reads their identity fields", async () => {
        const source = await orgRecordSource(conn);
        expect(source.kind).toBe('org');

        const jane = await source.read('0038c00002JaneDAAR');
        expect(jane?.objectApiName).toBe('Contact');
        // The org's own Id, not the preview's.
        expect(jane?.recordId).not.toBe('0038c00002JaneDAAR');
        expect(jane?.fields).toMatchObject({ Email: 'jane.doe@example.com', Phone: '(415) 555-0123', Id: jane?.recordId });

        const household = await source.read('5008c00001CsHouAAF');
        expect(household?.objectApiName).toBe('Case');
        expect(household?.fields).toMatchObject({ SuppliedPhone: '(415) 555-0188' });
    });

    it('answers null (NO_ACCESS in the relay) for a record the API user cannot read', async () => {
        const source = await orgRecordSource(conn);
        await expect(source.read('0038c00002NobdyAAA')).resolves.toBeNull();
    });
});
