import { profileError, type AdobeError } from '../errors';
import { namespaceByCode } from '../store/namespaces';
import { identityGraphOf, type ProfileRecord, type XdmObject } from '../store/dataset';
import { MAX_GRAPH_IDENTITIES, type IdentityGraph } from '../store/identityGraph';
import { projectFields, withoutComputedAttributes } from '../store/projection';
import { deriveXid } from '../store/xid';
import type { ProfileResolver } from './profileResolver';

export interface IdentityQuery {
    readonly entityId: string;
    /** Namespace code as sent (case-insensitive); absent when entityId is an XID. */
    readonly namespace?: string;
}

export interface ShapeOptions {
    /** Null when the look-up ran without a merge policy (no default in the sandbox): the envelope then has none. */
    readonly mergePolicyId: string | null;
    readonly fields?: readonly string[];
    readonly withCA: boolean;
    readonly tenant: string;
}

export type Resolution = { kind: 'found'; profiles: readonly ProfileRecord[] } | { kind: 'none' } | { kind: 'error'; error: AdobeError };

/**
 * The profiles an identity (or XID) reaches. With identity stitching (a private-graph merge policy): the one
 * profile merged from the identity's graph. Without it (a policy with identityGraph "none", or no default merge
 * policy: "the default is no profile merge and no identity stitching", profile.yaml retrieveEntity mergePolicyId):
 * each record that carries the identity itself, unmerged.
 */
export function resolveIdentity(resolver: ProfileResolver, query: IdentityQuery, stitching: boolean): Resolution {
    if (query.namespace !== undefined) {
        const ns = namespaceByCode(query.namespace);
        if (!ns) {
            return {
                kind: 'error',
                error: profileError(
                    400,
                    `UPS-ACC-1000400: Invalid identity namespace '${query.namespace}'.`,
                    `Status Code - 400 : The namespace code ${query.namespace} does not exist`
                )
            };
        }
        if (!stitching) return foundOrNone(resolver.recordsWithIdentity(ns.code, query.entityId));
        return fromGraph(resolver, resolver.graphOfIdentity(ns.code, query.entityId));
    }
    const graph = stitching ? resolver.graphOfXid(query.entityId) : undefined;
    const records = stitching ? [] : resolver.recordsWithXid(query.entityId);
    if (!graph && records.length === 0) {
        // The spec's own example error for an XID the graph cannot resolve.
        return {
            kind: 'error',
            error: profileError(
                422,
                `UPS-MRG-1000001:Identities cannot be retrieved for XID - "${query.entityId}" for graph type "pdg"`,
                'Status Code - 422 : XID not found in identity graph'
            )
        };
    }
    return stitching ? fromGraph(resolver, graph) : foundOrNone(records);
}

function foundOrNone(profiles: readonly ProfileRecord[]): Resolution {
    return profiles.length > 0 ? { kind: 'found', profiles } : { kind: 'none' };
}

/**
 * A graph linking more than 50 identities is refused with 422 "Too many related identities" (entities.md:
 * "If a related graph links more than 50 identities, this service will return HTTP status 422"). The count is
 * of the identities the profile's records link; Identity Service itself serves at most 50 of them.
 */
function fromGraph(resolver: ProfileResolver, graph: IdentityGraph | undefined): Resolution {
    if (!graph) return { kind: 'none' };
    if (graph.members.length > MAX_GRAPH_IDENTITIES) return tooLarge(graph);
    const profile = resolver.profileOf(graph);
    return profile ? { kind: 'found', profiles: [profile] } : { kind: 'none' };
}

/**
 * The XID a requested identity stands for: derived from namespace and value, or the value itself when it was
 * sent as an XID. deriveXid ignores the namespace's case, so `email` and `Email` give the same XID.
 */
export function requestedXid(query: IdentityQuery): string {
    return query.namespace !== undefined ? deriveXid(query.namespace, query.entityId) : query.entityId;
}

function tooLarge(graph: IdentityGraph): Resolution {
    const xid = graph.records[0]?.xid ?? '';
    return {
        kind: 'error',
        error: profileError(
            422,
            'Too many related identities',
            `Status Code - 422 : The identity graph of ${xid} links ${graph.members.length} identities; the limit is ${MAX_GRAPH_IDENTITIES}.`
        )
    };
}

/**
 * The envelope of one map entry: `{entityId, mergePolicy{id}, sources, tags, identityGraph, entity, lastModifiedAt}`.
 * `entityId` is the profile's XID unless the answer keys the profile by another XID (a requested identity's).
 */
export function profileEnvelope(profile: ProfileRecord, options: ShapeOptions, entityId: string = profile.xid): XdmObject {
    let entity = options.withCA ? profile.entity : withoutComputedAttributes(profile.entity, options.tenant);
    entity = options.fields ? projectFields(entity, options.fields) : structuredClone(entity);
    return {
        entityId,
        ...(options.mergePolicyId === null ? {} : { mergePolicy: { id: options.mergePolicyId } }),
        sources: [...profile.sources],
        tags: [...profile.tags],
        identityGraph: identityGraphOf(profile),
        entity,
        lastModifiedAt: profile.lastModifiedAt
    };
}

/**
 * Parses `fields` (comma list, no spaces: entities.md). Spaces are refused rather than trimmed so that
 * a client bug shows up here instead of as silently missing data in production.
 */
export function parseFields(raw: string | readonly string[] | undefined): readonly string[] | undefined | AdobeError {
    if (raw === undefined) return undefined;
    const list = typeof raw === 'string' ? raw.split(',') : raw.flatMap((f) => f.split(','));
    if (list.some((f) => f === '' || /\s/.test(f))) {
        return profileError(
            400,
            'UPS-ACC-1000401: Invalid fields parameter: use comma-separated XDM paths without spaces.',
            `Status Code - 400 : fields=${list.join(',')}`
        );
    }
    return list;
}

export function parseBooleanParam(name: string, raw: string | undefined): boolean | AdobeError {
    if (raw === undefined || raw === '') return false;
    const lowered = raw.toLowerCase();
    if (lowered === 'true') return true;
    if (lowered === 'false') return false;
    return profileError(
        400,
        `UPS-ACC-1000402: Invalid value '${raw}' for parameter ${name}; expected true or false.`,
        'Status Code - 400 : Bad request'
    );
}

export function isAdobeError(value: unknown): value is AdobeError {
    return typeof value === 'object' && value !== null && 'status' in value && 'body' in value && !Array.isArray(value);
}
