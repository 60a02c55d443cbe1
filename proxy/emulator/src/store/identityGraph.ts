import type { LinkingRules } from '../orgs';
import type { IdentityRef, ProfileRecord } from './dataset';
import { namespaceByCode } from './namespaces';

/**
 * Identity graphs as Identity Service builds them from ingested records. Pure functions over records; the
 * per-org view with caching is profileAccess/profileResolver.ts.
 *
 * - Without linking rules a graph is a connected component: one identity shared by two records links every
 *   identity of both (Adobe's STITCH_ALL; the shared household phone collapses two people into one graph,
 *   https://experienceleague.adobe.com/en/docs/experience-platform/identity/features/identity-graph-linking-rules/overview).
 * - With Identity Graph Linking Rules a graph holds at most one identity of each unique namespace. The identity
 *   optimization algorithm replays the links, the latest first and then by the sum of namespace priority (lower
 *   sum first), and drops each link that would put two identities of a unique namespace into one graph
 *   (https://experienceleague.adobe.com/en/docs/experience-platform/identity/features/identity-graph-linking-rules/identity-optimization-algorithm).
 */

/** A graph: its identities (ingestion order) and the records keyed by one of them (data set order). */
export interface IdentityGraph {
    readonly members: readonly IdentityRef[];
    readonly records: readonly ProfileRecord[];
}

/** Identity Service keeps at most this many identities in a graph (https://experienceleague.adobe.com/en/docs/experience-platform/identity/guardrails). */
export const MAX_GRAPH_IDENTITIES = 50;

export function identityKeyOf(identity: IdentityRef): string {
    return `${identity.namespace.toLowerCase()}\u0000${identity.id}`;
}

/** Records grouped by shared identities (transitively), each group in data set order. */
export function connectedComponents(records: readonly ProfileRecord[]): ProfileRecord[][] {
    const sets = new UnionFind();
    for (const record of records) {
        const [first, ...rest] = record.identities.map(identityKeyOf);
        if (first === undefined) continue;
        sets.add(first);
        for (const key of rest) sets.union(first, key);
    }
    const byRoot = new Map<string, ProfileRecord[]>();
    const loose: ProfileRecord[][] = [];
    for (const record of records) {
        const first = record.identities[0];
        if (!first) {
            loose.push([record]);
            continue;
        }
        const root = sets.find(identityKeyOf(first));
        const list = byRoot.get(root);
        if (list) list.push(record);
        else byRoot.set(root, [record]);
    }
    return [...byRoot.values(), ...loose];
}

interface Link {
    readonly a: IdentityRef;
    readonly b: IdentityRef;
    readonly at: number;
    readonly prioritySum: number;
    readonly order: number;
}

/**
 * The graphs of one connected component of records. Without rules that is the component itself; with rules,
 * the links are replayed as the identity optimization algorithm does and the component may split.
 */
export function graphsOf(component: readonly ProfileRecord[], rules: LinkingRules | null): IdentityGraph[] {
    const identities = distinctIdentities(component);
    if (!rules) return [{ members: identities, records: [...component] }];

    const unique = new Set(rules.uniqueNamespaces.map((n) => n.toLowerCase()));
    const priority = (ns: string) => {
        const i = rules.namespacePriority.findIndex((n) => n.toLowerCase() === ns.toLowerCase());
        return i < 0 ? rules.namespacePriority.length : i;
    };
    const links: Link[] = [];
    for (const record of component) {
        for (const identity of record.identities) {
            if (identityKeyOf(identity) === identityKeyOf(record.primary)) continue;
            links.push({
                a: record.primary,
                b: identity,
                at: record.linkedAt,
                prioritySum: priority(record.primary.namespace) + priority(identity.namespace),
                order: links.length
            });
        }
    }
    links.sort((x, y) => y.at - x.at || x.prioritySum - y.prioritySum || x.order - y.order);

    const sets = new UnionFind();
    /** Per root: the one value of each unique namespace its graph holds. */
    const held = new Map<string, Map<string, string>>();
    const holdings = (key: string) => held.get(sets.find(key)) ?? new Map<string, string>();
    for (const identity of identities) {
        const key = identityKeyOf(identity);
        sets.add(key);
        const ns = identity.namespace.toLowerCase();
        held.set(key, unique.has(ns) ? new Map([[ns, identity.id]]) : new Map());
    }
    for (const link of links) {
        const ka = identityKeyOf(link.a);
        const kb = identityKeyOf(link.b);
        if (sets.find(ka) === sets.find(kb)) continue;
        const ha = holdings(ka);
        const hb = holdings(kb);
        const conflict = [...ha].some(([ns, value]) => hb.has(ns) && hb.get(ns) !== value);
        if (conflict) continue;
        const merged = new Map([...ha, ...hb]);
        sets.union(ka, kb);
        held.set(sets.find(ka), merged);
    }

    const members = new Map<string, IdentityRef[]>();
    for (const identity of identities) {
        const root = sets.find(identityKeyOf(identity));
        const list = members.get(root);
        if (list) list.push(identity);
        else members.set(root, [identity]);
    }
    return [...members.entries()].map(([root, list]) => ({
        members: list,
        records: component.filter((r) => sets.find(identityKeyOf(r.primary)) === root)
    }));
}

/**
 * The graph as Identity Service serves it: at most 50 identities. Over that, the oldest identities go first,
 * cookie identities before the others ("first-in, first-out", deletion based on identity type and timestamp;
 * the Profile store keeps its records: https://experienceleague.adobe.com/en/docs/experience-platform/identity/guardrails).
 */
export function cappedMembers(members: readonly IdentityRef[]): readonly IdentityRef[] {
    const excess = members.length - MAX_GRAPH_IDENTITIES;
    if (excess <= 0) return members;
    const isCookie = (i: IdentityRef) => namespaceByCode(i.namespace)?.idType === 'COOKIE';
    // Members are in ingestion order, oldest first: drop the oldest cookies, then the oldest of the rest.
    const order = [...members.filter(isCookie), ...members.filter((i) => !isCookie(i))];
    const dropped = new Set(order.slice(0, excess));
    return members.filter((i) => !dropped.has(i));
}

function distinctIdentities(records: readonly ProfileRecord[]): IdentityRef[] {
    const seen = new Set<string>();
    const out: IdentityRef[] = [];
    for (const record of records) {
        for (const identity of record.identities) {
            const key = identityKeyOf(identity);
            if (seen.has(key)) continue;
            seen.add(key);
            out.push(identity);
        }
    }
    return out;
}

class UnionFind {
    private readonly parent = new Map<string, string>();

    add(key: string): void {
        if (!this.parent.has(key)) this.parent.set(key, key);
    }

    find(key: string): string {
        this.add(key);
        let root = key;
        while (this.parent.get(root) !== root) root = this.parent.get(root)!;
        let node = key;
        while (node !== root) {
            const next = this.parent.get(node)!;
            this.parent.set(node, root);
            node = next;
        }
        return root;
    }

    union(a: string, b: string): void {
        const ra = this.find(a);
        const rb = this.find(b);
        if (ra !== rb) this.parent.set(rb, ra);
    }
}
