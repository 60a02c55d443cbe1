import type { LinkingRules } from '../orgs';
import type { Dataset, ExperienceEventRecord, IdentityRef, ProfileRecord } from '../store/dataset';
import { cappedMembers, graphsOf, identityKeyOf, type IdentityGraph } from '../store/identityGraph';
import { mergeRecords } from '../store/mergeRecords';
import { deriveXid } from '../store/xid';

/**
 * What one org's Profile store answers for an identity: the records of the identity's graph merged into one
 * profile (a private-graph merge policy), or, without stitching, the records that carry the identity themselves.
 * One resolver per org, because graphs depend on the org's Identity Graph Linking Rules. Graphs and merged
 * profiles are computed once per component and kept while the data set keeps the component.
 */
export class ProfileResolver {
    private readonly graphsByComponent = new WeakMap<readonly ProfileRecord[], IdentityGraph[]>();
    private readonly merged = new WeakMap<IdentityGraph, ProfileRecord>();

    constructor(
        private readonly dataset: Dataset,
        private readonly rules: LinkingRules | null
    ) {}

    /** The graph an identity (namespace code as the catalogue spells it, value exactly) belongs to. */
    graphOfIdentity(namespace: string, id: string): IdentityGraph | undefined {
        const [record] = this.dataset.findByIdentity(namespace, id);
        if (!record) return undefined;
        const key = identityKeyOf({ namespace, id });
        return this.graphsOf(record).find((g) => g.members.some((m) => identityKeyOf(m) === key));
    }

    /** The graph of the identity (or record) an XID stands for. */
    graphOfXid(xid: string): IdentityGraph | undefined {
        const [record] = this.dataset.findByXid(xid);
        if (!record) return undefined;
        const identity = xid === record.xid ? record.primary : this.identityWithXid(record, xid);
        return identity ? this.graphOfIdentity(identity.namespace, identity.id) : undefined;
    }

    /** The merged profile of a graph; undefined when no record is keyed by one of its identities. */
    profileOf(graph: IdentityGraph): ProfileRecord | undefined {
        if (graph.records.length === 0) return undefined;
        let profile = this.merged.get(graph);
        if (!profile) {
            profile = mergeRecords(graph.records, graph.members);
            this.merged.set(graph, profile);
        }
        return profile;
    }

    /** Records that carry the identity themselves (no identity stitching). */
    recordsWithIdentity(namespace: string, id: string): readonly ProfileRecord[] {
        return this.dataset.findByIdentity(namespace, id);
    }

    recordsWithXid(xid: string): readonly ProfileRecord[] {
        return this.dataset.findByXid(xid);
    }

    /** Identity Service's view of the graph: at most 50 identities (identityGraph.ts cappedMembers). */
    servedMembers(graph: IdentityGraph): readonly IdentityRef[] {
        return cappedMembers(graph.members);
    }

    /** Events of a profile, of every record merged into it, in ascending time order. */
    eventsOf(profile: ProfileRecord): readonly ExperienceEventRecord[] {
        if (!profile.fragments) return this.dataset.eventsOf(profile);
        return profile.fragments.flatMap((record) => this.dataset.eventsOf(record)).sort((a, b) => a.timestamp - b.timestamp);
    }

    private graphsOf(record: ProfileRecord): IdentityGraph[] {
        const component = this.dataset.componentOf(record);
        let graphs = this.graphsByComponent.get(component);
        if (!graphs) {
            graphs = graphsOf(component, this.rules);
            this.graphsByComponent.set(component, graphs);
        }
        return graphs;
    }

    private identityWithXid(record: ProfileRecord, xid: string): IdentityRef | undefined {
        for (const candidate of this.dataset.componentOf(record)) {
            const found = candidate.identities.find((i) => deriveXid(i.namespace, i.id) === xid);
            if (found) return found;
        }
        return undefined;
    }
}
