import { execFile } from 'node:child_process';
import { join } from 'node:path';
import type { Connection } from 'jsforce';
import { createConnection } from '../connection';
import { DEMO_RECORDS, demoMarker } from '../demoRecords';
import { readIdentityFields } from '../readIdentityFields';
import { formatSeedReport, seedDemoOrg } from '../seedDemoOrg';
import { startFakeOrg, type FakeOrg } from './fakeOrg';

const ROOT = join(__dirname, '..', '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

// The CLI tests start tsx child processes; on a busy 2-core machine that can exceed jest's 5 s default
// (the project-level testTimeout in jest.config.js is not honoured by jest 29 for projects).
jest.setTimeout(30_000);

let org: FakeOrg;
let conn: Connection;

beforeEach(async () => {
    org = await startFakeOrg();
    conn = await createConnection({ SF_INSTANCE_URL: org.instanceUrl, SF_ACCESS_TOKEN: org.accessToken });
});

afterEach(() => org.close());

const byEmail = (sobject: string, email: string) => org.rows(sobject).filter((r) => r.Email === email);

describe('seedDemoOrg', () => {
    it('dry run plans every demo record and writes nothing', async () => {
        const report = await seedDemoOrg(conn, { dryRun: true });

        expect(report.steps.map((s) => [s.key, s.action, s.id])).toEqual(DEMO_RECORDS.map((r) => [r.key, 'create', null]));
        expect(org.writes).toHaveLength(0);
        expect(org.requests.every((r) => r.method === 'GET')).toBe(true);
        expect(formatSeedReport(report)).toMatch(/^Dry run: nothing was written\./);
        expect(formatSeedReport(report)).toContain('0 would update');
    });

    it('finds records by their natural key with escaped IN lists', async () => {
        await seedDemoOrg(conn, { dryRun: true });
        const contactQuery = org.queries.find((q) => q.soql.includes('FROM Contact'))!.soql;
        expect(contactQuery).toBe(
            'SELECT Id, Description, Email, FirstName, LastName, Phone, AccountId FROM Contact ' +
                "WHERE Email IN ('jane.doe@example.com', 'sam.rivera@example.com', 'alex.rivera@example.com', 'maria.lopez@example.com', 'graph.heavy@example.com') ORDER BY CreatedDate"
        );
        expect(org.queries.map((q) => /FROM (\w+)/.exec(q.soql)![1])).toEqual(['Account', 'Contact', 'Lead', 'Case']);
    });

    it('creates the demo people and cases with working lookups, then a second run writes nothing', async () => {
        const first = await seedDemoOrg(conn);
        expect(first.steps.every((s) => s.action === 'create' && /^[a-zA-Z0-9]{18}$/.test(s.id!))).toBe(true);
        expect(org.writes.filter((w) => w.method === 'POST')).toHaveLength(DEMO_RECORDS.length);
        expect(org.writes.every((w) => w.headers['sforce-duplicate-rule-header'] === 'allowSave=true')).toBe(true);

        const id = (key: string) => first.steps.find((s) => s.key === key)!.id!;
        const [jane] = byEmail('Contact', 'jane.doe@example.com');
        expect(jane).toMatchObject({
            FirstName: 'Jane',
            LastName: 'Doe',
            Phone: '(415) 555-0123',
            AccountId: id('account-demo-customers')
        });
        expect(String(jane!.Description)).toContain(demoMarker('contact-jane-doe'));
        expect(org.rows('Case').find((c) => c.Id === id('case-jane-doe'))).toMatchObject({ ContactId: id('contact-jane-doe') });
        expect(
            org
                .rows('Contact')
                .filter((c) => c.Phone === '(415) 555-0188')
                .map((c) => c.FirstName)
                .sort()
        ).toEqual(['Alex', 'Sam']);

        // The seeded records read back as the proxy expects them.
        expect(await readIdentityFields(conn, id('case-household-phone'))).toMatchObject({
            objectApiName: 'Case',
            fields: { SuppliedPhone: '(415) 555-0188', 'Contact.Email': null }
        });
        expect((await readIdentityFields(conn, id('case-unknown-email'))).fields.SuppliedEmail).toBe('unknown.person@example.com');

        const text = formatSeedReport(first);
        expect(text).toContain(
            `the emulator's CRMID 0038c00002JaneDAAR is the preview's Contact Id. In this org the Contact Id is ${id('contact-jane-doe')}`
        );
        expect(text).toContain('AEP CRMID CUST-7781203 is a customer number');

        org.writes.length = 0;
        const second = await seedDemoOrg(conn);
        expect(second.steps.map((s) => s.action)).toEqual(DEMO_RECORDS.map(() => 'unchanged'));
        expect(second.steps.map((s) => s.id)).toEqual(first.steps.map((s) => s.id));
        expect(org.writes).toHaveLength(0);
    });

    it('updates only the fields that drifted', async () => {
        const first = await seedDemoOrg(conn);
        const janeId = first.steps.find((s) => s.key === 'contact-jane-doe')!.id!;
        org.update('Contact', janeId, { Phone: '555', MobilePhone: '+1 415 000 0000' });
        org.writes.length = 0;

        const report = await seedDemoOrg(conn);

        expect(report.steps.filter((s) => s.action !== 'unchanged')).toEqual([
            expect.objectContaining({ key: 'contact-jane-doe', action: 'update', id: janeId, fields: ['Phone'] })
        ]);
        expect(org.writes).toEqual([
            expect.objectContaining({ method: 'PATCH', sobject: 'Contact', id: janeId, body: { Phone: '(415) 555-0123' } })
        ]);
        // Fields the seeder does not own stay as the org has them.
        expect(org.rows('Contact').find((c) => c.Id === janeId)!.MobilePhone).toBe('+1 415 000 0000');
    });

    it('leaves a real record that shares a demo email alone and creates the demo record beside it', async () => {
        const realId = org.insert('Lead', {
            LastName: 'Sato',
            Company: 'Real Customer Inc',
            Email: 'kenji.sato@example.com',
            Description: 'a real lead'
        });

        const report = await seedDemoOrg(conn);

        const kenji = report.steps.find((s) => s.key === 'lead-kenji-sato')!;
        expect(kenji.action).toBe('create');
        expect(kenji.warnings).toEqual(['1 other Lead record(s) with the same Email are not demo records; left untouched']);
        expect(org.rows('Lead').find((l) => l.Id === realId)).toMatchObject({ Company: 'Real Customer Inc', Description: 'a real lead' });
        expect(byEmail('Lead', 'kenji.sato@example.com')).toHaveLength(2);
    });

    it('stops with a clear message when Salesforce rejects a save', async () => {
        const broken = DEMO_RECORDS.map((r) => (r.key === 'lead-kenji-sato' ? { ...r, fields: { ...r.fields, Company: '' } } : r));
        await expect(seedDemoOrg(conn, { records: broken })).rejects.toThrow(
            'Creating Lead lead-kenji-sato failed: REQUIRED_FIELD_MISSING: Required fields are missing: [Company]'
        );
    });
});

describe('npm run org:seed (CLI)', () => {
    // Asynchronous on purpose: the fake org lives in this process and must keep answering.
    const run = (args: string[], env: Record<string, string>) => {
        const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('SF_')));
        return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
            execFile(
                TSX,
                [join(ROOT, 'scripts/org/seedDemoOrg.ts'), ...args],
                { env: { ...clean, ...env }, timeout: 60000 },
                (error, stdout, stderr) => {
                    resolve({ status: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
                }
            );
        });
    };

    it('--dry-run prints the plan and writes nothing', async () => {
        const result = await run(['--dry-run'], { SF_INSTANCE_URL: org.instanceUrl, SF_ACCESS_TOKEN: org.accessToken });
        expect(result.stderr).toBe('');
        expect(result.status).toBe(0);
        expect(result.stdout).toContain('Dry run: nothing was written.');
        expect(result.stdout).toMatch(/would create\s+Contact contact-jane-doe\s+-\s+\(preview id 0038c00002JaneDAAR\)/);
        expect(org.writes).toHaveLength(0);
    });

    it('exits 2 with a clear message when no org is configured', async () => {
        const result = await run([], {});
        expect(result.status).toBe(2);
        expect(result.stderr).toMatch(/^org:seed: configuration error: No Salesforce credentials configured\./);
        expect(result.stdout).toBe('');
    });
});
