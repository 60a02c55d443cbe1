import type { FastifyInstance } from 'fastify';
import { identity as identityErrors } from '../errors';
import { requireCaller, sendAdobeError, type EmulatorServices, type RouteConfig } from '../context';
import type { ProfileResolver } from '../profileAccess/profileResolver';
import { NAMESPACES, namespaceByCode, namespaceById, type IdentityNamespace } from '../store/namespaces';
import { deriveXid } from '../store/xid';
import type { IdentityRef } from '../store/dataset';
import { readJsonBody } from './jsonBody';
import { one, type Query } from './query';

const CONFIG: RouteConfig = { group: 'identity', sandbox: 'optional' };
const POST_CONFIG: RouteConfig = { group: 'identity', sandbox: 'optional', jsonBody: true };
const MAX_GRAPH_IDS = 1000;
/** Identity v2 answers with a versioned media type (identity-service.yaml getGraphs 200). */
const GRAPH_MEDIA_TYPE = 'application/json;version=2.2.1;charset=utf-8';
const GRAPH_EDGE_TS = 1763000000000;

/**
 * Identity Service (identity-service.yaml; list-namespaces.md, list-cluster-identites.md). Served on the
 * platform host and on the regional identity host (see index.ts); x-sandbox-name is optional here.
 */
