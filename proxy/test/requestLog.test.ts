import { PROXY_KEY, RECORDS, startHarness, type Harness } from './support/harness';

type Line = Record<string, unknown>;

/** What an operator reads: one line per look-up, with the outcome and, for every refusal, a reason code. */
describe('log lines', () => {
    let h: Harness;
    beforeAll(async () => {
        h = await startHarness({ env: { AEP_RETRY_MAX_ATTEMPTS: '1' } });
        await h.proxy.warmUp();
    });
    afterAll(async () => {
        await h.close();
    });
    beforeEach(() => {
        h.logs.length = 0;
        h.emulator.faults.clear();
    });

    const linesOf = (requestId: string): Line[] => h.logs.map((l) => JSON.parse(l) as Line).filter((l) => l.requestId === requestId);

    it('writes exactly one line for a look-up: the audit record with outcome, status and time', async () => {
        await h.lookup({ record: RECORDS.janeByEmail }, { 'x-request-id': 'log-miss' });
        await h.lookup({ record: RECORDS.janeByEmail }, { 'x-request-id': 'log-hit' });
        for (const [id, source] of [
            ['log-miss', 'aep'],
            ['log-hit', 'cache']
        ] as const) {
            const lines = linesOf(id);
            expect(lines).toHaveLength(1);
            expect(lines[0]).toMatchObject({
                level: 'info',
                msg: 'profile look-up',
                audit: true,
                agentId: '0058c00000AgentAAA',
                callerAuth: 'shared-secret',
                objectType: 'Contact',
                recordId: '0038c00002JaneDAAR',
                outcome: 'OK',
                source,
                status: 200,
                ms: expect.any(Number)
            });
        }
        expect(h.logs.join('\n')).not.toMatch(/jane\.doe|example\.com/i);
    });

    it.each([
        ['malformed JSON', { payload: '{"record":', headers: {} }, 400, 'INVALID_REQUEST', 'INVALID_JSON'],
        [
            'a schema violation',
            { payload: JSON.stringify({ record: { objectApiName: 'Nope' } }), headers: {} },
            400,
            'INVALID_REQUEST',
            'SCHEMA'
        ],
        ['a gzip body', { payload: '{}', headers: { 'content-encoding': 'gzip' } }, 415, 'UNSUPPORTED_MEDIA_TYPE', 'CONTENT_ENCODING'],
        ['a text body', { payload: 'x', headers: { 'content-type': 'text/plain' } }, 415, 'UNSUPPORTED_MEDIA_TYPE', 'CONTENT_TYPE'],
        ['a huge body', { payload: 'x'.repeat(20_000), headers: {} }, 413, 'PAYLOAD_TOO_LARGE', 'BODY_TOO_LARGE'],
        [
            'a wrong key',
            { payload: '{}', headers: { 'x-proxy-key': 'wrong-wrong-wrong-wrong' } },
            401,
            'UNAUTHORIZED',
            'PROXY_KEY_MISMATCH'
        ],
        ['no credentials', { payload: '{}', headers: { 'x-proxy-key': undefined } }, 401, 'UNAUTHORIZED', 'MISSING_CREDENTIALS'],
        [
            'no usable identity',
            { payload: JSON.stringify({ record: { ...RECORDS.janeByEmail, fields: { Email: 'not an email' } } }), headers: {} },
            422,
            'NO_IDENTITY',
            'NO_IDENTITY'
        ]
    ])('gives %s its reason code', async (_name, req, status, outcome, reason) => {
        const id = `log-${reason}`;
        const res = await h.lookup(req.payload, { ...req.headers, 'x-request-id': id });
        expect(res.statusCode).toBe(status);
        const lines = linesOf(id);
        expect(lines).toHaveLength(1);
        expect(lines[0]).toMatchObject({ msg: 'profile look-up', outcome, reason, status });
        expect(lines[0]!.level).toBe(status === 401 ? 'warn' : 'info');
    });

    it('logs an AEP failure without a stale card as a warning naming the upstream', async () => {
        h.emulator.faults.set({ group: 'entities', action: { type: 'status', status: 502 } });
        await h.lookup({ record: RECORDS.unknownLead }, { 'x-request-id': 'log-down' });
        expect(linesOf('log-down')).toEqual([
            expect.objectContaining({
                level: 'warn',
                outcome: 'UPSTREAM_UNAVAILABLE',
                upstream: 'profile',
                upstreamStatus: 502,
                status: 503
            })
        ]);
    });

    it('logs a stale answer as a warning with the failure behind it', async () => {
        await h.lookup({ record: RECORDS.kenjiLead });
        h.emulator.faults.set({ group: 'entities', action: { type: 'status', status: 500 } });
        await h.lookup({ record: RECORDS.kenjiLead, refresh: true }, { 'x-request-id': 'log-stale' });
        expect(linesOf('log-stale')).toEqual([
            expect.objectContaining({
                level: 'warn',
                outcome: 'OK_STALE',
                source: 'stale',
                upstreamCode: 'UPSTREAM_UNAVAILABLE',
                upstream: 'profile',
                upstreamStatus: 500,
                status: 200
            })
        ]);
    });
});

describe('sampled look-up lines (PROXY_LOG_LOOKUP_SAMPLE)', () => {
    let h: Harness;
    beforeAll(async () => {
        h = await startHarness({ env: { PROXY_LOG_LOOKUP_SAMPLE: '0' } });
    });
    afterAll(async () => {
        await h.close();
    });

    it('drops the lines of successful look-ups and keeps every other outcome', async () => {
        h.logs.length = 0;
        for (let i = 0; i < 5; i++) expect((await h.lookup({ record: RECORDS.janeByEmail })).statusCode).toBe(200);
        expect((await h.lookup({ record: RECORDS.unknownLead })).statusCode).toBe(404);
        expect((await h.lookup({ record: RECORDS.janeByEmail }, { 'x-proxy-key': `${PROXY_KEY}-no` })).statusCode).toBe(401);
        const lookups = h.logs.map((l) => JSON.parse(l) as Line).filter((l) => l.msg === 'profile look-up');
        expect(lookups.map((l) => l.outcome)).toEqual(['PROFILE_NOT_FOUND', 'UNAUTHORIZED']);
    });
});
