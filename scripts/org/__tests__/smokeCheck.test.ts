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

let checkClassId: string;
let viewerAssignmentId: string;

/**
 * A fake org with the package deployed, the demo records seeded and the admin's steps done: the viewer
 * permission set assigned to the API user, the Named Credential pointing at the proxy, the ProxyKey set.
 */
beforeEach(async () => {
    org = await startFakeOrg();
    conn = await createConnection({ SF_INSTANCE_URL: org.instanceUrl, SF_ACCESS_TOKEN: org.accessToken });
    apexClassId = org.insert('ApexClass', { Name: PACKAGE_METADATA.apexClass, Status: 'Active' });
    checkClassId = org.insert('ApexClass', { Name: 'ProfileConnectionCheck', Status: 'Active' });
    org.insert('LightningComponentBundle', { DeveloperName: PACKAGE_METADATA.lwcBundle });
    const viewer = org.insert('PermissionSet', { Name: PACKAGE_METADATA.permissionSet, Label: 'Customer Profile Viewer' });
    viewerAssignmentId = org.insert('PermissionSetAssignment', { AssigneeId: org.userId, PermissionSetId: viewer });
    for (const name of PACKAGE_METADATA.customPermissions) org.insert('CustomPermission', { DeveloperName: name });
    org.insert('NamedCredential', { DeveloperName: PACKAGE_METADATA.namedCredential });
    org.credentials.namedCredentialUrl = proxy.url;
    org.credentials.proxyKey = proxy.sharedSecret;
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
            detail: expect.stringContaining('Customer_Profile_Viewer is assigned to the API user')
        });
        // The real path, link by link, from inside the org.
        expect(
            report.steps.slice(report.steps.findIndex((s) => s.name === 'Custom permission')).map((s) => `${s.status} ${s.name}`)
        ).toEqual([
            'pass Custom permission',
            'pass Viewer assigned',
            'pass Principal access',
            'pass User ext. creds',
            'pass Named Cred. URL',
            'pass Proxy auth',
            'pass AEP',
            'pass Proxy look-up'
        ]);
        expect(step(report, 'AEP').detail).toMatch(/^AEP answered with a profile card \(HTTP 200\)$/);
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
            detail: 'CustomerProfileController is missing: deploy the package: sf project deploy start --source-dir force-app/main'
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

