/**
 * Which entries of AEP's answers are one person. AEP may answer one person under several keys: the multi-entity
 * POST's only documented example (proxy/emulator/specs/adobe/profile.yaml, retrieveMultipleEntities 200) returns
 * Jane under two XIDs, each entry listing some of her identities. So entries that share an identity or an XID
 * are one person, unless they hold different values of a namespace that identifies one person (a CRM id): then
 * they are two people who share something, a household phone say, as answers without identity stitching show.
 */
import type { ProfileEnvelope } from '../contract/aepEntities';

/** One person: the entries AEP gave for them, in the order they came. */
export interface Person {
    readonly entries: ProfileEnvelope[];
}

export interface People {
    /** The person an entry belongs to (entries not passed to groupPeople get a person of their own). */
    of(entry: ProfileEnvelope): Person;
}

/** An identity of a merged profile: namespace code (lower-case, as identityMap keys are) and value. */
export interface EnvelopeIdentity {
    namespace: string;
    id: string;
}

/** Identities an entry carries: identityMap (merged profiles) or the older `identities` list (Adobe's examples). */
export function identitiesOf(envelope: ProfileEnvelope): readonly EnvelopeIdentity[] {
    // Asked several times per entry in one round (grouping, the match decision, collapse detection): read each
    // envelope once. Envelopes are parsed answers, never changed afterwards.
    let out = identitiesRead.get(envelope);
    if (!out) {
        out = readIdentities(envelope);
        identitiesRead.set(envelope, out);
    }
    return out;
}

const identitiesRead = new WeakMap<ProfileEnvelope, readonly EnvelopeIdentity[]>();

function readIdentities(envelope: ProfileEnvelope): EnvelopeIdentity[] {
    const out: EnvelopeIdentity[] = [];
    const identityMap = envelope.entity.identityMap;
    if (typeof identityMap === 'object' && identityMap !== null && !Array.isArray(identityMap)) {
        for (const [namespace, ids] of Object.entries(identityMap).slice(0, 100)) {
            if (!Array.isArray(ids)) continue;
            for (const item of ids.slice(0, 100)) {
                const id = (item as { id?: unknown } | null)?.id;
                if (typeof id === 'string') out.push({ namespace: namespace.toLowerCase(), id });
            }
        }
    }
    const identities = envelope.entity.identities;
    if (Array.isArray(identities)) {
        for (const item of identities.slice(0, 100)) {
            const i = item as { id?: unknown; namespace?: { code?: unknown } } | null;
            if (typeof i?.id === 'string' && typeof i.namespace?.code === 'string')
                out.push({ namespace: i.namespace.code.toLowerCase(), id: i.id });
        }
    }
    return out;
}

/** Groups entries into people (see the module comment). Pure; entries are compared by object identity. */
export function groupPeople(entries: readonly ProfileEnvelope[], personNamespaces: readonly string[]): People {
    const unique = new Set(personNamespaces.map((n) => n.toLowerCase()));
    const parent = new Map<ProfileEnvelope, ProfileEnvelope>();
    /** Per group root: the values it holds in each person namespace. */
    const held = new Map<ProfileEnvelope, Map<string, Set<string>>>();
    const find = (e: ProfileEnvelope): ProfileEnvelope => {
        let root = e;
        while (parent.get(root) !== root) root = parent.get(root)!;
        parent.set(e, root);
        return root;
    };
    const byKey = new Map<string, ProfileEnvelope>();

    for (const entry of entries) {
        if (parent.has(entry)) continue;
        parent.set(entry, entry);
        const holding = new Map<string, Set<string>>();
        for (const { namespace, id } of identitiesOf(entry)) {
            if (unique.has(namespace)) holding.set(namespace, (holding.get(namespace) ?? new Set()).add(id));
        }
        held.set(entry, holding);
        const keys = [
            `xid\u0000${entry.entityId}`,
            ...(entry.identityGraph ?? []).filter((x): x is string => typeof x === 'string').map((x) => `xid\u0000${x}`),
            ...identitiesOf(entry).map((i) => `id\u0000${i.namespace}\u0000${i.id}`)
        ];
        for (const key of keys) {
            const other = byKey.get(key);
            if (!other) {
                byKey.set(key, entry);
                continue;
            }
            const [a, b] = [find(entry), find(other)];
            if (a === b || disagree(held.get(a)!, held.get(b)!)) continue;
            parent.set(b, a);
            held.set(a, mergeHoldings(held.get(a)!, held.get(b)!));
        }
    }

    const people = new Map<ProfileEnvelope, Person>();
    for (const entry of entries) {
        const root = find(entry);
        const person = people.get(root) ?? { entries: [] };
        if (!person.entries.includes(entry)) person.entries.push(entry);
        people.set(root, person);
    }
    return { of: (entry) => (parent.has(entry) ? people.get(find(entry))! : { entries: [entry] }) };
}

/** Two groups are different people when, in some person namespace, both hold values and share none. */
function disagree(a: Map<string, Set<string>>, b: Map<string, Set<string>>): boolean {
    for (const [namespace, values] of a) {
        const theirs = b.get(namespace);
        if (theirs && ![...values].some((v) => theirs.has(v))) return true;
    }
    return false;
}

function mergeHoldings(a: Map<string, Set<string>>, b: Map<string, Set<string>>): Map<string, Set<string>> {
    const out = new Map([...a].map(([ns, values]) => [ns, new Set(values)]));
    for (const [ns, values] of b) out.set(ns, new Set([...(out.get(ns) ?? []), ...values]));
    return out;
}
