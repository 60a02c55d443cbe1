import type { RunningEmulator } from '../src';
import { SEED_IDENTITIES } from '../src';
import { aepHeaders, call, entitiesUrl, start, tokenFor } from './helpers';

describe('platform gateway header checks (answered like AEP)', () => {
    let emu: RunningEmulator;
    let h: Record<string, string>;
    let clock = Date.UTC(2026, 10, 23, 9, 0, 0);

    beforeAll(async () => {
        emu = await start({ now: () => clock });
        h = aepHeaders(await tokenFor(emu), emu.orgs.primary);
    });
    afterEach(() => emu.setRateLimit({}));
    afterAll(() => emu.close());

    const url = () =>
        entitiesUrl(emu, { 'schema.name': '_xdm.context.profile', entityId: SEED_IDENTITIES.jane.email, entityIdNS: 'email' });
    const without = (name: string) => Object.fromEntries(Object.entries(h).filter(([k]) => k !== name));

    it.each([
        ['no x-api-key', () => without('x-api-key'), 403, { error_code: '403000', message: 'Api Key is required' }],
        [
            'an unknown x-api-key',
            () => ({ ...h, 'x-api-key': 'not-a-client' }),
            403,
            { error_code: '403003', message: 'Api Key is invalid' }
        ],
        [
            "another credential's x-api-key",
            () => ({ ...h, 'x-api-key': emu.orgs.prime.clientId }),
            403,
            { error_code: '403003', message: 'Api Key is invalid' }
        ],
        ['no Authorization', () => without('authorization'), 403, { error_code: '403010', message: 'Oauth token is missing.' }],
        [
            'a non-bearer Authorization',
            () => ({ ...h, authorization: 'Basic abc' }),
            401,
            { error_code: '401013', message: 'Oauth token is not valid' }
        ],
        [
            'a garbage token',
            () => ({ ...h, authorization: 'Bearer abc.def.ghi' }),
            401,
            { error_code: '401013', message: 'Oauth token is not valid' }
        ],
        ['no x-gw-ims-org-id', () => without('x-gw-ims-org-id'), 400, { error_code: '400003', message: 'Missing header' }],
        [
            'an org the credential is not entitled to',
            () => ({ ...h, 'x-gw-ims-org-id': 'FFFFFFFFFFFFFFFFFFFFFFFF@AdobeOrg' }),
            403,
            { error_code: '403025', message: 'Profile is not valid' }
        ]
    ])('answers %s', async (_label, headers, status, body) => {
        const res = await call(url(), { headers: headers() });
        expect(res.status).toBe(status);
        expect(res.body).toEqual(body);
    });

    it('requires x-sandbox-name on Profile/Segmentation routes but not on Identity (default sandbox)', async () => {
        const profile = await call(url(), { headers: without('x-sandbox-name') });
        expect(profile.status).toBe(400);
        expect(profile.body).toMatchObject({ status: 400, title: 'Missing x-sandbox-name header' });
        const audiences = await call(`${emu.platformUrl}/data/core/ups/audiences/x`, { headers: without('x-sandbox-name') });
        expect(audiences.status).toBe(400);
        const identity = await call(`${emu.identityUrl}/data/core/idnamespace/identities`, { headers: without('x-sandbox-name') });
        expect(identity.status).toBe(200);
    });

    it('answers an unknown sandbox with 403 and tenant info', async () => {
        const res = await call(url(), { headers: { ...h, 'x-sandbox-name': 'staging' } });
        expect(res.status).toBe(403);
        expect(res.body).toMatchObject({
            status: 403,
            report: { tenantInfo: { imsOrgId: emu.orgs.primary.imsOrgId, sandboxName: 'staging' } }
        });
    });

    it('checks Content-Type on body calls: missing -> 400 BadRequestError, unreadable -> 415 on Profile', async () => {
        const body = JSON.stringify({
            schema: { name: '_xdm.context.profile' },
            identities: [{ entityId: SEED_IDENTITIES.jane.email, entityIdNS: { code: 'email' } }]
        });
        const missing = await call(`${emu.platformUrl}/data/core/ups/access/entities`, {
            method: 'POST',
            headers: h,
            body: Buffer.from(body)
        });
        expect(missing.status).toBe(400);
        expect(missing.body).toEqual({
            type: '/placeholder/type/uri',
            status: 400,
            title: 'BadRequestError',
            detail: 'A valid content-type must be specified'
        });
        const text = await call(`${emu.platformUrl}/data/core/ups/access/entities`, {
            method: 'POST',
            headers: { ...h, 'content-type': 'text/plain' },
            body
        });
        expect(text.status).toBe(415);
        expect(text.body).toEqual({
            status: 415,
            title: 'HTTP 415 Unsupported Media Type',
            type: 'http://ns.adobe.com/adobecloud/problem/unsupported-media-type'
        });
        const audiences = await call(`${emu.platformUrl}/data/core/ups/audiences/bulk-get`, {
            method: 'POST',
            headers: { ...h, 'content-type': 'text/xml' },
            body: '<ids/>'
        });
        expect(audiences.status).toBe(400);
        expect(audiences.body).toMatchObject({ title: 'BadRequestError' });
        const charset = await call(`${emu.platformUrl}/data/core/ups/access/entities`, {
            method: 'POST',
            headers: { ...h, 'content-type': 'application/json; charset=utf-8' },
            body
        });
        expect(charset.status).toBe(200);
    });

    it('throttles an org above its configured request rate with the 429 array body and Retry-After', async () => {
        emu.setRateLimit({ requestsPerSecond: 2, retryAfterMs: 750 });
        expect((await call(url(), { headers: h })).status).toBe(200);
        expect((await call(url(), { headers: h })).status).toBe(200);
        const third = await call(url(), { headers: h });
        expect(third.status).toBe(429);
        expect(third.headers.get('retry-after')).toBe('1');
        expect(third.body).toEqual([
            { message: 'Too many requests', cause: '{"Errors":["Request rate is large"]}', retryAfterMs: '750', statusCode: '429' }
        ]);
        clock += 1001;
        expect((await call(url(), { headers: h })).status).toBe(200);
    });

    it('answers unknown paths with a gateway 404 and never serves non-identity routes on the regional host', async () => {
        expect((await call(`${emu.platformUrl}/data/core/nothing`, { headers: h })).status).toBe(404);
        expect((await call(`${emu.identityUrl}/data/core/ups/audiences/x`, { headers: h })).status).toBe(404);
    });

    it('echoes x-request-id, or sets one', async () => {
        const echoed = await call(url(), { headers: { ...h, 'x-request-id': 'trace-123' } });
        expect(echoed.headers.get('x-request-id')).toBe('trace-123');
        const generated = await call(url(), { headers: h });
        expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f]{32}$/);
    });

    it('refuses to listen on a non-loopback host', async () => {
        await expect(start({ host: '0.0.0.0' })).rejects.toThrow(/loopback only/);
    });
});
