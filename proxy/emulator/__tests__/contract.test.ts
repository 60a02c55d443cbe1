import type { RunningEmulator } from '../src';
import { AUDIENCE, DEFAULT_MERGE_POLICY_ID, SEED_IDENTITIES, deriveXid } from '../src';
import { aepHeaders, call, entitiesUrl, start, tokenFor, type JsonResponse } from './helpers';
import { assertValid, expectValidResponse, specApi } from './spec';

/**
 * Every emulator route's answers, success and each error, validated against Adobe's OpenAPI files with
 * openapi-backend (ajv). Which file documents which route:
 * - profile.yaml (2026): entities GET/POST for profiles, merge policies;
 * - history/profile@83027f4d.yaml: the last version documenting ExperienceEvent look-up;
 * - identity-service.yaml; segmentation.yaml.
 * Where Adobe's spec is wrong or silent versus its own docs, the comment says so and we validate what it does describe.
 */
const PROFILE = 'profile.yaml' as const;
const EVENTS = 'history/profile@83027f4d.yaml' as const;
const SEG = 'segmentation.yaml' as const;

/** Gateway bodies are documented in landing/troubleshooting.md, not in any service spec. */
function expectGatewayBody(res: JsonResponse, status: number, errorCode: string): void {
    expect(res.status).toBe(status);
    expect(res.body).toEqual({ error_code: errorCode, message: expect.any(String) });
}

