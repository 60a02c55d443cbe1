import { CaseArrival } from '../apex/caseArrival';
import { CustomerProfileRelay } from '../apex/customerProfileRelay';
import { previewApex } from '../apex/previewApex';
import { ProfileChoices } from '../apex/profileChoices';
import { localRecordSource } from '../apex/recordSource';
import { LocalCrm } from '../crm/localCrm';
import { startPreviewServer, type RunningPreview } from '../server';
import { DEMO_SHARED_SECRET, isolatedEnv, PREVIEW_AGENT_NAME, PREVIEW_AGENT_USER_ID, startLocalProxy } from '../stack';

/** A new Case in the preview, warmed on arrival like the org's trigger, then opened through the Apex stand-in. */
describe('new Cases in the preview (apex/caseArrival.ts)', () => {
    let local: Awaited<ReturnType<typeof startLocalProxy>>;
    let preview: RunningPreview;
    let crm: LocalCrm;
    let arrival: CaseArrival;
    beforeAll(async () => {
        local = await startLocalProxy(isolatedEnv());
        crm = LocalCrm.fromFile();
        const views = crm.views();
        const caller = {
            proxyUrl: local.proxy.url,
            sharedSecret: DEMO_SHARED_SECRET,
            agentUserId: PREVIEW_AGENT_USER_ID,
            timeoutMs: 10_000
        };
        arrival = new CaseArrival({ crm, views, caller, maxEvents: 10, warmOnArrival: false });
        // No session cache: every open reaches the proxy, so what the proxy cached is what the agent gets.
        const source = localRecordSource(crm);
        const choices = new ProfileChoices(source);
        const relay = new CustomerProfileRelay({ ...caller, source, choices, canViewSensitiveFields: false, maxEvents: 10, cacheTtlMs: 0 });
        const apex = previewApex({
            relay,
            choices,
            proxyUrl: local.proxy.url,
            agent: { id: PREVIEW_AGENT_USER_ID, name: PREVIEW_AGENT_NAME }
        });
        preview = await startPreviewServer({ distDir: __dirname, apex, records: { source: 'local', views }, caseArrival: arrival });
    });
    afterAll(async () => {
        await preview.close();
        await local.close();
    });

    const post = (path: string, body: unknown) =>
        fetch(`${preview.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

    it('warms the card of a new Case when warming is on, so the agent who opens it gets it from the cache', async () => {
        const created = await post('/preview/api/cases', {
            subject: 'Router down',
            suppliedEmail: 'jane.doe@example.com',
            warmOnArrival: true
        });
        expect(created.status).toBe(201);
        const { id, warm } = await created.json();
        expect(warm).toEqual({ status: 202, accepted: 1 });
        const list = await (await fetch(`${preview.url}/preview/api/records`)).json();
        expect(list.records.map((r: { id: string }) => r.id)).toContain(id);

        await local.proxy.warmingIdle();
        const opened = await post('/preview/apex/CustomerProfileController/startLookup', { recordId: id });
        const action = await opened.json();
        expect(action.state).toBe('SUCCESS');
        const envelope = JSON.parse(action.returnValue);
        expect(envelope.status).toBe('OK');
        expect(envelope.card.freshness.fromCache).toBe(true);
        expect(envelope.card.match).toMatchObject({ field: 'SuppliedEmail', namespace: 'Email' });
        // Where the time went: nothing in AEP for a warmed card.
        expect(opened.headers.get('server-timing')).toMatch(/^relay;dur=[\d.]+, proxy;dur=[\d.]+, aep;dur=0\.0$/);
    });

    it('reports the AEP round of a card nobody warmed in the Server-Timing the browser reads', async () => {
        const { id, warm } = await (
            await post('/preview/api/cases', { subject: 'Billing', suppliedEmail: 'kenji.sato@example.com' })
        ).json();
        expect(warm).toBeNull();
        const opened = await post('/preview/apex/CustomerProfileController/startLookup', { recordId: id });
        const aep = /aep;dur=([\d.]+)/.exec(opened.headers.get('server-timing') ?? '');
        expect(Number(aep?.[1])).toBeGreaterThan(0);
    });

    it('sends nothing for a Case without an identity value, and refuses a malformed Case', async () => {
        expect((await arrival.create({ subject: 'No contact details', warmOnArrival: true })).warm).toBeNull();
        const bad = await post('/preview/api/cases', { subject: '', extra: true });
        expect(bad.status).toBe(400);
        expect((await bad.json()).error.code).toBe('INVALID_REQUEST');
    });
});
