import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CustomerProfileRelay } from '../apex/customerProfileRelay';
import { previewApex } from '../apex/previewApex';
import { ProfileChoices } from '../apex/profileChoices';
import { localRecordSource } from '../apex/recordSource';
import { LocalCrm } from '../crm/localCrm';
import { startPreviewServer, type RunningPreview } from '../server';

/** The preview's HTTP server: page, bundle and SLDS files, record list, and the Aura-like Apex endpoint. */

let server: RunningPreview;
let distDir: string;
let relay: CustomerProfileRelay;

beforeAll(async () => {
    distDir = mkdtempSync(path.join(os.tmpdir(), 'cah-preview-dist-'));
    writeFileSync(path.join(distDir, 'main.js'), 'export {};\n');
    const crm = LocalCrm.fromFile();
    // No proxy listens on port 9: only answers that need no callout are exercised here (relay.test.ts does the rest).
    relay = new CustomerProfileRelay({
        proxyUrl: 'http://127.0.0.1:9',
        sharedSecret: 'server-test-shared-secret',
        agentUserId: '0058c00000PrevwAAA',
        source: localRecordSource(crm),
        canViewSensitiveFields: true,
        maxEvents: 10,
        timeoutMs: 2000,
        cacheTtlMs: 0
    });
    const choices = new ProfileChoices(localRecordSource(crm));
    const apexMethods = previewApex({
        relay,
        choices,
        proxyUrl: 'http://127.0.0.1:9',
        agent: { id: '0058c00000PrevwAAA', name: 'Avery Agent' }
    });
    server = await startPreviewServer({ distDir, apex: apexMethods, records: { source: 'local', views: crm.views() } });
});

afterAll(async () => {
    await server?.close();
    rmSync(distDir, { recursive: true, force: true });
});

async function apex(body: string): Promise<{ status: number; json: Record<string, unknown> }> {
    const response = await fetch(`${server.url}/preview/apex/CustomerProfileController/startLookup`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body
    });
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

describe('preview server', () => {
    it('names PREVIEW_PORT when its port is taken', async () => {
        const port = Number(new URL(server.url).port);
        await expect(startPreviewServer({ port, distDir, apex: {}, records: { source: 'local', views: [] } })).rejects.toThrow(
            `the console preview cannot listen on 127.0.0.1:${port}: the port is in use; stop the other process or set PREVIEW_PORT to a free port (0 picks one)`
        );
    });

    it('listens on loopback and serves the page, the bundle and SLDS', async () => {
        expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
        const page = await fetch(`${server.url}/`);
        expect(page.headers.get('content-type')).toContain('text/html');
        expect(await page.text()).toContain('/dist/main.js');
        const bundle = await fetch(`${server.url}/dist/main.js`);
        expect(bundle.status).toBe(200);
        expect(bundle.headers.get('content-type')).toContain('text/javascript');
        const css = await fetch(`${server.url}/slds/styles/salesforce-lightning-design-system.min.css`);
        expect(css.status).toBe(200);
        expect(css.headers.get('content-type')).toContain('text/css');
        await css.arrayBuffer();
    });

    it('never serves files outside the bundle and SLDS folders', async () => {
        for (const probe of ['/dist/%2e%2e/%2e%2e/stack.ts', '/slds/..%2f..%2f..%2fpackage.json', '/dist/nope.js', '/package.json']) {
            const response = await fetch(`${server.url}${probe}`);
            expect([probe, response.status]).toEqual([probe, 404]);
            await response.arrayBuffer();
        }
    });

    it('lists the CRM records for the console page', async () => {
        const body = (await (await fetch(`${server.url}/preview/api/records`)).json()) as {
            source: string;
            records: { id: string; objectApiName: string }[];
        };
        expect(body.source).toBe('local');
        expect(body.records).toHaveLength(12);
        expect(new Set(body.records.map((r) => r.objectApiName))).toEqual(new Set(['Case', 'Contact', 'Lead']));
    });

    it('answers Apex calls like an Aura action: HTTP 200 with SUCCESS or ERROR and the AuraHandledException JSON', async () => {
        const noAccess = await apex(JSON.stringify({ recordId: '0038c00002NobdyAAA' }));
        expect(noAccess.status).toBe(200);
        expect(noAccess.json.state).toBe('ERROR');
        const error = noAccess.json.error as { message: string; exceptionType: string };
        expect(error.exceptionType).toBe('System.AuraHandledException');
        expect(JSON.parse(error.message)).toEqual({
            code: 'NO_ACCESS',
            message: 'You do not have access to this record.',
            retryAfterSeconds: null
        });

        const unreachable = await apex(JSON.stringify({ recordId: '0038c00002JaneDAAR', profileId: null, refresh: false }));
        expect(JSON.parse((unreachable.json.error as { message: string }).message).code).toBe('UPSTREAM_UNAVAILABLE');
    });

    it('rejects malformed Apex calls and unknown methods', async () => {
        expect((await apex('{not json')).status).toBe(400);
        expect((await apex('[1]')).status).toBe(400);
        expect((await apex(JSON.stringify({ recordId: 'x'.repeat(20000) }))).status).toBe(400);
        const unknown = await fetch(`${server.url}/preview/apex/CustomerProfileController/deleteEverything`, {
            method: 'POST',
            body: '{}'
        });
        expect(unknown.status).toBe(404);
        await unknown.arrayBuffer();
        const get = await fetch(`${server.url}/preview/apex/CustomerProfileController/startLookup`);
        expect(get.status).toBe(405);
        await get.arrayBuffer();
    });
});
