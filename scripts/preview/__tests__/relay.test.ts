import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { NO_STITCHING_POLICY_ID, type RunningEmulator } from '../../../proxy/emulator/src/index';
import { CardModel } from '../../../proxy/src/contract/cardModel';
import type { RunningProxy } from '../../../proxy/src/index';
import { startProxyStack, type ProxyStack } from '../../stack/proxyStack';
import { CustomerProfileRelay, type RelayEnvelope, type RelayOptions } from '../apex/customerProfileRelay';
import { localRecordSource } from '../apex/recordSource';
import { RelayError } from '../apex/relayErrors';
import { LocalCrm } from '../crm/localCrm';

/**
 * The Apex stand-in against the real proxy and AEP emulator: same request, same caller authentication, and the
 * envelope/AuraHandledException contract the LWC parses.
 */

const SECRET = 'relay-test-shared-secret-0123';
const AGENT = '0058c00000PrevwAAA';
const JANE = '0038c00002JaneDAAR';

let stack: ProxyStack;
let emulator: RunningEmulator;
let proxy: RunningProxy;
const crm = LocalCrm.fromFile();

beforeAll(async () => {
    stack = await startProxyStack({ env: { PROXY_SHARED_SECRET: SECRET, AEP_RETRY_MAX_ATTEMPTS: '1', AEP_BREAKER_FAILURES: '100' } });
    ({ emulator, proxy } = stack);
});

afterAll(async () => {
    await stack?.close();
});

afterEach(() => emulator.faults.clear());

function relay(overrides: Partial<RelayOptions> = {}): CustomerProfileRelay {
    return new CustomerProfileRelay({
        proxyUrl: proxy.url,
        sharedSecret: SECRET,
        agentUserId: AGENT,
        source: localRecordSource(crm),
        canViewSensitiveFields: true,
        maxEvents: 10,
        timeoutMs: 10_000,
        cacheTtlMs: 120_000,
        ...overrides
    });
}

/**
 * Sits where the Named Credential's URL points: records what the relay sends and passes it on to the proxy,
 * except that the audit endpoint can be made to fail.
 */
interface Gateway {
    url: string;
    sent: { path: string; body: Record<string, unknown> }[];
    auditStatus: number | null;
    close(): Promise<void>;
}

async function startGateway(): Promise<Gateway> {
    const gateway: Gateway = { url: '', sent: [], auditStatus: null, close: async () => undefined };
    const server: Server = createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', async () => {
            const body = Buffer.concat(chunks).toString('utf8');
            gateway.sent.push({ path: req.url ?? '', body: JSON.parse(body) });
            if (req.url === '/v1/audit/views' && gateway.auditStatus !== null) {
                res.writeHead(gateway.auditStatus, { 'content-type': 'application/json' }).end('{}');
                return;
            }
            const answer = await fetch(`${proxy.url}${req.url}`, {
                method: 'POST',
                headers: Object.fromEntries(
                    Object.entries(req.headers).filter(([k]) => k.startsWith('x-') || k === 'content-type')
                ) as Record<string, string>,
                body
            });
            res.writeHead(answer.status, { 'content-type': 'application/json' }).end(await answer.text());
        });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    gateway.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    gateway.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
    return gateway;
}

async function lookup(r: CustomerProfileRelay, params: Record<string, unknown>): Promise<RelayEnvelope> {
    const raw = await r.startLookup(params);
    expect(typeof raw).toBe('string');
    return JSON.parse(raw) as RelayEnvelope;
}

async function failure(promise: Promise<unknown>): Promise<{ code: string; message: string; retryAfterSeconds: number | null }> {
    const err = await promise.then(
        () => null,
        (e: unknown) => e
    );
    expect(err).toBeInstanceOf(RelayError);
    // What the LWC receives as body.message.
    return JSON.parse((err as RelayError).toAuraMessage());
}

