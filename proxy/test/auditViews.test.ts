import { MAX_VIEWS_PER_REQUEST } from '../src/contract/auditViewsRequest';
import { json, PROXY_KEY, startHarness, type Harness } from './support/harness';

/** A view as the Apex forwarder (ProfileViewAuditForwarder) sends it. */
const view = (n = 0) => ({
    agentId: '0058c00000AgentAAA',
    objectApiName: 'Contact',
    recordId: '0038c00002JaneDAAR',
    matchedNamespace: 'Email',
    viewedAt: `2026-12-01T10:00:0${n % 10}.000Z`,
    eventId: `e0a1b2c3-0000-4000-8000-00000000000${n % 10}`
});

describe('POST /v1/audit/views (views served from the Salesforce cache)', () => {
    let h: Harness;
    beforeAll(async () => {
        h = await startHarness();
    });
    afterAll(async () => {
        await h.close();
    });

    const post = (body: unknown, headers: Record<string, string> = { 'x-proxy-key': PROXY_KEY }) =>
        h.proxy.app.inject({
            method: 'POST',
            url: '/v1/audit/views',
            headers: { 'content-type': 'application/json', 'x-request-id': 'audit-views-1', ...headers },
            payload: JSON.stringify(body)
        });

    it('writes the look-up audit line for each view, marked as a Salesforce-cache view', async () => {
        h.logs.length = 0;
        const res = await post({
            views: [view(1), { ...view(2), objectApiName: 'Lead', recordId: '00Q8c00000KSatoEAD', matchedNamespace: null }]
        });
        expect(res.statusCode).toBe(202);
        expect(json(res)).toEqual({ accepted: 2 });
        const lines = h.logs.map((l) => JSON.parse(l)).filter((l) => l.audit === true && l.requestId === 'audit-views-1');
        expect(lines).toHaveLength(2);
        expect(lines[0]).toMatchObject({
            msg: 'profile look-up',
            agentId: '0058c00000AgentAAA',
            callerAuth: 'shared-secret',
            objectType: 'Contact',
            recordId: '0038c00002JaneDAAR',
            outcome: 'OK',
            matchedNamespace: 'Email',
            source: 'salesforce-cache',
            viewedAt: '2026-12-01T10:00:01.000Z'
        });
        expect(lines[1]).toMatchObject({ objectType: 'Lead', matchedNamespace: null, source: 'salesforce-cache' });
    });

    it('authenticates the caller like a look-up', async () => {
        const res = await post({ views: [view()] }, { 'x-proxy-key': 'not-the-key-at-all-000000' });
        expect(res.statusCode).toBe(401);
        expect(json(res).error.code).toBe('UNAUTHORIZED');
    });

    it('refuses malformed views by path, without echoing the values', async () => {
        const res = await post({ views: [{ ...view(), agentId: 'jane.doe@example.com', extra: 1 }] });
        expect(res.statusCode).toBe(400);
        const { error } = json(res);
        expect(error.code).toBe('INVALID_REQUEST');
        expect(error.message).toMatch(/views\.0\.agentId: agentId must be a Salesforce user id/);
        expect(res.body).not.toContain('jane.doe@example.com');
    });

    it('refuses a compressed body like a look-up does, without reading it', async () => {
        const res = await post({ views: [view()] }, { 'x-proxy-key': PROXY_KEY, 'content-encoding': 'gzip' });
        expect(res.statusCode).toBe(415);
        expect(json(res).error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
        expect(res.headers['accept-encoding']).toBe('identity');
    });

    it('refuses an empty batch and one larger than the forwarder sends', async () => {
        expect((await post({ views: [] })).statusCode).toBe(400);
        const tooMany = Array.from({ length: MAX_VIEWS_PER_REQUEST + 1 }, (_, i) => view(i));
        const res = await post({ views: tooMany });
        expect(res.statusCode).toBe(400);
        expect(json(res).error.message).toMatch(/at most 50 views per request/);
    });
});