export function registerIdentityRoutes(app: FastifyInstance, services: EmulatorServices): void {
    app.get('/data/core/idnamespace/identities', { config: CONFIG }, async (_request, reply) => {
        return reply.code(200).type('application/json').send(NAMESPACES);
    });

    app.get<{ Params: { id: string } }>('/data/core/idnamespace/identities/:id', { config: CONFIG }, async (request, reply) => {
        const ns = /^\d+$/.test(request.params.id) ? namespaceById(Number(request.params.id)) : undefined;
        if (!ns) return sendAdobeError(reply, identityErrors.namespaceNotFound(request.params.id));
        return reply.code(200).type('application/json').send(ns);
    });

    app.get('/data/core/identity/identity', { config: CONFIG }, async (request, reply) => {
        const query = request.query as Query;
        const id = one(query, 'id');
        const ns = namespaceOf(query);
        if (!id) return sendAdobeError(reply, identityErrors.invalidInput('The id parameter is required.'));
        if (!ns) {
            const given = one(query, 'namespace') ?? one(query, 'nsid') ?? '';
            return sendAdobeError(
                reply,
                identityErrors.invalidInput(
                    `The provided namespace=${given} and id=${id} is invalid. Please provide a valid namespace code or nsid.`
                )
            );
        }
        return reply
            .code(200)
            .type('application/json')
            .send({ xid: deriveXid(ns.code, id) });
    });

    app.get('/data/core/identity/cluster/members', { config: CONFIG }, async (request, reply) => {
        const query = request.query as Query;
        const graphType = one(query, 'graph-type');
        if (graphType !== undefined && !GRAPH_TYPES.includes(graphType))
            return sendAdobeError(reply, clusterInvalid(`Unsupported graph-type ${graphType}.`));
        const xid = one(query, 'xid');
        const id = one(query, 'id');
        const ns = namespaceOf(query);
        if (!xid && (!id || !ns)) return sendAdobeError(reply, clusterInvalid('Provide xid, or id with nsid/namespace.'));
        const byNsid = one(query, 'nsid') ?? one(query, 'nsId');
        const profiles = services.profilesFor(requireCaller(request.caller).org);
        const result = xid ? clusterByXid(profiles, xid) : clusterByIdentity(profiles, ns!, id!, byNsid !== undefined);
        return reply
            .code(200)
            .type('application/json')
            .send(clusterResponse([result]));
    });

    /** Batch form (docs: `{"xids":[...]}` or `{"compositeXids":[{nsid,id}]}`; the spec wraps the object in an array). */
    app.post('/data/core/identity/clusters/members', { config: POST_CONFIG }, async (request, reply) => {
        const parsed = readJsonBody(request.body);
        const raw = parsed.ok ? (Array.isArray(parsed.value) && parsed.value.length === 1 ? parsed.value[0] : parsed.value) : undefined;
        if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
            return sendAdobeError(reply, clusterInvalid('The request body must be a JSON object.'));
        const body = raw as { xids?: unknown; compositeXids?: unknown; compositeXidsWithNamespace?: unknown; 'graph-type'?: unknown };
        if (body['graph-type'] !== undefined && !GRAPH_TYPES.includes(String(body['graph-type'])))
            return sendAdobeError(reply, clusterInvalid(`Unsupported graph-type ${String(body['graph-type'])}.`));
        // Precedence as documented: xids, then compositeXids, then compositeXidsWithNamespace.
        const list = (body.xids ?? body.compositeXids ?? body.compositeXidsWithNamespace) as unknown;
        if (!Array.isArray(list) || list.length === 0 || list.length > MAX_GRAPH_IDS) {
            return sendAdobeError(reply, clusterInvalid(`Between 1 and ${MAX_GRAPH_IDS} ids are required.`));
        }
        const profiles = services.profilesFor(requireCaller(request.caller).org);
        const results: ClusterResult[] = [];
        for (const item of list) {
            if (body.xids !== undefined) {
                if (typeof item !== 'string') return sendAdobeError(reply, clusterInvalid('xids must be strings.'));
                results.push(clusterByXid(profiles, item));
                continue;
            }
            const { nsid, namespace, id } = (item ?? {}) as { nsid?: unknown; namespace?: unknown; id?: unknown };
            const ns =
                nsid !== undefined ? namespaceById(Number(nsid)) : typeof namespace === 'string' ? namespaceByCode(namespace) : undefined;
            if (typeof id !== 'string') return sendAdobeError(reply, clusterInvalid('Each composite xid needs an id.'));
            if (!ns) {
                results.push({ unprocessed: nsid !== undefined ? { nsid: String(nsid), id } : { namespace: String(namespace), id } });
                continue;
            }
            results.push(clusterByIdentity(profiles, ns, id, body.compositeXids !== undefined));
        }
        return reply.code(200).type('application/json').send(clusterResponse(results));
    });

    app.post('/data/core/identity/v2/graph', { config: POST_CONFIG }, async (request, reply) => {
        const parsed = readJsonBody(request.body);
        if (!parsed.ok || typeof parsed.value !== 'object' || parsed.value === null) {
            return sendAdobeError(reply, identityErrors.graphInvalid('Graph Request Invalid - request body is not valid JSON.'));
        }
        const body = parsed.value as {
            composite_xids?: unknown;
            xids?: unknown;
            projection_type?: unknown;
            require_edge_meta_data?: unknown;
        };
        if (body.projection_type !== 'set' && body.projection_type !== 'graph') {
            return sendAdobeError(
                reply,
                identityErrors.graphInvalid('Graph Request Invalid - projection types available are [graph|set].')
            );
        }
        const projection = body.projection_type;
        const profiles = services.profilesFor(requireCaller(request.caller).org);
        const edgeMeta = body.require_edge_meta_data === true;
        if ((body.composite_xids === undefined) === (body.xids === undefined)) {
            return sendAdobeError(
                reply,
                identityErrors.graphInvalid('Graph Request Invalid - provide exactly one of composite_xids or xids.')
            );
        }
        const list = (body.composite_xids ?? body.xids) as unknown;
        if (!Array.isArray(list) || list.length < 1 || list.length > MAX_GRAPH_IDS) {
            return sendAdobeError(
                reply,
                identityErrors.graphInvalid(`Graph Request Invalid - between 1 and ${MAX_GRAPH_IDS} identities are required.`)
            );
        }
        if (body.xids !== undefined) {
            if (list.some((x) => typeof x !== 'string'))
                return sendAdobeError(reply, identityErrors.graphInvalid('Graph Request Invalid - xids must be strings.'));
            const graphs: unknown[] = [];
            const unprocessed: string[] = [];
            for (const xid of list as string[]) {
                const members = membersOfXid(profiles, xid);
                if (members.length === 0) unprocessed.push(xid);
                else graphs.push(graphOf({ xid }, members, projection, edgeMeta, (m) => ({ xid: deriveXid(m.namespace, m.id) })));
            }
            return reply
                .code(200)
                .type(GRAPH_MEDIA_TYPE)
                .send({ version: '2.0', graphs, unprocessed_xids: unprocessed, algo_type: 'STITCH_ALL' });
        }
        const graphs: unknown[] = [];
        const unprocessed: unknown[] = [];
        for (const item of list) {
            const { ns, nsid, id } = (item ?? {}) as { ns?: unknown; nsid?: unknown; id?: unknown };
            const namespace = typeof ns === 'string' ? namespaceByCode(ns) : typeof nsid === 'number' ? namespaceById(nsid) : undefined;
            if (typeof id !== 'string' || (ns === undefined && nsid === undefined)) {
                return sendAdobeError(
                    reply,
                    identityErrors.graphInvalid('Graph Request Invalid - each composite_xid needs id and ns or nsid.')
                );
            }
            const members = namespace ? membersOfIdentity(profiles, namespace.code, id) : [];
            if (!namespace || members.length === 0) {
                unprocessed.push(item);
                continue;
            }
            const format = (m: IdentityRef) =>
                typeof nsid === 'number' ? { nsid: namespaceByCode(m.namespace)?.id ?? 0, id: m.id } : { ns: m.namespace, id: m.id };
            graphs.push(graphOf({ composite_xid: item }, members, projection, edgeMeta, format));
        }
        return reply
            .code(200)
            .type(GRAPH_MEDIA_TYPE)
            .send({ version: '2.0', graphs, unprocessed_composite_xids: unprocessed, algo_type: 'STITCH_ALL' });
    });
}

