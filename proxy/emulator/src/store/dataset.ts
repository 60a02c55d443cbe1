import { deriveXid } from './xid';
import { connectedComponents } from './identityGraph';

/** One identity of a profile, namespace written with the catalogue's code (`Email`, `CRMID`). */
export interface IdentityRef {
    readonly namespace: string;
    readonly id: string;
}

export type XdmObject = Record<string, unknown>;

/**
 * A profile as the Profile store holds it: one record (fragment) as ingested, or several fragments merged
 * along an identity graph (profileAccess/profileResolver.ts). The envelope is built from it per request.
 */
export interface ProfileRecord {
    /** The profile's own XID (the key of the entities map): the XID of its primary identity. */
    readonly xid: string;
    /** The identity the record was keyed by at ingestion. */
    readonly primary: IdentityRef;
    /** Identities exactly as ingested (AEP does not change their case or format), oldest first. */
    readonly identities: readonly IdentityRef[];
    /** Full merged XDM, including computed attributes (removed per request unless withCA=true). */
    readonly entity: XdmObject;
    readonly sources: readonly string[];
    readonly tags: readonly string[];
    readonly lastModifiedAt: string;
    /** Epoch ms when this record's identity links were last ingested (the identity optimization algorithm replays the latest first). */
    readonly linkedAt: number;
    /** Only on a profile merged from several records: those records, newest first. */
    readonly fragments?: readonly ProfileRecord[];
}

export interface ExperienceEventRecord {
    readonly _id: string;
    /** Epoch ms. */
    readonly timestamp: number;
    readonly entity: XdmObject;
    readonly lastModifiedAt: string;
}

export interface AudienceRecord {
    readonly id: string;
    readonly name: string;
    readonly description: string;
    readonly pql: string;
    readonly evaluation: 'batch' | 'continuous' | 'synchronous';
    readonly labels: readonly string[];
    readonly createdAt: number;
    readonly updatedAt: number;
}

/**
 * What the routes need from a data set. Implementations may be eager (seed people) or lazy
 * (the generator, which builds profile n on demand so that 100k profiles stay cheap).
 */
export interface Dataset {
    /** Records that carry an identity (value compared exactly); two for a household phone, none when unknown. */
    findByIdentity(namespaceCode: string, id: string): readonly ProfileRecord[];
    /** Records reached by an XID (the record's own XID or the XID of any of its identities). */
    findByXid(xid: string): readonly ProfileRecord[];
    /**
     * The records linked to `record` through shared identities, transitively, itself included (the connected
     * component an identity graph without linking rules would be), in data set order.
     */
    componentOf(record: ProfileRecord): readonly ProfileRecord[];
    /** Events of one profile in ascending timestamp order. */
    eventsOf(profile: ProfileRecord): readonly ExperienceEventRecord[];
    audiences(): readonly AudienceRecord[];
    audienceById(id: string): AudienceRecord | undefined;
    /** Number of profiles (for the admin stats only). */
    readonly profileCount: number;
}

export function identityKey(namespaceCode: string, id: string): string {
    return `${namespaceCode.toLowerCase()}\u0000${id}`;
}

/** The identity graph of a profile as AEP returns it: the XIDs of every linked identity. */
export function identityGraphOf(profile: ProfileRecord): string[] {
    const xids = profile.identities.map((i) => deriveXid(i.namespace, i.id));
    if (!xids.includes(profile.xid)) xids.unshift(profile.xid);
    return xids;
}

export interface MemoryDatasetInput {
    readonly profiles: readonly ProfileRecord[];
    readonly events: ReadonlyMap<string, readonly ExperienceEventRecord[]>;
    readonly audiences: readonly AudienceRecord[];
}

/** A fully materialised data set, indexed once at construction. */
export class MemoryDataset implements Dataset {
    private readonly byIdentity = new Map<string, ProfileRecord[]>();
    private readonly byXid = new Map<string, ProfileRecord[]>();
    private readonly components = new Map<ProfileRecord, readonly ProfileRecord[]>();
    private readonly audienceIndex: Map<string, AudienceRecord>;

