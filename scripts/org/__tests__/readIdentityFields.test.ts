import type { Connection } from 'jsforce';
import { LookupRequest } from '../../../proxy/src/contract/lookupRequest';
import { createConnection } from '../connection';
import { identityQuery, readIdentityFields, RecordReadError } from '../readIdentityFields';
import { soqlString } from '../soql';
import { startFakeOrg, type FakeOrg } from './fakeOrg';

let org: FakeOrg;
let conn: Connection;
let jane: string;
let householdCase: string;
let janeCase: string;
let kenji: string;

beforeAll(async () => {
    org = await startFakeOrg();
    conn = await createConnection({ SF_INSTANCE_URL: org.instanceUrl, SF_ACCESS_TOKEN: org.accessToken });
    jane = org.insert('Contact', { FirstName: 'Jane', LastName: 'Doe', Email: 'jane.doe@example.com', Phone: '(415) 555-0123' });
    janeCase = org.insert('Case', { Subject: 'Order', ContactId: jane, SuppliedEmail: null });
    householdCase = org.insert('Case', { Subject: 'Household', SuppliedPhone: '(415) 555-0188' });
    kenji = org.insert('Lead', {
        FirstName: 'Kenji',
        LastName: 'Sato',
        Company: 'Sato Trading',
        Email: 'kenji.sato@example.com',
        Phone: '+81 90-1234-5678'
    });
});

afterAll(() => org.close());

beforeEach(() => {
    org.queries.length = 0;
});

describe('soqlString', () => {
    it('escapes quotes, backslashes and control characters', () => {
        expect(soqlString('O\'Brien \\ "x"\n')).toBe("'O\\'Brien \\\\ \\\"x\\\"\\n'");
    });
});

describe('readIdentityFields', () => {
    it('reads a Contact with the Apex default fields and returns a valid LookupRequest record', async () => {
        const record = await readIdentityFields(conn, jane);

        expect(org.queries).toEqual([
            { api: 'data', soql: `SELECT Email, Phone, MobilePhone, Id FROM Contact WHERE Id = '${jane}' LIMIT 1` }
        ]);
        expect(record).toEqual({
            objectApiName: 'Contact',
            recordId: jane,
            fields: { Email: 'jane.doe@example.com', Phone: '(415) 555-0123', MobilePhone: null, Id: jane }
        });
        expect(LookupRequest.parse({ record }).record).toEqual(record);
    });

    it('accepts the 15-character Id and answers with the 18-character one', async () => {
        const record = await readIdentityFields(conn, jane.slice(0, 15));
        expect(org.queries[0]!.soql).toContain(`WHERE Id = '${jane.slice(0, 15)}'`);
        expect(record.recordId).toBe(jane);
    });

    it('reads a Lead without Id among the identity fields', async () => {
        const record = await readIdentityFields(conn, kenji);
        expect(org.queries[0]!.soql).toBe(`SELECT Id, Email, Phone, MobilePhone FROM Lead WHERE Id = '${kenji}' LIMIT 1`);
        expect(record).toEqual({
            objectApiName: 'Lead',
            recordId: kenji,
            fields: { Email: 'kenji.sato@example.com', Phone: '+81 90-1234-5678', MobilePhone: null }
        });
    });

    it('reads a Case with its contact through relationship fields', async () => {
        const record = await readIdentityFields(conn, janeCase);
        expect(org.queries[0]!.soql).toBe(
            `SELECT Id, SuppliedEmail, SuppliedPhone, Contact.Email, Contact.Phone, Contact.MobilePhone, Contact.Id FROM Case WHERE Id = '${janeCase}' LIMIT 1`
        );
        expect(record.fields).toEqual({
            SuppliedEmail: null,
            SuppliedPhone: null,
            'Contact.Email': 'jane.doe@example.com',
            'Contact.Phone': '(415) 555-0123',
            'Contact.MobilePhone': null,
            'Contact.Id': jane
        });
        expect(LookupRequest.safeParse({ record }).success).toBe(true);
    });

    it('reads a Case without a contact: its supplied phone, contact fields null', async () => {
        const record = await readIdentityFields(conn, householdCase);
        expect(record).toEqual({
            objectApiName: 'Case',
            recordId: householdCase,
            fields: {
                SuppliedEmail: null,
                SuppliedPhone: '(415) 555-0188',
                'Contact.Email': null,
                'Contact.Phone': null,
                'Contact.MobilePhone': null,
                'Contact.Id': null
            }
        });
    });

    it.each([["003' OR Name != '"], ['0038c00002JaneD\\'], [''], ['0038c00002JaneDAARX']])(
        'rejects %j before any query is sent',
        async (bad) => {
            await expect(readIdentityFields(conn, bad)).rejects.toThrow(/recordId must be a 15 or 18 character Salesforce Id/);
            expect(org.queries).toHaveLength(0);
            expect(() => identityQuery('Contact', bad)).toThrow(RecordReadError);
        }
    );

    it('falls back to describeGlobal for other key prefixes and names unsupported objects', async () => {
        await expect(readIdentityFields(conn, '0068c00000OpptyAAA')).rejects.toThrow(
            'Record 0068c00000OpptyAAA is a Opportunity; the profile card reads Contact, Lead and Case records'
        );
        await expect(readIdentityFields(conn, 'a018c00000CustmAAA')).rejects.toThrow(/is a Invoice__c/);
        await expect(readIdentityFields(conn, 'zzz8c00000NopeXAAA')).rejects.toThrow('No object in this org has the key prefix zzz');
        expect(org.requests.some((r) => /\/sobjects$/.test(r.path.split('?')[0]!))).toBe(true);
    });

    it('reports a record that is missing or not shared', async () => {
        await expect(readIdentityFields(conn, '0038c00000MissingAA')).rejects.toThrow(/recordId must be/);
        await expect(readIdentityFields(conn, '0038c00000Missi')).rejects.toThrow(
            'Contact 0038c00000Missi was not found or is not shared with the API user'
        );
    });

    it('refuses values the proxy would reject, without echoing them', async () => {
        const bad = org.insert('Contact', { LastName: 'Bad', Email: 'evil\u0007@example.com' });
        const error = (await readIdentityFields(conn, bad).catch((e: unknown) => e)) as Error;
        expect(error).toBeInstanceOf(RecordReadError);
        expect(error.message).toMatch(/record\.fields\.Email: identity field values must not contain control characters/);
        expect(error.message).not.toContain('evil');
    });
});