describe('the real path through Salesforce: every broken link has its own message', () => {
    const path = async (opts: { demoKey?: string } = {}) => {
        const report = await runSmokeCheck(conn, { ...opts });
        return { report, lines: formatSmokeReport(report).split('\n') };
    };
    const line = (lines: string[], name: string) => lines.find((l) => new RegExp(`^(PASS|FAIL|INFO)  ${name}\\s`).test(l)) ?? '';

    it('says the package class is missing', async () => {
        org.remove('ApexClass', checkClassId);
        const { report, lines } = await path();
        expect(report.ok).toBe(false);
        expect(line(lines, 'Salesforce path')).toBe(
            'FAIL  Salesforce path    class ProfileConnectionCheck is not in the org (Invalid type: ProfileConnectionCheck): deploy force-app/main'
        );
    });

    it('says the connected user cannot run anonymous Apex', async () => {
        org.credentials.authorApex = false;
        const { lines } = await path();
        expect(line(lines, 'Salesforce path')).toMatch(
            /^FAIL  Salesforce path\s+anonymous Apex could not run \(INSUFFICIENT_ACCESS_OR_READONLY: .*\); the connected user needs API Enabled and Author Apex$/
        );
    });

    it('names the custom permission, the permission set, the principal and User External Credentials when the viewer set is not assigned', async () => {
        org.remove('PermissionSetAssignment', viewerAssignmentId);
        const { lines } = await path();
        expect(line(lines, 'Custom permission')).toMatch(
            /^FAIL .*View_Customer_Profile is not granted to this user; View_Customer_Profile comes with Customer_Profile_Viewer: sf org assign permset/
        );
        expect(line(lines, 'Viewer assigned')).toMatch(
            /^FAIL .*Customer_Profile_Viewer is not assigned to this user; sf org assign permset --name Customer_Profile_Viewer/
        );
        expect(line(lines, 'Principal access')).toMatch(
            /^FAIL .*no permission set assigned to this user grants a principal of AEP_Proxy_Key; Customer_Profile_Viewer grants the principal/
        );
        expect(line(lines, 'User ext. creds')).toMatch(
            /^FAIL .*Salesforce refused the credential for this user: We couldn't access the credential/
        );
        expect(line(lines, 'AEP')).toMatch(/^INFO  AEP\s+skip: the proxy was not reached/);
    });

    it('names the principal when the permission set no longer grants it', async () => {
        org.credentials.viewerGrantsPrincipal = false;
        const { lines } = await path();
        expect(line(lines, 'Principal access')).toMatch(/^FAIL .*Salesforce refused the credential for this user/);
        expect(line(lines, 'Principal access')).toMatch(/Customer_Profile_Viewer grants the principal AEP_Proxy_Key-AEP_Proxy_Service/);
        expect(line(lines, 'User ext. creds')).toMatch(/^PASS/);
    });

    it('names User External Credentials when their read access is missing', async () => {
        org.credentials.viewerGrantsUserExternalCredentials = false;
        const { lines } = await path();
        expect(line(lines, 'Principal access')).toMatch(/^PASS/);
        expect(line(lines, 'User ext. creds')).toMatch(
            /^FAIL .*Salesforce refused the credential.*; callouts need Read on User External Credentials/
        );
    });

    it('names the principal without its ProxyKey, and the proxy refusing the empty key', async () => {
        org.credentials.proxyKey = null;
        const { lines } = await path();
        expect(line(lines, 'Principal access')).toMatch(
            /^FAIL .*has no authentication parameters \(ProxyKey\); Setup > Named Credentials > External Credentials > AEP Proxy Key/
        );
        expect(line(lines, 'Proxy auth')).toMatch(
            /^FAIL .*the proxy answered 401 UNAUTHORIZED \(HTTP 401, request [\w-]+\); the proxy refused the org's credential: ProxyKey/
        );
    });

    it("names a ProxyKey that is not the proxy's secret", async () => {
        org.credentials.proxyKey = 'a-key-the-proxy-does-not-know';
        const { lines } = await path();
        expect(line(lines, 'Principal access')).toMatch(/^PASS/);
        expect(line(lines, 'Proxy auth')).toMatch(/^FAIL .*the proxy answered 401 UNAUTHORIZED/);
        expect(lines.join('\n')).not.toContain('a-key-the-proxy-does-not-know');
    });

    it('names the shipped placeholder URL, a URL that is not the proxy, and one nothing answers on', async () => {
        org.credentials.namedCredentialUrl = 'https://aep-proxy.example.com';
        const placeholder = await path();
        expect(line(placeholder.lines, 'Named Cred\\. URL')).toMatch(
            /^FAIL .*AEP_Profile_Proxy still points at the shipped placeholder aep-proxy\.example\.com; the callout failed: Unable to resolve host; Setup > Named Credentials > AEP Profile Proxy > Edit/
        );

        org.credentials.namedCredentialUrl = `${proxy.url}/some/path`;
        const wrongPath = await path();
        expect(line(wrongPath.lines, 'Named Cred\\. URL')).toMatch(/^PASS/);
        expect(line(wrongPath.lines, 'Proxy auth')).toMatch(
            /^FAIL .*the URL does not reach the look-up route .*; the URL answers but not as the proxy's look-up route/
        );

        const closedPort = await new Promise<number>((resolve) => {
            const s = createServer().listen(0, '127.0.0.1', () => {
                const port = (s.address() as { port: number }).port;
                s.close(() => resolve(port));
            });
        });
        org.credentials.namedCredentialUrl = `http://127.0.0.1:${closedPort}`;
        const nothing = await path();
        expect(line(nothing.lines, 'Named Cred\\. URL')).toMatch(
            /^FAIL .*the callout failed: ECONNREFUSED; Salesforce could not reach the URL/
        );
    });

    it('names AEP when the proxy cannot get an answer from it', async () => {
        proxy.emulator.faults.set({ group: 'entities', action: { type: 'status', status: 503 } });
        try {
            // Kenji: a record whose card no earlier test left in the proxy's cache (no stale copy to serve).
            const { lines } = await path({ demoKey: 'lead-kenji-sato' });
            expect(line(lines, 'Proxy auth')).toMatch(/^PASS/);
            expect(line(lines, 'AEP')).toMatch(
                /^FAIL  AEP\s+the proxy could not get an answer from AEP: UPSTREAM_UNAVAILABLE .*check the proxy's \/readyz/
            );
        } finally {
            proxy.emulator.faults.clear();
        }
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

    it('exits 2 naming the missing proxy setting when only one of the two is set', async () => {
        const result = await run([], { SF_INSTANCE_URL: org.instanceUrl, SF_ACCESS_TOKEN: org.accessToken, PROXY_URL: proxy.url });
        expect(result.status).toBe(2);
        expect(result.stderr).toMatch(/^org:smoke: configuration error: PROXY_SHARED_SECRET is required/);
    });

    it('checks the path through Salesforce alone when no proxy settings are given', async () => {
        const result = await run([], { SF_INSTANCE_URL: org.instanceUrl, SF_ACCESS_TOKEN: org.accessToken });
        expect(result.stderr).toBe('');
        expect(result.stdout).toMatch(/PASS  AEP\s+AEP answered with a profile card/);
        expect(result.stdout).toMatch(/INFO  Proxy look-up\s+not called directly/);
        expect(result.status).toBe(0);
    });

    it("exits 2 when --max-events is above the proxy's LookupRequest limit", async () => {
        const result = await run(['--max-events', String(CARD_LIMITS.events + 1)], env());
        expect(result.status).toBe(2);
        expect(result.stderr).toBe(`org:smoke: configuration error: --max-events must be an integer from 0 to ${CARD_LIMITS.events}\n`);
    });
});
