import type { Connection } from 'jsforce';
import { soqlStringList } from './soql';

/**
 * The demo Contacts, Leads and Cases: the AEP emulator's seed people as CRM records (same values
 * as the preview's local data set, scripts/preview/crm/records.json).
 *
 * Demo key: every record carries `[customer-activity-hub demo: <key>]` in its Description. Description
 * is a long text area, which SOQL cannot filter on, so records are found by a filterable natural
 * key (Email for people, Name for the account, Subject for cases) and then kept only when the
 * marker is there. Records that merely share an email are never touched.
 */

export type DemoObject = 'Account' | 'Contact' | 'Lead' | 'Case';

export interface DemoRecord {
    /** Stable demo key, also written into Description. */
    key: string;
    sobject: DemoObject;
    /** Filterable field + value used to find the record again. */
    match: { field: 'Name' | 'Email' | 'Subject'; value: string };
    /** Field values written on create and restored on update (Description is added from the key). */
    fields: Readonly<Record<string, string>>;
    /** Lookup fields pointing at other demo records: field -> demo key (created first). */
    references?: Readonly<Record<string, string>>;
    /** The Id this record has in the preview's local data / emulator seed, when it has one. */
    previewId?: string;
    /** How the AEP seed person's CRMID relates to this record. */
    crmId?: { emulatorValue: string; equalsRecordId: boolean };
}

const MARKER_PREFIX = '[customer-activity-hub demo: ';

export function demoMarker(key: string): string {
    return `${MARKER_PREFIX}${key}]`;
}

export function demoDescription(record: DemoRecord): string {
    return `${demoMarker(record.key)} Demo record for the Customer Activity Hub profile card; matches a seed person of the AEP emulator. Safe to delete.`;
}

export function hasDemoMarker(description: unknown, key: string): boolean {
    return typeof description === 'string' && description.includes(demoMarker(key));
}

const ACCOUNT = 'account-demo-customers';

export const DEMO_RECORDS: readonly DemoRecord[] = [
    {
        key: ACCOUNT,
        sobject: 'Account',
        match: { field: 'Name', value: 'Customer Activity Hub Demo Customers' },
        // Contacts without an account are private to their owner; the account lets agents see them.
        fields: { Name: 'Customer Activity Hub Demo Customers' }
    },
    {
        key: 'contact-jane-doe',
        sobject: 'Contact',
        match: { field: 'Email', value: 'jane.doe@example.com' },
        fields: { FirstName: 'Jane', LastName: 'Doe', Email: 'jane.doe@example.com', Phone: '(415) 555-0123' },
        references: { AccountId: ACCOUNT },
        previewId: '0038c00002JaneDAAR',
        crmId: { emulatorValue: '0038c00002JaneDAAR', equalsRecordId: true }
    },
    {
        key: 'contact-sam-rivera',
        sobject: 'Contact',
        match: { field: 'Email', value: 'sam.rivera@example.com' },
        fields: { FirstName: 'Sam', LastName: 'Rivera', Email: 'sam.rivera@example.com', Phone: '(415) 555-0188' },
        references: { AccountId: ACCOUNT },
        previewId: '0038c00002RivrSAAR',
        crmId: { emulatorValue: '0038c00002RivrSAAR', equalsRecordId: true }
    },
    {
        key: 'contact-alex-rivera',
        sobject: 'Contact',
        match: { field: 'Email', value: 'alex.rivera@example.com' },
        fields: { FirstName: 'Alex', LastName: 'Rivera', Email: 'alex.rivera@example.com', Phone: '(415) 555-0188' },
        references: { AccountId: ACCOUNT },
        previewId: '0038c00002RivrAAAR',
        crmId: { emulatorValue: '0038c00002RivrAAAR', equalsRecordId: true }
    },
    {
        key: 'contact-maria-lopez',
        sobject: 'Contact',
        match: { field: 'Email', value: 'maria.lopez@example.com' },
        fields: { FirstName: 'Maria', LastName: 'Lopez', Email: 'maria.lopez@example.com', Phone: '(415) 555-0142' },
        references: { AccountId: ACCOUNT },
        previewId: '0038c00002MLopzAAD',
        crmId: { emulatorValue: 'CUST-7781203', equalsRecordId: false }
    },
    {
        key: 'lead-kenji-sato',
        sobject: 'Lead',
        match: { field: 'Email', value: 'kenji.sato@example.com' },
        fields: {
            FirstName: 'Kenji',
            LastName: 'Sato',
            Company: 'Sato Trading',
            Email: 'kenji.sato@example.com',
            Phone: '+81 90-1234-5678'
        },
        previewId: '00Q8c00000KSatoEAD'
    },
    {
        key: 'contact-gary-graph',
        sobject: 'Contact',
        match: { field: 'Email', value: 'graph.heavy@example.com' },
        fields: { FirstName: 'Gary', LastName: 'Graph', Email: 'graph.heavy@example.com' },
        references: { AccountId: ACCOUNT },
        previewId: '0038c00002GaryGAAR'
    },
    {
        // AEP stored her web-form identities as typed: the mixed-case email, the phone without country code.
        key: 'lead-olivia-brandt',
        sobject: 'Lead',
        match: { field: 'Email', value: 'Olivia.Brandt@Example.com' },
        fields: {
            FirstName: 'Olivia',
            LastName: 'Brandt',
            Company: 'Brandt Design Studio',
            Email: 'Olivia.Brandt@Example.com',
            Phone: '(415) 555-0177'
        },
        previewId: '00Q8c00000OBrndEAD'
    },
    {
        key: 'lead-unknown-person',
        sobject: 'Lead',
        match: { field: 'Email', value: 'unknown.person@example.com' },
        fields: { FirstName: 'Unknown', LastName: 'Person', Company: 'Unknown', Email: 'unknown.person@example.com' },
        previewId: '00Q8c00000UnKnwEAF'
    },
    {
        key: 'case-jane-doe',
        sobject: 'Case',
        match: { field: 'Subject', value: 'Demo: Jane Doe asks about her latest order' },
        fields: { Subject: 'Demo: Jane Doe asks about her latest order', Status: 'New', Origin: 'Phone' },
        references: { ContactId: 'contact-jane-doe' },
        previewId: '5008c00001CsJanAAF'
    },
    {
        key: 'case-household-phone',
        sobject: 'Case',
        match: { field: 'Subject', value: 'Demo: call from the Rivera household phone' },
        fields: { Subject: 'Demo: call from the Rivera household phone', Status: 'New', Origin: 'Phone', SuppliedPhone: '(415) 555-0188' },
        previewId: '5008c00001CsHouAAF'
    },
    {
        key: 'case-unknown-email',
        sobject: 'Case',
        match: { field: 'Subject', value: 'Demo: email from an unknown sender' },
        fields: {
            Subject: 'Demo: email from an unknown sender',
            Status: 'New',
            Origin: 'Email',
            SuppliedEmail: 'unknown.person@example.com'
        },
        previewId: '5008c00001CsUnkAAF'
    }
];

