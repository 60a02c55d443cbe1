import { profileError, type AdobeError } from '../errors';
import { namespaceByCode } from '../store/namespaces';
import { identityGraphOf, type Dataset, type ProfileRecord, type XdmObject } from '../store/dataset';
import { projectFields, withoutComputedAttributes } from '../store/projection';
import { deriveXid } from '../store/xid';

/** AEP's identity-graph guardrail (profile guardrails): more than 50 linked identities -> 422. */
export const MAX_GRAPH_IDENTITIES = 50;

export interface IdentityQuery {
    readonly entityId: string;
    /** Namespace code as sent (case-insensitive); absent when entityId is an XID. */
    readonly namespace?: string;
}

export interface ShapeOptions {
    readonly mergePolicyId: string;
    readonly fields?: readonly string[];
    readonly withCA: boolean;
    readonly tenant: string;
}

export type Resolution = { kind: 'found'; profiles: readonly ProfileRecord[] } | { kind: 'none' } | { kind: 'error'; error: AdobeError };

/** Finds the profiles an identity (or XID) reaches. */
export function resolveIdentity(dataset: Dataset, query: IdentityQuery): Resolution {
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
        const profiles = dataset.findByIdentity(ns.code, query.entityId);
        return tooLarge(profiles) ?? (profiles.length > 0 ? { kind: 'found', profiles } : { kind: 'none' });
    }
    const profiles = dataset.findByXid(query.entityId);
    if (profiles.length === 0) {
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
    return tooLarge(profiles) ?? { kind: 'found', profiles };
}

/**
 * The XID a requested identity stands for: derived from namespace and value, or the value itself when it was
 * sent as an XID. deriveXid ignores the namespace's case, so `email` and `Email` give the same XID.
 */
export function requestedXid(query: IdentityQuery): string {
    return query.namespace !== undefined ? deriveXid(query.namespace, query.entityId) : query.entityId;
}

function tooLarge(profiles: readonly ProfileRecord[]): Resolution | undefined {
    const big = profiles.find((p) => p.identities.length > MAX_GRAPH_IDENTITIES);
    if (!big) return undefined;
    return {
        kind: 'error',
        error: profileError(
            422,
            'Too many related identities',
            `Status Code - 422 : The identity graph of ${big.xid} has ${big.identities.length} identities; the limit is ${MAX_GRAPH_IDENTITIES}.`
        )
    };
}

/** The envelope of one map entry: `{entityId, mergePolicy{id}, sources, tags, identityGraph, entity, lastModifiedAt}`. */
export function profileEnvelope(profile: ProfileRecord, options: ShapeOptions): XdmObject {
    let entity = options.withCA ? profile.entity : withoutComputedAttributes(profile.entity, options.tenant);
    entity = options.fields ? projectFields(entity, options.fields) : structuredClone(entity);
    return {
        entityId: profile.xid,
        mergePolicy: { id: options.mergePolicyId },
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
