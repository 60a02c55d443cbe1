import { parseArgs } from 'node:util';
import type { Connection } from 'jsforce';
import { runCli, UsageError } from './cli';
import { createConnection } from './connection';
import { DEMO_RECORDS, demoDescription, findDemoRecords, type DemoObject, type DemoRecord } from './demoRecords';

/**
 * `npm run org:seed [-- --dry-run]`: creates or updates the demo Account, Contacts, Leads and Cases
 * in a dev/scratch org. Idempotent: records are found again by their demo key (see demoRecords.ts);
 * only fields that differ are written, so a second run writes nothing.
 */

export type SeedAction = 'create' | 'update' | 'unchanged';

export interface SeedStep {
    key: string;
    sobject: DemoObject;
    action: SeedAction;
    /** The org's record Id; null for a create in a dry run. */
    id: string | null;
    /** Fields written (create: all of them). */
    fields: string[];
    warnings: string[];
    previewId?: string;
    crmId?: DemoRecord['crmId'];
}

export interface SeedReport {
    dryRun: boolean;
    steps: SeedStep[];
}

/**
 * Standard duplicate rules set to "Allow" with an alert make API saves fail with DUPLICATES_DETECTED
 * unless the caller says it accepts the save; blocking rules still block.
 */
const DML_OPTIONS = { headers: { 'Sforce-Duplicate-Rule-Header': 'allowSave=true' } };

function saveFailure(what: string, error: unknown): Error {
    const e = error as { errorCode?: string; message?: string };
    return new Error(`${what} failed: ${[e.errorCode, e.message].filter(Boolean).join(': ') || 'unknown error'}`);
}

function differingFields(row: Record<string, unknown>, desired: Record<string, string>): string[] {
    return Object.keys(desired).filter((field) => String(row[field] ?? '') !== desired[field]);
}

export async function seedDemoOrg(conn: Connection, opts: { dryRun?: boolean; records?: readonly DemoRecord[] } = {}): Promise<SeedReport> {
    const dryRun = opts.dryRun ?? false;
    const records = opts.records ?? DEMO_RECORDS;
    const existing = await findDemoRecords(conn, records);
    const ids = new Map<string, string>();
    const steps: SeedStep[] = [];

    // In order: a Case's ContactId needs the Contact created before it.
    for (const record of records) {
        const desired: Record<string, string> = { ...record.fields, Description: demoDescription(record) };
        for (const [field, refKey] of Object.entries(record.references ?? {})) {
            desired[field] = ids.get(refKey) ?? `<new ${refKey}>`;
        }
        const found = existing.get(record.key) ?? { rows: [], unmarked: 0 };
        const warnings: string[] = [];
        if (found.unmarked > 0) {
            warnings.push(
                `${found.unmarked} other ${record.sobject} record(s) with the same ${record.match.field} are not demo records; left untouched`
            );
        }
        const row = found.rows[0];
        if (found.rows.length > 1 && row) warnings.push(`${found.rows.length} records carry this demo key; using the oldest, ${row.Id}`);

        let step: SeedStep;
        if (!row) {
            let id: string | null = null;
            if (!dryRun) {
                try {
                    const result = await conn.sobject(record.sobject).create(desired, DML_OPTIONS);
                    if (!result.success || !result.id) throw new Error(JSON.stringify(result.errors));
                    id = result.id;
                } catch (error) {
                    throw saveFailure(`Creating ${record.sobject} ${record.key}`, error);
                }
            }
            step = { key: record.key, sobject: record.sobject, action: 'create', id, fields: Object.keys(desired), warnings };
        } else {
            const changed = differingFields(row, desired);
            if (changed.length > 0 && !dryRun) {
                const patch: Record<string, string> & { Id: string } = { Id: row.Id };
                for (const field of changed) patch[field] = desired[field]!;
                try {
                    const result = await conn.sobject(record.sobject).update(patch, DML_OPTIONS);
                    if (!result.success) throw new Error(JSON.stringify(result.errors));
                } catch (error) {
                    throw saveFailure(`Updating ${record.sobject} ${record.key} (${row.Id})`, error);
                }
            }
            step = {
                key: record.key,
                sobject: record.sobject,
                action: changed.length ? 'update' : 'unchanged',
                id: row.Id,
                fields: changed,
                warnings
            };
        }
        if (step.id) ids.set(record.key, step.id);
        if (record.previewId) step.previewId = record.previewId;
        if (record.crmId) step.crmId = record.crmId;
        steps.push(step);
    }
    return { dryRun, steps };
}

function crmIdNote(step: SeedStep): string | undefined {
    if (!step.crmId) return undefined;
    if (!step.crmId.equalsRecordId) {
        return `${step.key}: AEP CRMID ${step.crmId.emulatorValue} is a customer number, not a Salesforce Id; ingest it unchanged.`;
    }
    const orgId = step.id ?? '(assigned when created)';
    return (
        `${step.key}: the emulator's CRMID ${step.crmId.emulatorValue} is the preview's Contact Id. In this org the Contact Id is ` +
        `${orgId}: ingest that value as the CRMID identity in your AEP sandbox, or the card can only match by email/phone.`
    );
}

export function formatSeedReport(report: SeedReport): string {
    const verb: Record<SeedAction, string> = report.dryRun
        ? { create: 'would create', update: 'would update', unchanged: 'unchanged' }
        : { create: 'created', update: 'updated', unchanged: 'unchanged' };
    const lines = [report.dryRun ? 'Dry run: nothing was written.' : 'Demo records:'];
    for (const step of report.steps) {
        const changed = step.action === 'update' ? `  fields: ${step.fields.join(', ')}` : '';
        const preview = step.previewId ? `  (preview id ${step.previewId})` : '';
        lines.push(
            `  ${verb[step.action].padEnd(12)} ${step.sobject.padEnd(7)} ${step.key.padEnd(22)} ${(step.id ?? '-').padEnd(18)}${preview}${changed}`
        );
        for (const warning of step.warnings) lines.push(`      warning: ${warning}`);
    }
    const count = (a: SeedAction) => report.steps.filter((s) => s.action === a).length;
    lines.push(`${count('create')} ${verb.create}, ${count('update')} ${verb.update}, ${count('unchanged')} unchanged.`);
    const notes = report.steps.map(crmIdNote).filter((n): n is string => n !== undefined);
    if (notes.length) lines.push('', 'CRM ID (AEP CRMID identity):', ...notes.map((n) => `  ${n}`));
    return lines.join('\n');
}

const USAGE =
    'Usage: npm run org:seed [-- --dry-run]\nSeeds the demo Contacts, Leads and Cases into the org named by the SF_* variables (scripts/org/README.md).';

async function main(argv: string[]): Promise<number> {
    let values: { 'dry-run'?: boolean; help?: boolean };
    try {
        ({ values } = parseArgs({ args: argv, options: { 'dry-run': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } }));
    } catch (error) {
        throw new UsageError(`${(error as Error).message}\n${USAGE}`);
    }
    if (values.help) {
        process.stdout.write(`${USAGE}\n`);
        return 0;
    }
    const conn = await createConnection(process.env);
    const report = await seedDemoOrg(conn, { dryRun: values['dry-run'] ?? false });
    process.stdout.write(`${formatSeedReport(report)}\n`);
    return 0;
}

if (require.main === module) runCli('org:seed', () => main(process.argv.slice(2)));