const GRAPH_TYPES = ['pdg', 'coop', 'psr', 'none'];

type ClusterResult = { cluster: Record<string, unknown> } | { unprocessed: unknown };

/** Cluster endpoints use their own 400 shape `{title, status, description}` (identity-service.yaml). */
function clusterInvalid(description: string) {
    return { status: 400, body: { title: 'InvalidInput', status: 400, description } };
}

function clusterByXid(profiles: ProfileResolver, xid: string): ClusterResult {
    const members = membersOfXid(profiles, xid);
    if (members.length === 0) return { unprocessed: xid };
    return { cluster: { xid, members: members.map((m) => deriveXid(m.namespace, m.id)) } };
}

function clusterByIdentity(profiles: ProfileResolver, ns: IdentityNamespace, id: string, byNsid: boolean): ClusterResult {
    const compositeXid = byNsid ? { nsid: String(ns.id), id } : { namespace: ns.code, id };
    const members = membersOfIdentity(profiles, ns.code, id);
    if (members.length === 0) return { unprocessed: compositeXid };
    return {
        cluster: {
            compositeXid,
            members: members.map((m) =>
                byNsid ? { nsid: String(namespaceByCode(m.namespace)?.id ?? ''), id: m.id } : { namespace: m.namespace, id: m.id }
            )
        }
    };
}

function clusterResponse(results: readonly ClusterResult[]): Record<string, unknown> {
    return {
        version: '1.1.0',
        clusters: results.flatMap((r) => ('cluster' in r ? [r.cluster] : [])),
        unprocessedRecords: results.flatMap((r) => ('unprocessed' in r ? [r.unprocessed] : [])),
        algo_type: 'STITCH_ALL'
    };
}

function namespaceOf(query: Query): IdentityNamespace | undefined {
    const nsid = one(query, 'nsid') ?? one(query, 'nsId');
    if (nsid !== undefined) return /^\d+$/.test(nsid) ? namespaceById(Number(nsid)) : undefined;
    const code = one(query, 'namespace') ?? one(query, 'ns');
    return code === undefined ? undefined : namespaceByCode(code);
}

/**
 * The identities of the graph an identity belongs to, as Identity Service serves them (linking rules applied,
 * at most 50: profileAccess/profileResolver.ts); none for an identity no graph knows.
 */
function membersOfIdentity(profiles: ProfileResolver, namespace: string, id: string): readonly IdentityRef[] {
    const graph = profiles.graphOfIdentity(namespace, id);
    return graph ? profiles.servedMembers(graph) : [];
}

function membersOfXid(profiles: ProfileResolver, xid: string): readonly IdentityRef[] {
    const graph = profiles.graphOfXid(xid);
    return graph ? profiles.servedMembers(graph) : [];
}

function graphOf<T extends object>(
    head: Record<string, unknown>,
    members: readonly IdentityRef[],
    projection: 'set' | 'graph',
    edgeMeta: boolean,
    format: (m: IdentityRef) => T
): Record<string, unknown> {
    if (projection === 'set') return { ...head, members: members.map(format) };
    const [hub, ...rest] = members;
    const isXid = 'xid' in head;
    const vertices = members.map((m, i) => ({
        ...(isXid ? { xid: (format(m) as { xid: string }).xid } : { composite_xid: format(m) }),
        last_updated_ts: GRAPH_EDGE_TS - i * 3600000
    }));
    const edges = rest.map((m, i) => {
        const pair = [format(hub!), format(m)];
        const edge: Record<string, unknown> = isXid
            ? { xid_pair: pair.map((p) => (p as { xid: string }).xid) }
            : { composite_xid_pair: pair };
        edge.first_established_ts = GRAPH_EDGE_TS - (i + 1) * 86400000;
        edge.last_established_ts = GRAPH_EDGE_TS - i * 3600000;
        if (edgeMeta) {
            edge.dataset_ids = ['6601c2a9e3b4f5198a7d0c11'];
            edge.batch_ids = [`01J5WGCRZCK5C0Y30SKP${String(i).padStart(6, '0')}`];
        }
        return edge;
    });
    return { ...head, vertices, edges };
}
