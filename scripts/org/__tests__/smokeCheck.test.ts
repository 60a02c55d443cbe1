import { execFile } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { Connection } from 'jsforce';
import { CARD_LIMITS } from '../../../proxy/src/contract/cardModel';
import { createConnection } from '../connection';
import { seedDemoOrg } from '../seedDemoOrg';
import { formatSmokeReport, PACKAGE_METADATA, runSmokeCheck, type SmokeReport } from '../smokeCheck';
import { startFakeOrg, type FakeOrg } from './fakeOrg';
import { startProxyUnderTest, type ProxyUnderTest } from './proxyUnderTest';

const ROOT = join(__dirname, '..', '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

// The CLI tests start tsx child processes; on a busy 2-core machine that can exceed jest's 5 s default
// (the project-level testTimeout in jest.config.js is not honoured by jest 29 for projects).
jest.setTimeout(30_000);

let proxy: ProxyUnderTest;
let org: FakeOrg;
let conn: Connection;
let apexClassId: string;

beforeAll(async () => {
    proxy = await startProxyUnderTest();
});
afterAll(() => proxy.close());

/** A fake org with the package deployed and the demo records seeded. */
beforeEach(async () => {
    org = await startFakeOrg();
    conn = await createConnection({ SF_INSTANCE_URL: org.instanceUrl, SF_ACCESS_TOKEN: org.accessToken });
    apexClassId = org.insert('ApexClass', { Name: PACKAGE_METADATA.apexClass, Status: 'Active' });
    org.insert('LightningComponentBundle', { DeveloperName: PACKAGE_METADATA.lwcBundle });
    org.insert('PermissionSet', { Name: PACKAGE_METADATA.permissionSet, Label: 'Customer Profile Viewer' });
    for (const name of PACKAGE_METADATA.customPermissions) org.insert('CustomPermission', { DeveloperName: name });
    org.insert('NamedCredential', { DeveloperName: PACKAGE_METADATA.namedCredential });
    await seedDemoOrg(conn);
    org.queries.length = 0;
});
afterEach(() => org.close());

const options = () => ({ proxyUrl: proxy.url, proxySharedSecret: proxy.sharedSecret });
const step = (report: SmokeReport, name: string) => report.steps.find((s) => s.name === name)!;

describe('runSmokeCheck (fake org, real proxy + AEP emulator)', () => {
    it("passes for Jane Doe's demo Contact: metadata present, card valid", async () => {
        const report = await runSmokeCheck(conn, options());

        expect(report.steps.filter((s) => s.status === 'fail')).toEqual([]);
        expect(report.ok).toBe(true);
        expect(step(report, 'API user').detail).toBe(`${org.userId} (sent as X-Agent-Id)`);
        expect(step(report, 'Apex class').detail).toBe(`CustomerProfileController (${apexClassId}, Active)`);
        expect(step(report, 'Identity fields').detail).toMatch(
            /^Contact contact-jane-doe \(003\w{15}\): 3 of 4 identity fields set \(Email, Phone, MobilePhone, Id\)$/
        );
        expect(step(report, 'Proxy look-up').detail).toMatch(/^CardModel valid: profile \S+, matched Email as /);
        expect(step(report, 'Assignment')).toMatchObject({
            status: 'info',
            detail: expect.stringContaining('is not assigned to the API user')
        });
        expect(formatSmokeReport(report)).toMatch(/Smoke check passed \(\d+ checks\)\.$/);

        // The metadata queries went to the right APIs.
        expect(org.queries).toEqual(
            expect.arrayContaining([
                { api: 'tooling', soql: "SELECT Id, Name, Status FROM ApexClass WHERE Name = 'CustomerProfileController'" },
                {
                    api: 'tooling',
                    soql: "SELECT Id, DeveloperName FROM LightningComponentBundle WHERE DeveloperName = 'customerProfileCard'"
                },
                { api: 'data', soql: "SELECT Id, DeveloperName FROM NamedCredential WHERE DeveloperName = 'AEP_Profile_Proxy'" }
            ])
        );
        // No PII in the printed report.
        expect(formatSmokeReport(report)).not.toMatch(/jane\.doe@example\.com|555-0123/);
    });

    it('expects a flagged card for the household case, PROFILE_NOT_FOUND for the unknown email and the graph limit for Gary', async () => {
        const household = await runSmokeCheck(conn, { ...options(), demoKey: 'case-household-phone' });
        expect(step(household, 'Proxy look-up')).toMatchObject({
            status: 'pass',
            detail: expect.stringContaining('one profile merging 2 people (CRMID)')
        });
        const gary = await runSmokeCheck(conn, { ...options(), demoKey: 'contact-gary-graph' });
        expect(step(gary, 'Proxy look-up')).toMatchObject({
            status: 'pass',
            detail: expect.stringMatching(/^HTTP 422 IDENTITY_GRAPH_TOO_LARGE as expected for this demo record: \d+ identities tried/)
        });

        const unknown = await runSmokeCheck(conn, { ...options(), demoKey: 'case-unknown-email' });
        expect(step(unknown, 'Proxy look-up')).toMatchObject({
            status: 'pass',
            detail: expect.stringMatching(/^HTTP 404 PROFILE_NOT_FOUND as expected for this demo record: 1 identities tried/)
        });
    });

    it('fails clearly when the Apex class is missing', async () => {
        org.remove('ApexClass', apexClassId);

        const report = await runSmokeCheck(conn, options());

        expect(report.ok).toBe(false);
        expect(step(report, 'Apex class')).toEqual({
            name: 'Apex class',
            status: 'fail',
            detail: 'CustomerProfileController is missing: deploy the package: sf project deploy start --source-dir force-app'
        });
        expect(formatSmokeReport(report)).toMatch(/FAIL  Apex class\s+CustomerProfileController is missing/);
        expect(formatSmokeReport(report)).toMatch(/Smoke check FAILED: 1 of \d+ checks failed\.$/);
    });

    it('fails with the proxy code and a hint when the shared secret is wrong', async () => {
        const report = await runSmokeCheck(conn, { ...options(), proxySharedSecret: 'not-the-right-secret-0000' });
        expect(step(report, 'Proxy look-up')).toMatchObject({
            status: 'fail',
            detail: expect.stringMatching(/^HTTP 401 UNAUTHORIZED: .*PROXY_SHARED_SECRET must equal/)
        });
        expect(formatSmokeReport(report)).not.toContain('not-the-right-secret');
    });

    it('fails when the demo record was never seeded, and when the proxy is unreachable', async () => {
        const missing = await runSmokeCheck(conn, { ...options(), recordId: '0038c00000NoSuc' });
        expect(step(missing, 'Identity fields')).toMatchObject({
            status: 'fail',
            detail: 'Contact 0038c00000NoSuc was not found or is not shared with the API user'
        });

        const closedPort = await new Promise<number>((resolve) => {
            const s = createServer().listen(0, '127.0.0.1', () => {
                const port = (s.address() as { port: number }).port;
                s.close(() => resolve(port));
            });
        });
        const offline = await runSmokeCheck(conn, { ...options(), proxyUrl: `http://127.0.0.1:${closedPort}` });
        expect(step(offline, 'Proxy look-up')).toMatchObject({
            status: 'fail',
            detail: expect.stringMatching(/^cannot reach the proxy at http:\/\/127\.0\.0\.1:\d+: .*ECONNREFUSED/)
        });

        for (const contact of org.rows('Contact')) org.remove('Contact', contact.Id);
        const unseeded = await runSmokeCheck(conn, options());
        expect(step(unseeded, 'Identity fields')).toMatchObject({
            status: 'fail',
            detail: 'demo record contact-jane-doe not found in this org: run npm run org:seed first'
        });
        expect(unseeded.steps.some((s) => s.name === 'Proxy look-up')).toBe(false);
    });
});

describe('npm run org:smoke (CLI)', () => {
    const run = (args: string[], env: Record<string, string>) => {
        const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('SF_') && !k.startsWith('PROXY_')));
        return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
            execFile(
                TSX,
                [join(ROOT, 'scripts/org/smokeCheck.ts'), ...args],
                { env: { ...clean, ...env }, timeout: 60000 },
                (error, stdout, stderr) => {
                    resolve({ status: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
                }
            );
        });
    };
    const env = () => ({
        SF_INSTANCE_URL: org.instanceUrl,
        SF_ACCESS_TOKEN: org.accessToken,
        PROXY_URL: proxy.url,
        PROXY_SHARED_SECRET: proxy.sharedSecret
    });

    it('exits 0 when everything is in place and 1 when the class is missing', async () => {
        const ok = await run([], env());
        expect(ok.stderr).toBe('');
        expect(ok.stdout).toMatch(/PASS  Proxy look-up\s+CardModel valid/);
        expect(ok.status).toBe(0);

        org.remove('ApexClass', apexClassId);
        const failed = await run([], env());
        expect(failed.status).toBe(1);
        expect(failed.stdout).toMatch(/FAIL  Apex class\s+CustomerProfileController is missing/);
    });

    it('exits 2 naming the missing proxy settings', async () => {
        const result = await run([], { SF_INSTANCE_URL: org.instanceUrl, SF_ACCESS_TOKEN: org.accessToken });
        expect(result.status).toBe(2);
        expect(result.stderr).toMatch(/^org:smoke: configuration error: PROXY_URL is required.*; PROXY_SHARED_SECRET is required/);
    });

    it("exits 2 when --max-events is above the proxy's LookupRequest limit", async () => {
        const result = await run(['--max-events', String(CARD_LIMITS.events + 1)], env());
        expect(result.status).toBe(2);
        expect(result.stderr).toBe(`org:smoke: configuration error: --max-events must be an integer from 0 to ${CARD_LIMITS.events}\n`);
    });
});
