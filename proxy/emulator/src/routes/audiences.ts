import type { FastifyInstance } from 'fastify';
import { newRequestId, upapiError } from '../errors';
import { requireCaller, sendAdobeError, type CallerContext, type EmulatorServices, type RouteConfig } from '../context';
import { readJsonBody } from './jsonBody';
import { one, type Query } from './query';
import type { AudienceRecord } from '../store/dataset';

const GET_CONFIG: RouteConfig = { group: 'audiences', sandbox: 'required' };
const POST_CONFIG: RouteConfig = { group: 'audiences', sandbox: 'required', jsonBody: true };
const MAX_BULK_IDS = 100;
const DEFAULT_PAGE = 20;
const MAX_PAGE = 100;

/** The definition fields both documented shapes carry, in the order both print them. */
function definitionFields(audience: AudienceRecord, caller: CallerContext, mergePolicyId: string): Record<string, unknown> {
    return {
        imsOrgId: caller.org.imsOrgId,
        sandbox: {
            sandboxId: caller.sandbox.sandboxId,
            sandboxName: caller.sandbox.name,
            type: caller.sandbox.type,
            default: caller.sandbox.default
        },
        name: audience.name,
        description: audience.description,
        expression: { type: 'PQL', format: 'pql/text', value: audience.pql },
        mergePolicyId,
        evaluationInfo: {
            batch: { enabled: audience.evaluation === 'batch' },
            continuous: { enabled: audience.evaluation === 'continuous' },
            synchronous: { enabled: audience.evaluation === 'synchronous' }
        },
        dataGovernancePolicy: { excludeOptOut: true }
    };
}

/** Audience object as `GET /audiences/{id}` returns it (segmentation.yaml examples, audiences.md). */
function audienceBody(audience: AudienceRecord, caller: CallerContext, mergePolicyId: string): Record<string, unknown> {
    return {
        id: audience.id,
        audienceId: audience.id,
        schema: { name: '_xdm.context.profile' },
        ...definitionFields(audience, caller, mergePolicyId),
        labels: [...audience.labels],
        creationTime: audience.createdAt,
        createEpoch: Math.floor(audience.createdAt / 1000),
        updateTime: audience.updatedAt,
        updateEpoch: Math.floor(audience.updatedAt / 1000),
        _etag: `"${audience.id.slice(0, 8)}-0000-0200-0000-${audience.updatedAt.toString(16).padStart(12, '0')}"`,
        dependents: [],
        dependencies: [],
        type: 'SegmentDefinition',
        state: 'enabled',
        lifecycleState: 'published',
        namespace: 'AEPSegments',
        isSystem: false,
        saveSegmentMembership: true,
        originName: 'REAL_TIME_CUSTOMER_PROFILE'
    };
}

/** The older segment-definition shape (`GET /segment/definitions/{id}`). */
function segmentDefinitionBody(audience: AudienceRecord, caller: CallerContext, mergePolicyId: string): Record<string, unknown> {
    return {
        id: audience.id,
        schema: { name: '_xdm.context.profile' },
        profileInstanceId: 'ups',
        ...definitionFields(audience, caller, mergePolicyId),
        creationTime: audience.createdAt,
        updateTime: audience.updatedAt,
        updateEpoch: Math.floor(audience.updatedAt / 1000)
    };
}

function notFoundMessage(id: string): string {
    return `The audience entity ${id} is not found. Use a valid entity and try again.`;
}

/** Audiences live in every sandbox of the org in the emulator; their merge policy is the sandbox default (or none). */
function policyOf(caller: CallerContext): string {
    return caller.sandbox.defaultMergePolicyId ?? '';
}

/**
 * `GET /audiences` (segmentation.yaml listAudiences): `start` (offset), `limit`, `sort` (`name|updateTime|createTime:asc|desc`),
 * `property=audienceId==...` / `id==` / `name==` (exact), `name` and `description` (contains, case-insensitive).
 * The spec documents only 200 and 403, so a parameter we cannot read falls back to its default instead of a 400.
 */
function listAudiences(services: EmulatorServices, caller: CallerContext, query: Query): Record<string, unknown> {
    let list = [...services.dataset.audiences()];
    const name = one(query, 'name')?.toLowerCase();
    if (name) list = list.filter((a) => a.name.toLowerCase().includes(name));
    const description = one(query, 'description')?.toLowerCase();
    if (description) list = list.filter((a) => a.description.toLowerCase().includes(description));
    const property = /^(audienceId|id|name)==(.*)$/.exec(one(query, 'property') ?? '');
    if (property) list = list.filter((a) => (property[1] === 'name' ? a.name : a.id) === property[2]);
    const [sortField, direction] = (one(query, 'sort') ?? 'name:asc').split(':') as [string, string | undefined];
    const field = ['name', 'updateTime', 'createTime'].includes(sortField) ? sortField : 'name';
    const sort = direction === 'desc' ? 'desc' : 'asc';
    const key = (a: AudienceRecord) => (field === 'name' ? a.name : field === 'updateTime' ? a.updatedAt : a.createdAt);
    list.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0) * (sort === 'desc' ? -1 : 1));
    const limit = Math.min(MAX_PAGE, Math.max(1, intParam(one(query, 'limit')) ?? DEFAULT_PAGE));
    const start = Math.max(0, intParam(one(query, 'start')) ?? 0);
    const page = list.slice(start, start + limit);
    const next = start + limit < list.length ? start + limit : undefined;
    return {
        children: page.map((a) => ({ ...audienceBody(a, caller, policyOf(caller)), profileInstanceId: 'ups' })),
        _page: {
            totalCount: list.length,
            totalPages: Math.ceil(list.length / limit),
            sortField: field,
            sort,
            pageSize: page.length,
            limit,
            start,
            ...(next === undefined ? {} : { next })
        },
        _links: next === undefined ? {} : { next: { href: `@/audiences?start=${next}&limit=${limit}&totalCount=${list.length}` } }
    };
}