describe('AEP emulator responses validate against Adobe OpenAPI specs', () => {
    let emu: RunningEmulator;
    let h: Record<string, string>;
    let primeHeaders: Record<string, string>;
    const json = (extra: Record<string, string> = {}) => ({ ...h, 'content-type': 'application/json', ...extra });

    beforeAll(async () => {
        emu = await start();
        h = aepHeaders(await tokenFor(emu), emu.orgs.primary);
        primeHeaders = aepHeaders(await tokenFor(emu, emu.orgs.prime), emu.orgs.prime);
        // Compile the specs once up front (about a second each).
        await Promise.all([specApi(PROFILE), specApi(EVENTS), specApi(SEG), specApi('identity-service.yaml')]);
    });
    afterEach(() => emu.faults.clear());
    afterAll(() => emu.close());

    const profileGet = (params: Record<string, string>, headers = h) =>
        call(entitiesUrl(emu, { 'schema.name': '_xdm.context.profile', ...params }), { headers });
    const eventsGet = (params: Record<string, string>, headers = h) =>
        call(entitiesUrl(emu, { 'schema.name': '_xdm.context.experienceevent', 'relatedSchema.name': '_xdm.context.profile', ...params }), {
            headers
        });
    const post = (path: string, body: unknown, headers = json()) =>
        call(`${emu.platformUrl}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });

    it('the validator itself rejects bodies that break the spec (so passing checks mean something)', async () => {
        const api = await specApi(PROFILE);
        expect(() => assertValid(api, 'retrieveEntity', 429, { message: 'Too many requests', statusCode: '429' }, PROFILE)).toThrow(
            /must be array/
        );
        expect(() => assertValid(api, 'retrieveEntity', 400, { message: 'x', statusCode: 400 }, PROFILE)).toThrow(/must be string/);
        expect(() => assertValid(api, 'getMany', 200, { children: [] }, PROFILE)).toThrow(/_page/);
    });

    describe('retrieveEntity (GET /access/entities, profiles)', () => {
        it('200 for every seed person and namespace', async () => {
            const cases: Array<[string, string]> = [
                [SEED_IDENTITIES.jane.email, 'email'],
                [SEED_IDENTITIES.jane.crmId, 'CRMID'],
                [SEED_IDENTITIES.sam.phone, 'Phone'],
                [SEED_IDENTITIES.maria.email, 'Email'],
                [SEED_IDENTITIES.kenji.phone, 'phone'],
                [deriveXid('CRMID', SEED_IDENTITIES.jane.crmId), '']
            ];
            for (const [entityId, ns] of cases) {
                const res = await profileGet({
                    entityId,
                    ...(ns ? { entityIdNS: ns } : {}),
                    withCA: 'true',
                    mergePolicyId: DEFAULT_MERGE_POLICY_ID
                });
                expect(res.status).toBe(200);
                await expectValidResponse(PROFILE, 'retrieveEntity', 200, res.body);
            }
        });

        it('400 ResponseErrorContext with a string statusCode for a missing schema.name and bad params', async () => {
            const noSchema = await call(entitiesUrl(emu, { entityId: 'x', entityIdNS: 'email' }), { headers: h });
            const badFields = await profileGet({
                entityId: SEED_IDENTITIES.jane.email,
                entityIdNS: 'email',
                fields: 'person.name, loyalty'
            });
            const badNs = await profileGet({ entityId: SEED_IDENTITIES.jane.email, entityIdNS: 'nosuchns' });
            const badPolicy = await profileGet({ entityId: SEED_IDENTITIES.jane.email, entityIdNS: 'email', mergePolicyId: 'nope' });
            for (const res of [noSchema, badFields, badNs, badPolicy]) {
                expect(res.status).toBe(400);
                expect(res.body).toMatchObject({ message: expect.any(String), cause: expect.any(String), statusCode: '400' });
                await expectValidResponse(PROFILE, 'retrieveEntity', 400, res.body);
            }
        });

        it('403 for an unknown sandbox', async () => {
            const res = await profileGet(
                { entityId: SEED_IDENTITIES.jane.email, entityIdNS: 'email' },
                { ...h, 'x-sandbox-name': 'nosuchsandbox' }
            );
            expect(res.status).toBe(403);
            await expectValidResponse(PROFILE, 'retrieveEntity', 403, res.body);
        });

        it('404 for the unknown person (spec documents only statusCode; we add message and requestId)', async () => {
            const res = await profileGet({ entityId: SEED_IDENTITIES.unknown.email, entityIdNS: 'email' });
            expect(res.status).toBe(404);
            expect(res.body).toMatchObject({ statusCode: '404', requestId: expect.any(String) });
            await expectValidResponse(PROFILE, 'retrieveEntity', 404, res.body);
        });

        it('422 for >50 linked identities, an unresolvable XID and a sandbox without default merge policy', async () => {
            const heavy = await profileGet({ entityId: SEED_IDENTITIES.gary.email, entityIdNS: 'email' });
            const xid = await profileGet({ entityId: 'AAAAAAAAAAAAAAAAAAAAAAAA' });
            const noDefault = await profileGet(
                { entityId: SEED_IDENTITIES.jane.email, entityIdNS: 'email' },
                { ...h, 'x-sandbox-name': 'dev' }
            );
            for (const res of [heavy, xid, noDefault]) {
                expect(res.status).toBe(422);
                expect((res.body as { statusCode: string }).statusCode).toBe('422');
                await expectValidResponse(PROFILE, 'retrieveEntity', 422, res.body);
            }
            expect((heavy.body as { message: string }).message).toBe('Too many related identities');
        });

        it('429 array body with retryAfterMs, and 500, under fault injection', async () => {
            emu.faults.set({
                group: 'entities',
                action: { type: 'status', status: 429, retryAfterMs: 1500 },
                mode: { type: 'next', count: 1 }
            });
            const throttled = await profileGet({ entityId: SEED_IDENTITIES.jane.email, entityIdNS: 'email' });
            expect(throttled.status).toBe(429);
            expect(throttled.headers.get('retry-after')).toBe('2');
            expect(throttled.body).toEqual([
                { message: 'Too many requests', cause: '{"Errors":["Request rate is large"]}', retryAfterMs: '1500', statusCode: '429' }
            ]);
            await expectValidResponse(PROFILE, 'retrieveEntity', 429, throttled.body);

            emu.faults.set({ group: 'entities', action: { type: 'status', status: 500 }, mode: { type: 'next', count: 1 } });
            const failed = await profileGet({ entityId: SEED_IDENTITIES.jane.email, entityIdNS: 'email' });
            expect(failed.status).toBe(500);
            await expectValidResponse(PROFILE, 'retrieveEntity', 500, failed.body);
        });
    });

    describe('retrieveMultipleEntities (POST /access/entities)', () => {
        it('200 with requestedIdentity and empty entries for unknown identities', async () => {
            const res = await post('/data/core/ups/access/entities', {
                schema: { name: '_xdm.context.profile' },
                fields: ['person.name', 'segmentMembership'],
                identities: [
                    { entityId: SEED_IDENTITIES.jane.email, entityIdNS: { code: 'email' } },
                    { entityId: SEED_IDENTITIES.unknown.email, entityIdNS: { code: 'email' } },
                    { entityId: deriveXid('CRMID', SEED_IDENTITIES.maria.crmId) }
                ],
                mergePolicyId: DEFAULT_MERGE_POLICY_ID,
                withCA: true
            });
            expect(res.status).toBe(200);
            await expectValidResponse(PROFILE, 'retrieveMultipleEntities', 200, res.body);
        });

        it('207 partial failure array for the >50 identity profile', async () => {
            const res = await post('/data/core/ups/access/entities', {
                schema: { name: '_xdm.context.profile' },
                identities: [
                    { entityId: SEED_IDENTITIES.jane.email, entityIdNS: { code: 'email' } },
                    { entityId: SEED_IDENTITIES.gary.email, entityIdNS: { code: 'email' } }
                ]
            });
            expect(res.status).toBe(207);
            expect(res.body).toEqual([
                { xid: deriveXid('Email', SEED_IDENTITIES.gary.email), error: expect.objectContaining({ statusCode: '422' }) }
            ]);
            await expectValidResponse(PROFILE, 'retrieveMultipleEntities', 207, res.body);
        });

        it('400 for a malformed body, missing identities and a bad schema', async () => {
            const broken = await call(`${emu.platformUrl}/data/core/ups/access/entities`, {
                method: 'POST',
                headers: json(),
                body: '{"schema":'
            });
            const noIds = await post('/data/core/ups/access/entities', { schema: { name: '_xdm.context.profile' } });
            const noSchema = await post('/data/core/ups/access/entities', { identities: [{ entityId: 'x' }] });
            for (const res of [broken, noIds, noSchema]) {
                expect(res.status).toBe(400);
                await expectValidResponse(PROFILE, 'retrieveMultipleEntities', 400, res.body);
            }
        });

        it('429 and 500 under fault injection', async () => {
            const body = {
                schema: { name: '_xdm.context.profile' },
                identities: [{ entityId: SEED_IDENTITIES.jane.email, entityIdNS: { code: 'email' } }]
            };
            emu.faults.set({ group: 'entities', action: { type: 'status', status: 429 }, mode: { type: 'next', count: 1 } });
            const throttled = await post('/data/core/ups/access/entities', body);
            expect(throttled.status).toBe(429);
            await expectValidResponse(PROFILE, 'retrieveMultipleEntities', 429, throttled.body);
            emu.faults.set({ group: 'entities', action: { type: 'status', status: 500 }, mode: { type: 'next', count: 1 } });
            const failed = await post('/data/core/ups/access/entities', body);
            expect(failed.status).toBe(500);
            await expectValidResponse(PROFILE, 'retrieveMultipleEntities', 500, failed.body);
        });
    });

    describe('retrieveEntity for ExperienceEvents (spec profile@83027f4d)', () => {
        it('200 page with _page, children and _links', async () => {
            const res = await eventsGet({
                relatedEntityId: SEED_IDENTITIES.jane.email,
                relatedEntityIdNS: 'email',
                limit: '5',
                orderby: '-timestamp'
            });
            expect(res.status).toBe(200);
            await expectValidResponse(EVENTS, 'retrieveEntity', 200, res.body);
        });

        it('400 for a bad limit, too many property filters and a bad cursor', async () => {
            const base = { relatedEntityId: SEED_IDENTITIES.jane.email, relatedEntityIdNS: 'email' };
            const badLimit = await eventsGet({ ...base, limit: 'ten' });
            const url = `${entitiesUrl(emu, { 'schema.name': '_xdm.context.experienceevent', 'relatedSchema.name': '_xdm.context.profile', ...base })}&property=eventType%3Da&property=eventType%3Db&property=eventType%3Dc&property=eventType%3Dd`;
            const tooMany = await call(url, { headers: h });
            const badCursor = await eventsGet({ ...base, start: 'no-such-event' });
            for (const res of [badLimit, tooMany, badCursor]) {
                expect(res.status).toBe(400);
                await expectValidResponse(EVENTS, 'retrieveEntity', 400, res.body);
            }
        });

        it('403 for the Prime-edition org (event look-up not enabled)', async () => {
            const res = await eventsGet({ relatedEntityId: SEED_IDENTITIES.jane.email, relatedEntityIdNS: 'email' }, primeHeaders);
            expect(res.status).toBe(403);
            expect((res.body as { message: string }).message).toMatch(/not enabled/);
            await expectValidResponse(EVENTS, 'retrieveEntity', 403, res.body);
        });

        it('404 for an unknown related identity', async () => {
            const res = await eventsGet({ relatedEntityId: SEED_IDENTITIES.unknown.email, relatedEntityIdNS: 'email' });
            expect(res.status).toBe(404);
            await expectValidResponse(EVENTS, 'retrieveEntity', 404, res.body);
        });
    });

    describe('merge policies', () => {
        it('getMany 200 (default=true) and with paging', async () => {
            const def = await call(`${emu.platformUrl}/data/core/ups/config/mergePolicies?default=true&schema.name=_xdm.context.profile`, {
                headers: h
            });
            expect(def.status).toBe(200);
            expect((def.body as { children: Array<{ id: string }> }).children.map((c) => c.id)).toEqual([DEFAULT_MERGE_POLICY_ID]);
            await expectValidResponse(PROFILE, 'getMany', 200, def.body);
            const paged = await call(`${emu.platformUrl}/data/core/ups/config/mergePolicies?limit=2`, { headers: h });
            await expectValidResponse(PROFILE, 'getMany', 200, paged.body);
            expect((paged.body as { _links: { next: { href: string } } })._links.next.href).toMatch(/^@\/mergePolicies\?start=/);
        });

        it('retrieveMergePolicy 200 and 404 (404 has no documented body)', async () => {
            const ok = await call(`${emu.platformUrl}/data/core/ups/config/mergePolicies/${DEFAULT_MERGE_POLICY_ID}`, { headers: h });
            expect(ok.status).toBe(200);
            await expectValidResponse(PROFILE, 'retrieveMergePolicy', 200, ok.body);
            const missing = await call(`${emu.platformUrl}/data/core/ups/config/mergePolicies/nope`, { headers: h });
            expect(missing.status).toBe(404);
            await expectValidResponse(PROFILE, 'retrieveMergePolicy', 404, missing.body);
        });

        it('bulkGetMergePolicies 207', async () => {
            const res = await post('/data/core/ups/config/mergePolicies/bulk-get', {
                ids: [{ id: DEFAULT_MERGE_POLICY_ID }, { id: 'nope' }]
            });
            expect(res.status).toBe(207);
            await expectValidResponse(PROFILE, 'bulkGetMergePolicies', 207, res.body);
        });
    });

    describe('audiences and segment definitions (segmentation.yaml)', () => {
        it('getAudience 200 and 404', async () => {
            const ok = await call(`${emu.platformUrl}/data/core/ups/audiences/${AUDIENCE.goldLoyalty}`, { headers: h });
            expect(ok.status).toBe(200);
            await expectValidResponse(SEG, 'getAudience', 200, ok.body);
            const missing = await call(`${emu.platformUrl}/data/core/ups/audiences/e65765df-adfa-4d4b-b31a-53c390a575c0`, { headers: h });
            expect(missing.status).toBe(404);
            expect(missing.body).toMatchObject({ type: 'https://ns.adobe.com/aep/errors/UPAPI-113430-404', status: 404 });
            await expectValidResponse(SEG, 'getAudience', 404, missing.body);
        });

        it('bulkGetAudiences 207 with per-id 404 entries, 400 for 0 or >100 ids, 404 when all are missing', async () => {
            const partial = await post('/data/core/ups/audiences/bulk-get', {
                ids: [{ id: AUDIENCE.highValue }, { id: 'missing-audience' }]
            });
            expect(partial.status).toBe(207);
            expect((partial.body as { results: Record<string, unknown> }).results['missing-audience']).toMatchObject({
                errors: { '404': [{ code: 404, message: 'Not found.' }] }
            });
            await expectValidResponse(SEG, 'bulkGetAudiences', 207, partial.body);
            for (const ids of [[], Array.from({ length: 101 }, (_, i) => ({ id: `a${i}` }))]) {
                const bad = await post('/data/core/ups/audiences/bulk-get', { ids });
                expect(bad.status).toBe(400);
                expect(bad.body).toMatchObject({ type: 'https://ns.adobe.com/aep/errors/UPAPI-113015-400', status: 400 });
                await expectValidResponse(SEG, 'bulkGetAudiences', 400, bad.body);
            }
            const none = await post('/data/core/ups/audiences/bulk-get', { ids: [{ id: 'missing-1' }, { id: 'missing-2' }] });
            expect(none.status).toBe(404);
            expect(none.body).toMatchObject({ type: 'https://ns.adobe.com/aep/errors/UPAPI-113000-404' });
            await expectValidResponse(SEG, 'bulkGetAudiences', 404, none.body);
        });

        it('retrieveSegmentDefinitionById 200 and 404', async () => {
            const ok = await call(`${emu.platformUrl}/data/core/ups/segment/definitions/${AUDIENCE.highChurnRisk}`, { headers: h });
            expect(ok.status).toBe(200);
            await expectValidResponse(SEG, 'retrieveSegmentDefinitionById', 200, ok.body);
            const missing = await call(`${emu.platformUrl}/data/core/ups/segment/definitions/nope`, { headers: h });
            expect(missing.status).toBe(404);
            await expectValidResponse(SEG, 'retrieveSegmentDefinitionById', 404, missing.body);
        });
    });

    describe('Identity Service (identity-service.yaml), on the platform and the regional host', () => {
        const ID = 'identity-service.yaml' as const;
        const hosts = () => [emu.platformUrl, emu.identityUrl];

        it('getIdNamespaces 200 and retrieveIdentityNamespace 200/404', async () => {
            for (const base of hosts()) {
                const list = await call(`${base}/data/core/idnamespace/identities`, { headers: h });
                expect(list.status).toBe(200);
                expect(Array.isArray(list.body)).toBe(true);
                await expectValidResponse(ID, 'getIdNamespaces', 200, list.body);
            }
            // The single-namespace schema spells idType enums differently from the list schema
            // (Cookie/Cross_device vs COOKIE/CROSS_DEVICE); Email and Phone are spelled the same in both.
            const one = await call(`${emu.identityUrl}/data/core/idnamespace/identities/6`, { headers: h });
            expect(one.body).toMatchObject({ code: 'Email', id: 6 });
            await expectValidResponse(ID, 'retrieveIdentityNamespace', 200, one.body);
            const missing = await call(`${emu.identityUrl}/data/core/idnamespace/identities/999999`, { headers: h });
            expect(missing.status).toBe(404);
            await expectValidResponse(ID, 'retrieveIdentityNamespace', 404, missing.body);
        });

        it('retrieveIdentity 200 and 400', async () => {
            for (const base of hosts()) {
                const ok = await call(
                    `${base}/data/core/identity/identity?namespace=Email&id=${encodeURIComponent(SEED_IDENTITIES.jane.email)}`,
                    { headers: h }
                );
                expect(ok.body).toEqual({ xid: deriveXid('Email', SEED_IDENTITIES.jane.email) });
                await expectValidResponse(ID, 'retrieveIdentity', 200, ok.body);
            }
            const bad = await call(`${emu.identityUrl}/data/core/identity/identity?namespace=NOPE&id=1`, { headers: h });
            expect(bad.status).toBe(400);
            await expectValidResponse(ID, 'retrieveIdentity', 400, bad.body);
        });

        it('listClusterMembers 200 (nsid, nsId, namespace, ns, xid) and 400', async () => {
            const email = encodeURIComponent(SEED_IDENTITIES.jane.email);
            for (const q of [
                `nsid=6&id=${email}`,
                `nsId=6&id=${email}`,
                `namespace=email&id=${email}`,
                `ns=Email&id=${email}`,
                `xid=${deriveXid('Email', SEED_IDENTITIES.jane.email)}`
            ]) {
                const res = await call(`${emu.identityUrl}/data/core/identity/cluster/members?${q}`, { headers: h });
                expect(res.status).toBe(200);
                expect((res.body as { clusters: Array<{ members: unknown[] }> }).clusters[0]!.members).toHaveLength(7);
                await expectValidResponse(ID, 'listClusterMembers', 200, res.body);
            }
            const bad = await call(`${emu.identityUrl}/data/core/identity/cluster/members?id=x`, { headers: h });
            expect(bad.status).toBe(400);
            await expectValidResponse(ID, 'listClusterMembers', 400, bad.body);
        });

        it('getListOfClusterMembers (batch, deprecated) 200 and 400', async () => {
            const res = await post('/data/core/identity/clusters/members', {
                compositeXids: [
                    { nsid: '6', id: SEED_IDENTITIES.kenji.email },
                    { nsid: '6', id: SEED_IDENTITIES.unknown.email }
                ],
                'graph-type': 'pdg'
            });
            expect(res.status).toBe(200);
            expect((res.body as { clusters: unknown[]; unprocessedRecords: unknown[] }).clusters).toHaveLength(1);
            expect((res.body as { unprocessedRecords: unknown[] }).unprocessedRecords).toEqual([
                { nsid: '6', id: SEED_IDENTITIES.unknown.email }
            ]);
            await expectValidResponse(ID, 'getListOfClusterMembers', 200, res.body);
            const byXid = await post('/data/core/identity/clusters/members', { xids: [deriveXid('Phone', SEED_IDENTITIES.sam.phone)] });
            // The household phone links both Riveras' identities in one cluster.
            expect((byXid.body as { clusters: Array<{ members: unknown[] }> }).clusters[0]!.members).toHaveLength(7);
            await expectValidResponse(ID, 'getListOfClusterMembers', 200, byXid.body);
            const tooMany = await post('/data/core/identity/clusters/members', { xids: Array.from({ length: 1001 }, (_, i) => `x${i}`) });
            expect(tooMany.status).toBe(400);
            await expectValidResponse(ID, 'getListOfClusterMembers', 400, tooMany.body);
        });

        it('getGraphs 200 (set and graph projections) and 400', async () => {
            // Adobe's GraphResponse schema declares `graphs` as an object, but every example in the same file
            // (and the docs) shows an array of graphs, and it is served as application/json;version=2.2.1.
            // We validate each graph against the spec's item schema, under the application/json key.
            const api = await specApi(ID, (doc) => {
                const schemas = (doc.components as { schemas: Record<string, any> }).schemas;
                schemas.GraphResponse.properties.graphs = {
                    type: 'array',
                    items: {
                        ...schemas.GraphResponse.properties.graphs,
                        properties: {
                            ...schemas.GraphResponse.properties.graphs.properties,
                            composite_xid: { $ref: '#/components/schemas/GraphResponseCompositeXid' },
                            xid: { $ref: '#/components/schemas/Id' }
                        }
                    }
                };
                const ok = (doc.paths as Record<string, any>)['/identity/v2/graph'].post.responses['200'].content;
                ok['application/json'] = ok['application/json;version=2.2.1;charset=utf-8'];
            });
            const set = await post('/data/core/identity/v2/graph', {
                composite_xids: [{ ns: 'Email', id: SEED_IDENTITIES.jane.email }],
                projection_type: 'set'
            });
            expect(set.status).toBe(200);
            expect(set.headers.get('content-type')).toBe('application/json;version=2.2.1;charset=utf-8');
            assertValid(api, 'getGraphs', 200, set.body, ID);
            const graph = await call(`${emu.identityUrl}/data/core/identity/v2/graph`, {
                method: 'POST',
                headers: json(),
                body: JSON.stringify({
                    composite_xids: [
                        { nsid: 6, id: SEED_IDENTITIES.jane.email },
                        { nsid: 6, id: 'nobody@example.com' }
                    ],
                    projection_type: 'graph',
                    require_edge_meta_data: true
                })
            });
            assertValid(api, 'getGraphs', 200, graph.body, ID);
            expect((graph.body as { unprocessed_composite_xids: unknown[] }).unprocessed_composite_xids).toEqual([
                { nsid: 6, id: 'nobody@example.com' }
            ]);
            const bad = await post('/data/core/identity/v2/graph', { composite_xids: [{ ns: 'Email', id: 'x' }], projection_type: 'tree' });
            expect(bad.status).toBe(400);
            expect((bad.body as { message: string }).message).toBe('Graph Request Invalid - projection types available are [graph|set].');
            assertValid(api, 'getGraphs', 400, bad.body, ID);
        });

        it('429 and 500 under fault injection', async () => {
            emu.faults.set({ group: 'identity', action: { type: 'status', status: 429 }, mode: { type: 'next', count: 1 } });
            const throttled = await call(`${emu.identityUrl}/data/core/identity/identity?namespace=Email&id=a`, { headers: h });
            expect(throttled.status).toBe(429);
            expect(throttled.body).toMatchObject({ title: 'RequestRateTooLarge', status: 429 });
            await expectValidResponse(ID, 'retrieveIdentity', 429, throttled.body);
            emu.faults.set({ group: 'identity', action: { type: 'status', status: 500 }, mode: { type: 'next', count: 1 } });
            const failed = await call(`${emu.identityUrl}/data/core/identity/identity?namespace=Email&id=a`, { headers: h });
            expect(failed.status).toBe(500);
            await expectValidResponse(ID, 'retrieveIdentity', 500, failed.body);
        });
    });

    it('gateway errors use the documented {error_code, message} bodies', async () => {
        const url = entitiesUrl(emu, { 'schema.name': '_xdm.context.profile', entityId: SEED_IDENTITIES.jane.email, entityIdNS: 'email' });
        expectGatewayBody(await call(url, { headers: { ...h, authorization: 'Bearer not-a-token' } }), 401, '401013');
        // The entities spec documents 403 with {message, statusCode}; the gateway's body is the troubleshooting guide's.
        const noToken = await call(url, {
            headers: { 'x-api-key': h['x-api-key']!, 'x-gw-ims-org-id': h['x-gw-ims-org-id']!, 'x-sandbox-name': 'prod' }
        });
        expectGatewayBody(noToken, 403, '403010');
        await expectValidResponse(PROFILE, 'retrieveEntity', 403, noToken.body);
    });
});