describe('LocalCrm identity fields (the fields the Apex reads)', () => {
    it('reads a Contact, a Lead and a Case with its Contact joined, in the Apex order', () => {
        expect(crm.readIdentityFields(JANE)).toEqual({
            objectApiName: 'Contact',
            recordId: JANE,
            fields: { Email: 'jane.doe@example.com', Phone: '(415) 555-0123', MobilePhone: null, Id: JANE }
        });
        expect(crm.readIdentityFields('00Q8c00000KSatoEAD')?.fields).toEqual({
            Email: 'kenji.sato@example.com',
            Phone: '+81 90-1234-5678',
            MobilePhone: null
        });
        expect(crm.readIdentityFields('5008c00001CsJanAAF')?.fields).toEqual({
            SuppliedEmail: null,
            SuppliedPhone: null,
            'Contact.Email': 'jane.doe@example.com',
            'Contact.Phone': '(415) 555-0123',
            'Contact.MobilePhone': null,
            'Contact.Id': JANE
        });
        expect(crm.readIdentityFields('5008c00001CsHouAAF')?.fields).toMatchObject({ SuppliedPhone: '(415) 555-0188', 'Contact.Id': null });
    });

    it('accepts the 15-character Id and answers null for unknown records', () => {
        expect(crm.readIdentityFields('0038c00002JaneD')?.recordId).toBe(JANE);
        expect(crm.readIdentityFields('0038c00002NobdyAAA')).toBeNull();
    });

    it('lists every demo record for the console page', () => {
        const ids = crm
            .views()
            .map((v) => v.id)
            .sort();
        expect(ids).toEqual(
            [
                '0038c00002JaneDAAR',
                '0038c00002GaryGAAR',
                '0038c00002RivrSAAR',
                '0038c00002RivrAAAR',
                '0038c00002MLopzAAD',
                '00Q8c00000KSatoEAD',
                '00Q8c00000OBrndEAD',
                '00Q8c00000UnKnwEAF',
                '00Q8c00000NoIdnEAF',
                '5008c00001CsJanAAF',
                '5008c00001CsHouAAF',
                '5008c00001CsUnkAAF'
            ].sort()
        );
    });
});