function intParam(raw: string | undefined): number | undefined {
    return raw !== undefined && /^\d{1,7}$/.test(raw) ? Number(raw) : undefined;
}

export function registerAudienceRoutes(app: FastifyInstance, services: EmulatorServices): void {
    app.get('/data/core/ups/audiences', { config: GET_CONFIG }, async (request, reply) => {
        const caller = requireCaller(request.caller);
        return reply
            .code(200)
            .type('application/json')
            .send(listAudiences(services, caller, request.query as Query));
    });

    app.get<{ Params: { id: string } }>('/data/core/ups/audiences/:id', { config: GET_CONFIG }, async (request, reply) => {
        const caller = requireCaller(request.caller);
        const audience = services.dataset.audienceById(request.params.id);
        if (!audience) {
            return sendAdobeError(reply, upapiError(404, 'UPAPI-113430-404', notFoundMessage(request.params.id), newRequestId()));
        }
        return reply
            .code(200)
            .type('application/json')
            .send(audienceBody(audience, caller, policyOf(caller)));
    });

    app.post('/data/core/ups/audiences/bulk-get', { config: POST_CONFIG }, async (request, reply) => {
        const caller = requireCaller(request.caller);
        const parsed = readJsonBody(request.body);
        const ids = parsed.ok ? idsOf(parsed.value) : undefined;
        if (!parsed.ok || ids === undefined) {
            return sendAdobeError(
                reply,
                upapiError(400, 'UPAPI-113001-400', 'The request body is invalid. Expected {"ids":[{"id":"..."}]}.', newRequestId())
            );
        }
        if (ids.length === 0 || ids.length > MAX_BULK_IDS) {
            return sendAdobeError(
                reply,
                upapiError(400, 'UPAPI-113015-400', 'The number of requested IDs is invalid. Cannot be 0 or exceed 100.', newRequestId())
            );
        }
        const missing = ids.filter((id) => !services.dataset.audienceById(id));
        if (missing.length === ids.length) {
            return sendAdobeError(
                reply,
                upapiError(404, 'UPAPI-113000-404', `The entity ${missing.join(',')} is not found.`, newRequestId())
            );
        }
        return reply
            .code(207)
            .type('application/json')
            .send({ results: bulkResults(services, caller, ids, audienceBody) });
    });

    /**
     * segmentation.yaml bulkGetSegmentDefinitions: `{ids:[{id}]}` -> 207 `{results:{id: definition}}`. The spec
     * documents only the 207; an id that does not exist gets the per-id error entry audiences bulk-get uses.
     */
    app.post('/data/core/ups/segment/definitions/bulk-get', { config: POST_CONFIG }, async (request, reply) => {
        const caller = requireCaller(request.caller);
        const parsed = readJsonBody(request.body);
        const ids = parsed.ok ? idsOf(parsed.value) : undefined;
        if (!parsed.ok || ids === undefined || ids.length === 0 || ids.length > MAX_BULK_IDS) {
            return sendAdobeError(
                reply,
                upapiError(
                    400,
                    'UPAPI-113001-400',
                    `The request body is invalid. Expected {"ids":[{"id":"..."}]} with 1 to ${MAX_BULK_IDS} ids.`,
                    newRequestId()
                )
            );
        }
        return reply
            .code(207)
            .type('application/json')
            .send({ results: bulkResults(services, caller, ids, segmentDefinitionBody) });
    });

    app.get<{ Params: { id: string } }>('/data/core/ups/segment/definitions/:id', { config: GET_CONFIG }, async (request, reply) => {
        const caller = requireCaller(request.caller);
        const audience = services.dataset.audienceById(request.params.id);
        if (!audience) {
            return sendAdobeError(
                reply,
                upapiError(404, 'UPAPI-113430-404', `The segment definition ${request.params.id} is not found.`, newRequestId())
            );
        }
        return reply
            .code(200)
            .type('application/json')
            .send(segmentDefinitionBody(audience, caller, policyOf(caller)));
    });
}

/**
 * The 207 `results` map both bulk-get routes answer: each id's object in the route's shape, or for an id that does
 * not exist the per-id 404 entry of segmentation.yaml's bulkGetAudiences example (`missing-audience`).
 */
function bulkResults(
    services: EmulatorServices,
    caller: CallerContext,
    ids: readonly string[],
    body: (audience: AudienceRecord, caller: CallerContext, mergePolicyId: string) => Record<string, unknown>
): Record<string, unknown> {
    const results: Record<string, unknown> = {};
    for (const id of ids) {
        const audience = services.dataset.audienceById(id);
        results[id] = audience
            ? body(audience, caller, policyOf(caller))
            : { requestId: newRequestId(), errors: { '404': [{ code: 404, message: 'Not found.' }] } };
    }
    return results;
}

function idsOf(body: unknown): string[] | undefined {
    if (typeof body !== 'object' || body === null) return undefined;
    const ids = (body as { ids?: unknown }).ids;
    if (!Array.isArray(ids)) return undefined;
    const out: string[] = [];
    for (const item of ids) {
        const id = (item as { id?: unknown } | null)?.id;
        if (typeof id !== 'string' || id === '') return undefined;
        out.push(id);
    }
    return out;
}
