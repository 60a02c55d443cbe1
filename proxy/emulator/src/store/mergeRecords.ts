import type { IdentityRef, ProfileRecord, XdmObject } from './dataset';
import { isObject } from './projection';

/**
 * One merged profile from the records of an identity graph, the way a timestamp-ordered merge policy combines
 * profile fragments: where two records set the same attribute, the more recently updated one wins; the
 * identityMap and the audience memberships of all records are kept
 * (https://experienceleague.adobe.com/en/docs/experience-platform/profile/merge-policies/overview).
 * A graph of one record is that record, unchanged.
 */
export function mergeRecords(records: readonly ProfileRecord[], members: readonly IdentityRef[]): ProfileRecord {
    const [first] = records;
    if (!first) throw new Error('mergeRecords needs at least one record');
    if (records.length === 1 && members.length === first.identities.length) return first;
    const newestFirst = [...records].sort((a, b) => b.linkedAt - a.linkedAt);
    let entity: XdmObject = {};
    // Oldest first, so that each newer record overwrites what it also sets.
    for (const record of [...newestFirst].reverse()) entity = mergeXdm(entity, record.entity);
    entity.identityMap = unionIdentityMaps(newestFirst.map((r) => r.entity.identityMap));
    return {
        xid: first.xid,
        primary: first.primary,
        identities: members,
        entity,
        sources: [...new Set(records.flatMap((r) => r.sources))],
        tags: [...new Set(records.flatMap((r) => r.tags))],
        lastModifiedAt:
            newestFirst
                .map((r) => r.lastModifiedAt)
                .sort()
                .at(-1) ?? first.lastModifiedAt,
        linkedAt: newestFirst[0]!.linkedAt,
        fragments: newestFirst
    };
}

/** Objects merge key by key; any other value (arrays included, as XDM replaces them) is taken from `newer`. */
function mergeXdm(older: XdmObject, newer: XdmObject): XdmObject {
    const out: XdmObject = { ...older };
    for (const [key, value] of Object.entries(newer)) {
        const existing = out[key];
        out[key] = isObject(existing) && isObject(value) ? mergeXdm(existing, value) : structuredClone(value);
    }
    return out;
}

function unionIdentityMaps(maps: readonly unknown[]): XdmObject {
    const out: Record<string, Array<Record<string, unknown>>> = {};
    for (const map of maps) {
        if (!isObject(map)) continue;
        for (const [ns, list] of Object.entries(map)) {
            if (!Array.isArray(list)) continue;
            const target = (out[ns] ??= []);
            for (const item of list) {
                if (!isObject(item) || target.some((t) => t.id === item.id)) continue;
                target.push({ ...item });
            }
        }
    }
    return out;
}