    constructor(private readonly input: MemoryDatasetInput) {
        for (const profile of input.profiles) {
            addTo(this.byXid, profile.xid, profile);
            for (const identity of profile.identities) {
                addTo(this.byIdentity, identityKey(identity.namespace, identity.id), profile);
                addTo(this.byXid, deriveXid(identity.namespace, identity.id), profile);
            }
        }
        for (const component of connectedComponents(input.profiles)) for (const record of component) this.components.set(record, component);
        this.audienceIndex = new Map(input.audiences.map((a) => [a.id, a]));
    }

    get profileCount(): number {
        return this.input.profiles.length;
    }

    findByIdentity(namespaceCode: string, id: string): readonly ProfileRecord[] {
        return this.byIdentity.get(identityKey(namespaceCode, id)) ?? [];
    }

    findByXid(xid: string): readonly ProfileRecord[] {
        return this.byXid.get(xid) ?? [];
    }

    componentOf(record: ProfileRecord): readonly ProfileRecord[] {
        return this.components.get(record) ?? [record];
    }

    eventsOf(profile: ProfileRecord): readonly ExperienceEventRecord[] {
        return this.input.events.get(profile.xid) ?? [];
    }

    audiences(): readonly AudienceRecord[] {
        return this.input.audiences;
    }

    audienceById(id: string): AudienceRecord | undefined {
        return this.audienceIndex.get(id);
    }
}

function addTo(map: Map<string, ProfileRecord[]>, key: string, profile: ProfileRecord): void {
    const list = map.get(key);
    if (!list) map.set(key, [profile]);
    else if (!list.includes(profile)) list.push(profile);
}

/** Several data sets seen as one (seed people first, then generated data). */
export class LayeredDataset implements Dataset {
    /**
     * The layer that first answered with each profile object, so that eventsOf need not ask every layer again:
     * a generated layer rebuilds the whole profile (events included) to answer findByXid.
     */
    private readonly owners = new WeakMap<ProfileRecord, Dataset>();

    constructor(private readonly layers: readonly Dataset[]) {}

    get profileCount(): number {
        return this.layers.reduce((n, l) => n + l.profileCount, 0);
    }

    findByIdentity(namespaceCode: string, id: string): readonly ProfileRecord[] {
        return this.fromLayers((l) => l.findByIdentity(namespaceCode, id));
    }

    findByXid(xid: string): readonly ProfileRecord[] {
        return this.fromLayers((l) => l.findByXid(xid));
    }

    /** Layers share no identity (seed people and generated data use different values), so a component stays in its layer. */
    componentOf(record: ProfileRecord): readonly ProfileRecord[] {
        return this.ownerOf(record)?.componentOf(record) ?? [record];
    }

    eventsOf(profile: ProfileRecord): readonly ExperienceEventRecord[] {
        return this.ownerOf(profile)?.eventsOf(profile) ?? [];
    }

    /** The layer that answered with this record; for a record that did not come from here, the first layer that knows its XID. */
    private ownerOf(record: ProfileRecord): Dataset | undefined {
        return this.owners.get(record) ?? this.layers.find((l) => l.findByXid(record.xid).some((p) => p.xid === record.xid));
    }

    audiences(): readonly AudienceRecord[] {
        return this.layers.flatMap((l) => l.audiences());
    }

    audienceById(id: string): AudienceRecord | undefined {
        for (const layer of this.layers) {
            const found = layer.audienceById(id);
            if (found) return found;
        }
        return undefined;
    }

    private fromLayers(find: (layer: Dataset) => readonly ProfileRecord[]): ProfileRecord[] {
        return this.layers.flatMap((layer) => {
            const found = find(layer);
            for (const profile of found) if (!this.owners.has(profile)) this.owners.set(profile, layer);
            return found;
        });
    }
}
