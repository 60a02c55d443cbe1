import type { FastifyInstance } from 'fastify';
import { profileError } from '../errors';
import { requireCaller, sendAdobeError, type EmulatorServices, type RouteConfig } from '../context';
import { mergePoliciesFor } from '../seed/mergePolicies';
import { readJsonBody } from './jsonBody';
import { one, type Query } from './query';

const GET_CONFIG: RouteConfig = { group: 'mergePolicies', sandbox: 'required' };
const POST_CONFIG: RouteConfig = { group: 'mergePolicies', sandbox: 'required', jsonBody: true };
const DEFAULT_LIMIT = 20;

/**
 * Merge policies (merge-policies.md; profile.yaml getMany/retrieveMergePolicy/bulkGetMergePolicies).
 * `_page` carries both the docs' `{totalCount, pageSize}` and the spec's required `{count, next}`.
 */
export function registerMergePolicyRoutes(app: FastifyInstance, _services: EmulatorServices): void {
    app.get('/data/core/ups/config/mergePolicies', { config: GET_CONFIG }, async (request, reply) => {
        const caller = requireCaller(request.caller);
        const query = request.query as Query;
        let policies = mergePoliciesFor(caller.org, caller.sandbox);
        const schemaName = one(query, 'schema.name');
        if (schemaName !== undefined) policies = policies.filter((p) => p.schema.name === schemaName);
        const def = one(query, 'default');
        if (def !== undefined) {
            if (def !== 'true' && def !== 'false')
                return sendAdobeError(
                    reply,
                    profileError(400, `Invalid value '${def}' for parameter default.`, 'Status Code - 400 : Bad request')
                );
            policies = policies.filter((p) => p.default === (def === 'true'));
        }
        const graphType = one(query, 'identityGraph.type');
        if (graphType !== undefined) policies = policies.filter((p) => p.identityGraph.type === graphType);
        const mergeType = one(query, 'attributeMerge.type');
        if (mergeType !== undefined) policies = policies.filter((p) => p.attributeMerge.type === mergeType);
        const orderBy = one(query, 'orderby') ?? one(query, 'orderBy');
        if (orderBy === 'name' || orderBy === '+name' || orderBy === ' name')
            policies = [...policies].sort((a, b) => a.name.localeCompare(b.name));
        else if (orderBy === '-name') policies = [...policies].sort((a, b) => b.name.localeCompare(a.name));
        const limitRaw = one(query, 'limit');
        const limit = limitRaw === undefined ? DEFAULT_LIMIT : Number(limitRaw);
        if (!Number.isInteger(limit) || limit < 1)
            return sendAdobeError(
                reply,
                profileError(400, `Invalid value '${limitRaw ?? ''}' for parameter limit.`, 'Status Code - 400 : Bad request')
            );
        const startRaw = one(query, 'start');
        const start = startRaw ? decodeStart(startRaw) : 0;
        if (start === undefined)
            return sendAdobeError(reply, profileError(400, `Invalid start token '${startRaw ?? ''}'.`, 'Status Code - 400 : Bad request'));
        const page = policies.slice(start, start + limit);
        const nextStart = start + limit < policies.length ? encodeStart(start + limit) : '';
        return reply
            .code(200)
            .type('application/json')
            .send({
                _page: { totalCount: policies.length, pageSize: page.length, count: page.length, next: nextStart },
                children: page,
                _links: {
                    next: {
                        href:
                            nextStart === ''
                                ? ''
                                : `@/mergePolicies?start=${encodeURIComponent(nextStart)}&orderBy=${orderBy ?? ''}&limit=${limit}`
                    }
                }
            });
    });

    app.get<{ Params: { id: string } }>('/data/core/ups/config/mergePolicies/:id', { config: GET_CONFIG }, async (request, reply) => {
        const caller = requireCaller(request.caller);
        const policy = mergePoliciesFor(caller.org, caller.sandbox).find((p) => p.id === request.params.id);
        // The spec documents a bare 404; the body follows the Profile service's error shape.
        if (!policy)
            return sendAdobeError(
                reply,
                profileError(404, `UPS-MRG-1000404: Merge policy ${request.params.id} not found.`, 'Status Code - 404 : Not found')
            );
        return reply.code(200).type('application/json').send(policy);
    });

    app.post('/data/core/ups/config/mergePolicies/bulk-get', { config: POST_CONFIG }, async (request, reply) => {
        const caller = requireCaller(request.caller);
        const parsed = readJsonBody(request.body);
        const ids = parsed.ok ? (parsed.value as { ids?: unknown } | null)?.ids : undefined;
        if (!Array.isArray(ids) || ids.length === 0 || ids.some((i) => typeof (i as { id?: unknown } | null)?.id !== 'string')) {
            return sendAdobeError(
                reply,
                profileError(
                    400,
                    'The request body must be {"ids":[{"id":"..."}]} with at least one id.',
                    'Status Code - 400 : Bad request'
                )
            );
        }
        const policies = mergePoliciesFor(caller.org, caller.sandbox);
        const results: Record<string, unknown> = {};
        for (const { id } of ids as Array<{ id: string }>) {
            const policy = policies.find((p) => p.id === id);
            // No documented shape for a missing id in bulk-get; the Profile service's error body is used.
            results[id] =
                policy ?? profileError(404, `UPS-MRG-1000404: Merge policy ${id} not found.`, 'Status Code - 404 : Not found').body;
        }
        return reply.code(207).type('application/json').send({ results });
    });
}

function encodeStart(index: number): string {
    return Buffer.from(`+RID:${index}#RT:1`).toString('base64');
}

function decodeStart(token: string): number | undefined {
    const match = /^\+RID:(\d+)#RT:1$/.exec(Buffer.from(token, 'base64').toString('utf8'));
    return match ? Number(match[1]) : undefined;
}
