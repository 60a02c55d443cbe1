import type { Connection } from 'jsforce';
import { LookupRequest, SALESFORCE_ID } from '../../proxy/src/contract/lookupRequest';
import { soqlString } from './soql';

/**
 * What the Apex relay does before its callout, done over the REST API: find the record's object
 * type, read its identity fields, and shape them as the `record` of a proxy LookupRequest.
 *
 * The query runs as the authenticated API user, so Salesforce applies that user's sharing and
 * field-level security (an unreadable field fails the query with INVALID_FIELD, an unshared
 * record returns no row), which is what Apex's WITH USER_MODE gives the agent.
 */

export type IdentityRecord = LookupRequest['record'];
export type SupportedObject = 'Contact' | 'Lead' | 'Case';

/** The Apex defaults, in the order Apex sends them (relationship fields use their SOQL path). */
export const IDENTITY_FIELDS: Readonly<Record<SupportedObject, readonly string[]>> = {
    Contact: ['Email', 'Phone', 'MobilePhone', 'Id'],
    Lead: ['Email', 'Phone', 'MobilePhone'],
    Case: ['SuppliedEmail', 'SuppliedPhone', 'Contact.Email', 'Contact.Phone', 'Contact.MobilePhone', 'Contact.Id']
};

/** Standard key prefixes are the same in every org, so the common case needs no describe call. */
const KEY_PREFIXES: Readonly<Record<string, SupportedObject>> = { '003': 'Contact', '00Q': 'Lead', '500': 'Case' };

export class RecordReadError extends Error {
    constructor(message: string) {
        super(message);
        this.name = 'RecordReadError';
    }
}

function isSupported(name: string): name is SupportedObject {
    return Object.prototype.hasOwnProperty.call(IDENTITY_FIELDS, name);
}

/** Rejects anything that is not a 15/18 character Id before it can reach a query string. */
export function assertRecordId(recordId: unknown): string {
    if (typeof recordId !== 'string' || !SALESFORCE_ID.test(recordId)) {
        throw new RecordReadError('recordId must be a 15 or 18 character Salesforce Id (letters and digits only)');
    }
    return recordId;
}

export async function objectTypeOf(conn: Connection, recordId: string): Promise<SupportedObject> {
    const prefix = recordId.slice(0, 3);
    const known = KEY_PREFIXES[prefix];
    if (known) return known;
    const global = await conn.describeGlobal();
    const match = global.sobjects.find((s) => s.keyPrefix === prefix);
    if (!match) throw new RecordReadError(`No object in this org has the key prefix ${prefix} (record ${recordId})`);
    if (!isSupported(match.name)) {
        throw new RecordReadError(`Record ${recordId} is a ${match.name}; the profile card reads Contact, Lead and Case records`);
    }
    return match.name;
}

export function identityQuery(objectApiName: SupportedObject, recordId: string): string {
    const fields = IDENTITY_FIELDS[objectApiName];
    // Id is selected once even when it is also an identity field (Contact).
    const select = fields.includes('Id') ? fields : ['Id', ...fields];
    return `SELECT ${select.join(', ')} FROM ${objectApiName} WHERE Id = ${soqlString(assertRecordId(recordId))} LIMIT 1`;
}

/** Reads `Contact.Email` from `{ Contact: { Email } }`; a null relationship gives null. */
function valueAt(row: Record<string, unknown>, path: string): string | null {
    let current: unknown = row;
    for (const part of path.split('.')) {
        if (current === null || typeof current !== 'object') return null;
        current = (current as Record<string, unknown>)[part];
    }
    if (current === null || current === undefined) return null;
    return typeof current === 'string' ? current : String(current);
}

export async function readIdentityFields(conn: Connection, recordId: string): Promise<IdentityRecord> {
    const id = assertRecordId(recordId);
    const objectApiName = await objectTypeOf(conn, id);
    const result = await conn.query<Record<string, unknown>>(identityQuery(objectApiName, id));
    const row = result.records[0];
    if (!row) throw new RecordReadError(`${objectApiName} ${id} was not found or is not shared with the API user`);

    const fields: Record<string, string | null> = {};
    for (const field of IDENTITY_FIELDS[objectApiName]) fields[field] = valueAt(row, field);

    const parsed = LookupRequest.safeParse({ record: { objectApiName, recordId: valueAt(row, 'Id') ?? id, fields } });
    if (!parsed.success) {
        // Messages name fields and rules only; the values are customer PII.
        const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
        throw new RecordReadError(`${objectApiName} ${id} cannot be sent to the proxy: ${problems}`);
    }
    return parsed.data.record;
}