export function demoRecord(key: string): DemoRecord {
    const found = DEMO_RECORDS.find((r) => r.key === key);
    if (!found) throw new Error(`Unknown demo key "${key}". Known keys: ${DEMO_RECORDS.map((r) => r.key).join(', ')}`);
    return found;
}

/** Every field the seeder writes or compares for an object, Id and Description included. */
function fieldsOf(sobject: DemoObject, records: readonly DemoRecord[]): string[] {
    const names = new Set<string>(['Id', 'Description']);
    for (const r of records.filter((d) => d.sobject === sobject)) {
        names.add(r.match.field);
        Object.keys(r.fields).forEach((f) => names.add(f));
        Object.keys(r.references ?? {}).forEach((f) => names.add(f));
    }
    return [...names];
}

export type ExistingRow = Record<string, unknown> & { Id: string };

/** Marked demo records already in the org, per demo key (oldest first when duplicated). */
export async function findDemoRecords(
    conn: Connection,
    records: readonly DemoRecord[] = DEMO_RECORDS
): Promise<Map<string, { rows: ExistingRow[]; unmarked: number }>> {
    const found = new Map<string, { rows: ExistingRow[]; unmarked: number }>();
    const groups = [...new Set(records.map((r) => `${r.sobject}.${r.match.field}`))];
    for (const group of groups) {
        const wanted = records.filter((r) => `${r.sobject}.${r.match.field}` === group);
        const [sobject, matchField] = group.split('.') as [DemoObject, string];
        const soql =
            `SELECT ${fieldsOf(sobject, records).join(', ')} FROM ${sobject} ` +
            `WHERE ${matchField} IN ${soqlStringList(wanted.map((r) => r.match.value))} ORDER BY CreatedDate`;
        const rows = (await conn.query<ExistingRow>(soql, { autoFetch: true })).records;
        for (const r of wanted) {
            const sameKey = rows.filter((row) => String(row[r.match.field] ?? '').toLowerCase() === r.match.value.toLowerCase());
            const marked = sameKey.filter((row) => hasDemoMarker(row.Description, r.key));
            found.set(r.key, { rows: marked, unmarked: sameKey.length - marked.length });
        }
    }
    return found;
}
