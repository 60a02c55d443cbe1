import { PROXY_KEY, RECORDS, startHarness, type Harness } from './support/harness';

type Case = { name: string; body?: string | Buffer; headers?: Record<string, string>; status: number; code: string; message?: RegExp };

const ok = RECORDS.janeByEmail;
const body = (v: unknown) => JSON.stringify(v);
const rec = (patch: Record<string, unknown>) => body({ record: { ...ok, ...patch } });
const fields = (f: Record<string, unknown>) => rec({ fields: f });

/** At least 50 kinds of bad input: each must get a clear 4xx, never a 5xx, and the process stays up. */
const CASES: Case[] = [
    // Not JSON, wrong media type, size
    { name: 'non-JSON body', body: 'record=1', status: 400, code: 'INVALID_REQUEST', message: /not valid JSON/ },
    { name: 'truncated JSON', body: '{"record":{', status: 400, code: 'INVALID_REQUEST' },
    { name: 'empty body', body: '', status: 400, code: 'INVALID_REQUEST' },
    { name: 'JSON null', body: 'null', status: 400, code: 'INVALID_REQUEST' },
    { name: 'JSON array', body: '[1,2]', status: 400, code: 'INVALID_REQUEST' },
    { name: 'JSON string', body: '"hello"', status: 400, code: 'INVALID_REQUEST' },
    {
        name: 'text/plain content type',
        body: body({ record: ok }),
        headers: { 'content-type': 'text/plain' },
        status: 415,
        code: 'UNSUPPORTED_MEDIA_TYPE'
    },
    {
        name: 'form content type',
        body: 'a=b',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        status: 415,
        code: 'UNSUPPORTED_MEDIA_TYPE'
    },
    {
        name: 'xml content type',
        body: '<record/>',
        headers: { 'content-type': 'application/xml' },
        status: 415,
        code: 'UNSUPPORTED_MEDIA_TYPE'
    },
    {
        name: 'huge body (64 KB)',
        body: body({ record: { ...ok, fields: { Email: 'a'.repeat(64 * 1024) } } }),
        status: 413,
        code: 'PAYLOAD_TOO_LARGE'
    },
    { name: 'huge body (1 MB)', body: 'x'.repeat(1024 * 1024), status: 413, code: 'PAYLOAD_TOO_LARGE' },
    // Bytes that are not UTF-8 are refused as such, not decoded into U+FFFD and tried as an identity (422).
    {
        name: 'invalid UTF-8 in an identity value',
        body: Buffer.concat([
            Buffer.from('{"record":{"objectApiName":"Lead","recordId":"00Q8c00000UnKnwEAF","fields":{"Email":"j'),
            Buffer.from([0xc3, 0x28]),
            Buffer.from('@example.com"}}}')
        ]),
        status: 400,
        code: 'INVALID_REQUEST',
        message: /not valid UTF-8/
    },
    {
        name: 'overlong UTF-8 encoding',
        body: Buffer.from([0x7b, 0x22, 0xc0, 0xaf, 0x22, 0x3a, 0x31, 0x7d]),
        status: 400,
        code: 'INVALID_REQUEST',
        message: /UTF-8/
    },
    {
        name: 'gzip-compressed body',
        body: body({ record: ok }),
        headers: { 'content-encoding': 'gzip' },
        status: 415,
        code: 'UNSUPPORTED_MEDIA_TYPE',
        message: /uncompressed/
    },
    {
        name: 'deflate-compressed body',
        body: body({ record: ok }),
        headers: { 'content-encoding': 'deflate' },
        status: 415,
        code: 'UNSUPPORTED_MEDIA_TYPE'
    },
    // Auth
    { name: 'missing credentials', body: body({ record: ok }), headers: { 'x-proxy-key': '' }, status: 401, code: 'UNAUTHORIZED' },
    {
        name: 'wrong shared secret',
        body: body({ record: ok }),
        headers: { 'x-proxy-key': 'wrong-key-wrong-key-wrong' },
        status: 401,
        code: 'UNAUTHORIZED',
        message: /^authentication failed: send one valid caller credential/
    },
    {
        name: 'bearer token when only the secret is configured',
        body: body({ record: ok }),
        headers: { 'x-proxy-key': '', authorization: 'Bearer a.b.c' },
        status: 401,
        code: 'UNAUTHORIZED'
    },
    {
        name: 'unauthenticated huge body is refused before parsing',
        body: 'x'.repeat(100_000),
        headers: { 'x-proxy-key': 'nope-nope-nope-nope' },
        status: 401,
        code: 'UNAUTHORIZED'
    },
    // Shape and types
    { name: 'missing record', body: body({}), status: 400, code: 'INVALID_REQUEST', message: /record/ },
    { name: 'record is a string', body: body({ record: 'x' }), status: 400, code: 'INVALID_REQUEST', message: /record/ },
    {
        name: 'unknown top-level key',
        body: body({ record: ok, extra: 1 }),
        status: 400,
        code: 'INVALID_REQUEST',
        message: /unknown key.*extra/
    },
    { name: 'unknown record key', body: rec({ sobject: 'Contact' }), status: 400, code: 'INVALID_REQUEST', message: /record: unknown key/ },
    {
        name: 'unknown object type',
        body: rec({ objectApiName: 'Opportunity' }),
        status: 400,
        code: 'INVALID_REQUEST',
        message: /record\.objectApiName/
    },
    { name: 'object type wrong case', body: rec({ objectApiName: 'contact' }), status: 400, code: 'INVALID_REQUEST' },
    { name: 'recordId too short', body: rec({ recordId: '003' }), status: 400, code: 'INVALID_REQUEST', message: /record\.recordId/ },
    { name: 'recordId 16 chars', body: rec({ recordId: '0038c00002JaneDA' }), status: 400, code: 'INVALID_REQUEST' },
    { name: 'recordId with SOQL', body: rec({ recordId: "0038c00002JaneD' OR Id!='" }), status: 400, code: 'INVALID_REQUEST' },
    { name: 'recordId number', body: rec({ recordId: 38 }), status: 400, code: 'INVALID_REQUEST' },
    { name: 'fields is an array', body: rec({ fields: ['Email'] }), status: 400, code: 'INVALID_REQUEST', message: /record\.fields/ },
    { name: 'field value number', body: fields({ Email: 42 }), status: 400, code: 'INVALID_REQUEST', message: /record\.fields\.Email/ },
    { name: 'field value object', body: fields({ Email: { $ne: null } }), status: 400, code: 'INVALID_REQUEST' },
    { name: 'field value array', body: fields({ Email: ['a@b.com'] }), status: 400, code: 'INVALID_REQUEST' },
    { name: 'field value boolean', body: fields({ Email: true }), status: 400, code: 'INVALID_REQUEST' },
    {
        name: 'field value too long',
        body: fields({ Email: `${'a'.repeat(320)}@b.com` }),
        status: 400,
        code: 'INVALID_REQUEST',
        message: /320/
    },
    { name: 'field name with space', body: fields({ 'E mail': 'a@b.com' }), status: 400, code: 'INVALID_REQUEST' },
    { name: 'field name with two dots', body: fields({ 'Contact.Account.Email': 'a@b.com' }), status: 400, code: 'INVALID_REQUEST' },
    { name: 'field name starting with a digit', body: fields({ '1Email': 'a@b.com' }), status: 400, code: 'INVALID_REQUEST' },
    { name: 'field name with SOQL', body: fields({ 'Email FROM User': 'a@b.com' }), status: 400, code: 'INVALID_REQUEST' },
    {
        name: 'too many fields',
        body: fields(Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`F${i}__c`, 'x']))),
        status: 400,
        code: 'INVALID_REQUEST',
        message: /at most 20/
    },
    {
        name: 'NUL in value',
        body: fields({ Email: 'jane.doe@example.com\u0000' }),
        status: 400,
        code: 'INVALID_REQUEST',
        message: /control characters/
    },
    {
        name: 'newline in value (log injection)',
        body: fields({ Email: 'jane@example.com\n{"level":"error"}' }),
        status: 400,
        code: 'INVALID_REQUEST',
        message: /control characters/
    },
    { name: 'carriage return in value', body: fields({ Phone: '415\r555' }), status: 400, code: 'INVALID_REQUEST' },
    { name: 'escape sequence in value', body: fields({ Email: '\u001b[31mred@example.com' }), status: 400, code: 'INVALID_REQUEST' },
    { name: 'unicode line separator in value', body: fields({ Email: 'a\u2028b@example.com' }), status: 400, code: 'INVALID_REQUEST' },
    { name: 'C1 control in value', body: fields({ Email: 'a\u0085b@example.com' }), status: 400, code: 'INVALID_REQUEST' },
    // Prototype pollution
    {
        name: '__proto__ at top level',
        body: '{"record":{"objectApiName":"Contact","recordId":"0038c00002JaneDAAR","fields":{}},"__proto__":{"polluted":true}}',
        status: 400,
        code: 'INVALID_REQUEST'
    },
    {
        name: '__proto__ in fields',
        body: '{"record":{"objectApiName":"Contact","recordId":"0038c00002JaneDAAR","fields":{"__proto__":{"isAdmin":true}}}}',
        status: 400,
        code: 'INVALID_REQUEST'
    },
    {
        name: 'constructor.prototype in fields',
        body: '{"record":{"objectApiName":"Contact","recordId":"0038c00002JaneDAAR","fields":{"constructor":{"prototype":{"x":1}}}}}',
        status: 400,
        code: 'INVALID_REQUEST'
    },
    // Other options
    { name: 'maxEvents too high', body: body({ record: ok, maxEvents: 51 }), status: 400, code: 'INVALID_REQUEST', message: /maxEvents/ },
    { name: 'maxEvents negative', body: body({ record: ok, maxEvents: -1 }), status: 400, code: 'INVALID_REQUEST' },
    { name: 'maxEvents fractional', body: body({ record: ok, maxEvents: 2.5 }), status: 400, code: 'INVALID_REQUEST' },
    { name: 'maxEvents string', body: body({ record: ok, maxEvents: '10' }), status: 400, code: 'INVALID_REQUEST' },
    { name: 'refresh string', body: body({ record: ok, refresh: 'yes' }), status: 400, code: 'INVALID_REQUEST', message: /refresh/ },
    {
        name: 'profileId with query injection',
        body: body({ record: ok, profileId: 'abc&schema.name=x' }),
        status: 400,
        code: 'INVALID_REQUEST',
        message: /profileId/
    },
    { name: 'profileId too short', body: body({ record: ok, profileId: 'abc' }), status: 400, code: 'INVALID_REQUEST' },
    {
        name: 'profileId path traversal',
        body: body({ record: ok, profileId: '../../../etc/passwd' }),
        status: 400,
        code: 'INVALID_REQUEST'
    },
    {
        name: 'profileId not reached by the record',
        body: body({ record: ok, profileId: 'AAAAAAAAAAAAAAAAAAAAAAAA' }),
        status: 400,
        code: 'INVALID_REQUEST',
        message: /not one of the profiles/
    },
    // Identity values that normalise to nothing
    { name: 'no identity values at all', body: fields({}), status: 422, code: 'NO_IDENTITY' },
    { name: 'only null values', body: fields({ Email: null, Phone: null }), status: 422, code: 'NO_IDENTITY' },
    { name: 'unmapped fields only', body: fields({ Title: 'CEO', Department: 'Sales' }), status: 422, code: 'NO_IDENTITY' },
    { name: 'invalid email', body: fields({ Email: 'not an email' }), status: 422, code: 'NO_IDENTITY' },
    { name: 'invalid phone', body: fields({ Phone: '12' }), status: 422, code: 'NO_IDENTITY' },
    { name: 'whitespace-only values', body: fields({ Email: '   ', Phone: ' ' }), status: 422, code: 'NO_IDENTITY' },
    // Injection into AEP query strings travels as data, never as parameters
    { name: 'email with query-string injection', body: fields({ Email: 'a@b.com&schema.name=x' }), status: 422, code: 'NO_IDENTITY' },
    {
        name: 'loyalty id with query-string injection',
        body: fields({ Loyalty_Id__c: 'LY-1&entityIdNS=email&mergePolicyId=x' }),
        status: 422,
        code: 'NO_IDENTITY'
    },
    { name: 'loyalty id with fragment and plus', body: fields({ Loyalty_Id__c: 'LY-1#x=y/+z' }), status: 404, code: 'PROFILE_NOT_FOUND' },
    {
        name: 'loyalty id with path traversal',
        body: fields({ Loyalty_Id__c: '../../idnamespace/identities' }),
        status: 404,
        code: 'PROFILE_NOT_FOUND'
    },
    { name: 'SQL-ish email', body: fields({ Email: "x'); DROP TABLE profiles;--@example.com" }), status: 422, code: 'NO_IDENTITY' }
];

