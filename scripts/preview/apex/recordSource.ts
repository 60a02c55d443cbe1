import type { Connection } from 'jsforce';
import { DEMO_RECORDS, findDemoRecords } from '../../org/demoRecords';
import { readIdentityFields, RecordReadError, type IdentityRecord } from '../../org/readIdentityFields';
import type { LocalCrm } from '../crm/localCrm';

/**
 * Where the Apex stand-in reads a record's identity fields: the local CRM data set, or a real org over
 * jsforce (scripts/org) when SF_* credentials are configured. `read` resolves null when the record does not
 * exist or the reading user cannot see it, which the relay reports as NO_ACCESS like the Apex does.
 */
export interface RecordSource {
    readonly kind: 'local' | 'org';
    read(recordId: string): Promise<IdentityRecord | null>;
}

export function localRecordSource(crm: LocalCrm): RecordSource {
    return { kind: 'local', read: async (recordId) => crm.readIdentityFields(recordId) };
}

/**
 * Reads from a real org. The page lists the demo records by their preview Ids; the seeded org holds the same
 * records under its own Ids, found through their demo markers (scripts/org/demoRecords), so each preview Id is
 * translated to the org's Id. Any other Id is read as given.
 */
export async function orgRecordSource(conn: Connection): Promise<RecordSource> {
    const found = await findDemoRecords(conn);
    const orgIds = new Map<string, string>();
    for (const demo of DEMO_RECORDS) {
        const row = found.get(demo.key)?.rows[0];
        if (demo.previewId && row) orgIds.set(demo.previewId, row.Id);
    }
    return {
        kind: 'org',
        async read(recordId) {
            try {
                return await readIdentityFields(conn, orgIds.get(recordId) ?? recordId);
            } catch (err) {
                if (err instanceof RecordReadError) return null;
                throw err;
            }
        }
    };
}