describe('CustomerProfileRelay (Apex stand-in) against the proxy', () => {
    it("returns Jane Doe's card as an OK envelope, then from the session cache stand-in, recorded as a view; refresh bypasses it", async () => {
        const gateway = await startGateway();
        try {
            const r = relay({ proxyUrl: gateway.url });
            const first = await lookup(r, { recordId: JANE, profileId: null, refresh: false });
            expect(first.status).toBe('OK');
            expect(CardModel.parse(first.card).person.displayName).toBe('Jane Doe');
            expect(first).toMatchObject({ candidates: [], identitiesTried: [], sensitiveFieldsHidden: false, fromSalesforceCache: false });

            const second = await lookup(r, { recordId: JANE });
            expect(second.fromSalesforceCache).toBe(true);
            expect(second.card?.profileId).toBe(first.card?.profileId);
            // The hit never reached the look-up route; the audit endpoint heard of it (ProfileViewAudit).
            expect(gateway.sent.map((s) => s.path)).toEqual(['/v1/profiles/lookup', '/v1/audit/views']);
            expect(gateway.sent[1]?.body).toEqual({
                views: [
                    {
                        agentId: AGENT,
                        objectApiName: 'Contact',
                        recordId: JANE,
                        matchedNamespace: first.card?.match.namespace,
                        viewedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/)
                    }
                ]
            });

            const refreshed = await lookup(r, { recordId: JANE, refresh: true });
            expect(refreshed.fromSalesforceCache).toBe(false);
        } finally {
            await gateway.close();
        }
    });

    it('does not serve a cache hit that cannot be recorded: the proxy answers, and audits, instead', async () => {
        const gateway = await startGateway();
        try {
            const r = relay({ proxyUrl: gateway.url });
            await lookup(r, { recordId: JANE });
            gateway.auditStatus = 503;
            const second = await lookup(r, { recordId: JANE });
            expect(second.status).toBe('OK');
            expect(second.fromSalesforceCache).toBe(false);
            expect(gateway.sent.map((s) => s.path)).toEqual(['/v1/profiles/lookup', '/v1/audit/views', '/v1/profiles/lookup']);
        } finally {
            await gateway.close();
        }
    });

    it("finds the Case's customer through its Contact", async () => {
        const env = await lookup(relay(), { recordId: '5008c00001CsJanAAF' });
        expect(env.status).toBe('OK');
        expect(env.card?.person.displayName).toBe('Jane Doe');
    });

    it('answers the household Case with the one profile AEP merged, its collapse relayed to the card', async () => {
        const env = await lookup(relay(), { recordId: '5008c00001CsHouAAF' });
        expect(env.status).toBe('OK');
        expect(env.card?.match.collapse).toMatchObject({ namespace: 'CRMID', people: 2 });
    });

    it('answers the graph over 50 identities and a Prime org with their own codes', async () => {
        const graph = await failure(relay().startLookup({ recordId: '0038c00002GaryGAAR' }));
        expect(graph).toMatchObject({ code: 'IDENTITY_GRAPH_TOO_LARGE', retryAfterSeconds: null });
        const prime = await startProxyStack({ org: 'prime', env: { PROXY_SHARED_SECRET: SECRET } });
        try {
            const refused = await failure(relay({ proxyUrl: prime.proxy.url }).startLookup({ recordId: JANE }));
            expect(refused.code).toBe('AEP_NOT_ENTITLED');
            expect(refused.message).toMatch(/Real-Time CDP Ultimate/);
        } finally {
            await prime.close();
        }
    });

    it('answers AMBIGUOUS with both household profiles under a policy without stitching, and the pick on a re-request', async () => {
        const unstitched = await startProxyStack({ env: { PROXY_SHARED_SECRET: SECRET, AEP_MERGE_POLICY_ID: NO_STITCHING_POLICY_ID } });
        try {
            const r = relay({ proxyUrl: unstitched.proxy.url });
            const env = await lookup(r, { recordId: '5008c00001CsHouAAF' });
            expect(env.status).toBe('AMBIGUOUS');
            expect(env.candidates.map((c) => c.displayName).sort()).toEqual(['Alex Rivera', 'Sam Rivera']);
            expect(env.identitiesTried.length).toBeGreaterThan(0);

            const alex = env.candidates.find((c) => c.displayName === 'Alex Rivera')!;
            const picked = await lookup(r, { recordId: '5008c00001CsHouAAF', profileId: alex.profileId });
            expect(picked.status).toBe('OK');
            expect(picked.card?.person.displayName).toBe('Alex Rivera');
            expect(picked.card?.match.selectedBy).toBe('agent');
        } finally {
            await unstitched.close();
        }
    });

    it('answers NOT_FOUND with the masked identities tried for the unknown email', async () => {
        const raw = await relay().startLookup({ recordId: '00Q8c00000UnKnwEAF' });
        const env = JSON.parse(raw) as RelayEnvelope;
        expect(env.status).toBe('NOT_FOUND');
        expect(env.identitiesTried.map((t) => t.field)).toContain('Email');
        expect(env.identitiesTried.every((t) => t.outcome !== 'matched')).toBe(true);
        expect(raw).not.toContain('unknown.person@example.com');
    });

    it('asks for birth date, gender and home address only for a user with View_Sensitive_Profile_Fields', async () => {
        const gateway = await startGateway();
        try {
            const env = await lookup(relay({ canViewSensitiveFields: false, proxyUrl: gateway.url }), { recordId: JANE });
            expect(gateway.sent[0]?.body.includeSensitive).toBe(false);
            expect(env.sensitiveFieldsHidden).toBe(true);
            expect(env.card?.person.birthDate).toBeNull();
            expect(env.card?.person.gender).toBeNull();
            expect(env.card?.contactPoints.address).toBeNull();
            expect(env.card?.contactPoints.emails.length).toBeGreaterThan(0);

            const full = await lookup(relay({ canViewSensitiveFields: true, proxyUrl: gateway.url }), { recordId: JANE });
            expect(gateway.sent[1]?.body.includeSensitive).toBe(true);
            expect(full.card?.person.birthDate).toBe('1985-07-22');
        } finally {
            await gateway.close();
        }
    });

    it('answers NO_IDENTITY without a callout when the record has no identity values', async () => {
        const bare = new LocalCrm([
            { Id: '00Q8c00000NoIdnEAF', objectApiName: 'Lead', fields: { LastName: 'Blank', Email: null, Phone: ' ', MobilePhone: null } }
        ]);
        // An unreachable proxy proves no callout is made.
        const env = await lookup(relay({ source: localRecordSource(bare), proxyUrl: 'http://127.0.0.1:9' }), {
            recordId: '00Q8c00000NoIdnEAF'
        });
        expect(env).toEqual({
            status: 'NO_IDENTITY',
            card: null,
            candidates: [],
            identitiesTried: [],
            sensitiveFieldsHidden: false,
            fromSalesforceCache: false,
            choice: null
        });
    });

    it('rejects bad input and unreadable records with the Apex codes', async () => {
        await expect(failure(relay().startLookup({ recordId: 'not-an-id' }))).resolves.toMatchObject({ code: 'INVALID_REQUEST' });
        await expect(failure(relay().startLookup({ recordId: JANE, profileId: 'x y' }))).resolves.toMatchObject({
            code: 'INVALID_REQUEST'
        });
        await expect(failure(relay().startLookup({ recordId: '0038c00002NobdyAAA' }))).resolves.toMatchObject({
            code: 'NO_ACCESS',
            retryAfterSeconds: null
        });
    });

    it("maps a rejected credential, a wrong endpoint and an unreachable proxy like the Apex's Named Credential errors", async () => {
        await expect(failure(relay({ sharedSecret: 'wrong-secret-wrong-secret' }).startLookup({ recordId: JANE }))).resolves.toMatchObject({
            code: 'UNAUTHORIZED'
        });
        // A Named Credential pointing at some other service: a 404 that is not the proxy's PROFILE_NOT_FOUND.
        await expect(failure(relay({ proxyUrl: emulator.platformUrl }).startLookup({ recordId: JANE }))).resolves.toMatchObject({
            code: 'CONFIGURATION'
        });
        await expect(failure(relay({ proxyUrl: 'http://127.0.0.1:9' }).startLookup({ recordId: JANE }))).resolves.toMatchObject({
            code: 'UPSTREAM_UNAVAILABLE'
        });
    });

    it('reports UPSTREAM_UNAVAILABLE when AEP fails for a record never loaded', async () => {
        emulator.faults.set({ group: 'all', action: { type: 'status', status: 503 } });
        const error = await failure(relay().startLookup({ recordId: '0038c00002MLopzAAD' }));
        expect(error.code).toBe('UPSTREAM_UNAVAILABLE');
        expect(error.message).toMatch(/Adobe Experience Platform is not available right now/);
    });
});

