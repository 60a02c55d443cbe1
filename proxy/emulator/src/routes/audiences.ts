import type { FastifyInstance } from 'fastify';
import { newRequestId, upapiError } from '../errors';
import { requireCaller, sendAdobeError, type CallerContext, type EmulatorServices, type RouteConfig } from '../context';
import { readJsonBody } from './jsonBody';
import type { AudienceRecord } from '../store/dataset';

const GET_CONFIG: RouteConfig = { group: 'audiences', sandbox: 'required' };
const POST_CONFIG: RouteConfig = { group: 'audiences', sandbox: 'required', jsonBody: true };
const MAX_BULK_IDS = 100;

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

export function registerAudienceRoutes(app: FastifyInstance, services: EmulatorServices): void {
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
        const results: Record<string, unknown> = {};
        for (const id of ids) {
            const audience = services.dataset.audienceById(id);
            results[id] = audience
                ? audienceBody(audience, caller, policyOf(caller))
                : { requestId: newRequestId(), errors: { '404': [{ code: 404, message: 'Not found.' }] } };
        }
        return reply.code(207).type('application/json').send({ results });
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