describe('bad input corpus', () => {
    let h: Harness;
    beforeAll(async () => {
        h = await startHarness();
    });
    afterAll(async () => {
        await h.close();
    });

    it('has at least 50 cases', () => {
        expect(CASES.length).toBeGreaterThanOrEqual(50);
    });

    it.each(CASES)('$name -> $status $code', async (c) => {
        const res = await h.proxy.app.inject({
            method: 'POST',
            url: '/v1/profiles/lookup',
            headers: { 'content-type': 'application/json', 'x-proxy-key': PROXY_KEY, ...c.headers },
            payload: c.body ?? ''
        });
        expect(res.statusCode).toBeLessThan(500);
        expect(res.statusCode).toBe(c.status);
        if (c.status === 401) expect(res.headers['www-authenticate']).toBe('ProxyKey realm="aep-profile-proxy"');
        if (c.headers?.['content-encoding']) expect(res.headers['accept-encoding']).toBe('identity');
        const parsed = JSON.parse(res.body);
        expect(parsed.error).toMatchObject({ code: c.code, requestId: res.headers['x-request-id'] });
        expect(typeof parsed.error.message).toBe('string');
        if (c.message) expect(parsed.error.message).toMatch(c.message);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    });

    it('sends injection attempts to AEP as literal values', async () => {
        h.upstream.length = 0;
        const injected = 'LY-1#x=y/+z&mergePolicyId=x'.replace('&', '=');
        await h.lookup({ record: { ...ok, fields: { Loyalty_Id__c: injected } }, refresh: true });
        const post = h.upstream.find((r) => r.upstream === 'profile' && r.method === 'POST');
        expect(JSON.parse(post!.body!).identities).toEqual([{ entityId: injected, entityIdNS: { code: 'loyaltyId' } }]);
        const events = h.upstream.find((r) => r.upstream === 'events');
        expect(events!.url).toMatch(/\/data\/core\/ups\/access\/entities$/);
        const body = JSON.parse(events!.body!);
        expect(body.identities).toEqual([{ relatedEntityId: injected, entityIdNS: { code: 'loyaltyId' } }]);
        expect(typeof body.mergePolicyId).toBe('string');
    });

    it("never matches another person's profile through a Kelvin sign in the email", async () => {
        // "\u212A" lower-cases (and NFC-normalises) to "k": kenji.sato@example.com is a real profile in the emulator.
        h.upstream.length = 0;
        const res = await h.lookup({
            record: { objectApiName: 'Lead', recordId: '00Q8c00000KelvnEAD', fields: { Email: '\u212Aenji.sato@example.com' } }
        });
        expect(res.statusCode).toBe(422);
        const error = JSON.parse(res.body).error;
        expect(error.code).toBe('NO_IDENTITY');
        expect(error.details.identitiesTried).toEqual([expect.objectContaining({ field: 'Email', outcome: 'skipped' })]);
        expect(h.upstream.filter((r) => r.body?.includes('kenji') || r.url.includes('kenji'))).toEqual([]);
    });

    it('answers unknown routes and methods with the error shape, and keeps serving', async () => {
        // 404 ROUTE_NOT_FOUND, never PROFILE_NOT_FOUND: Apex tells a misconfigured Named Credential URL apart by the code.
        for (const [method, url] of [
            ['GET', '/v1/profiles/lookup'],
            ['POST', '/v1/profile/lookup'],
            ['GET', '/../../etc/passwd']
        ] as const) {
            const unknown = await h.proxy.app.inject({ method, url });
            expect(unknown.statusCode).toBe(404);
            expect(JSON.parse(unknown.body).error.code).toBe('ROUTE_NOT_FOUND');
        }
        const health = await h.proxy.app.inject({ method: 'GET', url: '/healthz' });
        expect(health.statusCode).toBe(200);
    });

    it('ignores an insane X-Request-Id and generates one', async () => {
        const res = await h.lookup({ record: ok }, { 'x-request-id': 'bad id\twith spaces' });
        expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
        const sane = await h.lookup({ record: ok }, { 'x-request-id': 'sf-req.123:abc' });
        expect(sane.headers['x-request-id']).toBe('sf-req.123:abc');
    });
});