describe('a proxy instance at capacity', () => {
    let busy: ProxyStack;
    beforeAll(async () => {
        busy = await startProxyStack({ env: { PROXY_SHARED_SECRET: SECRET, PROXY_MAX_CONCURRENT_LOOKUPS: '1', PROXY_LOOKUP_QUEUE: '0' } });
    });
    afterAll(async () => {
        await busy?.close();
    });

    it('relays 503 OVERLOADED as RATE_LIMITED ("busy") with its Retry-After, not as AEP being down', async () => {
        busy.emulator.faults.set({ group: 'entities', action: { type: 'latency', ms: 400 } });
        const at = (p: RunningProxy) => relay({ proxyUrl: p.url });
        const [first, second] = await Promise.allSettled([
            at(busy.proxy).startLookup({ recordId: JANE }),
            new Promise((r) => setTimeout(r, 100)).then(() => at(busy.proxy).startLookup({ recordId: '0038c00002MLopzAAD' }))
        ]);
        expect(first.status).toBe('fulfilled');
        expect(second.status).toBe('rejected');
        const error = JSON.parse(((second as PromiseRejectedResult).reason as RelayError).toAuraMessage());
        expect(error).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 1 });
        expect(error.message).toMatch(/The profile service is busy right now; try again shortly \(reference [\w-]+\)\./);
    });
});
