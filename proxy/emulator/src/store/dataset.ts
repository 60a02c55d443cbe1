import { deriveXid } from './xid';

/** One identity of a profile, namespace written with the catalogue's code (`Email`, `CRMID`). */
export interface IdentityRef {
    readonly namespace: string;
    readonly id: string;
}

export type XdmObject = Record<string, unknown>;

/** A merged profile as the Profile store holds it; the envelope is built from it per request. */
export interface ProfileRecord {
    /** The profile's own XID (the key of the entities map). */
    readonly xid: string;
    readonly identities: readonly IdentityRef[];
    /** Full merged XDM, including computed attributes (removed per request unless withCA=true). */
    readonly entity: XdmObject;
    readonly sources: readonly string[];
    readonly tags: readonly string[];
    readonly lastModifiedAt: string;
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
    /** Profiles reached by an identity; two for a household phone, none when unknown. */
    findByIdentity(namespaceCode: string, id: string): readonly ProfileRecord[];
    /** Profiles reached by an XID (the profile's own XID or the XID of any of its identities). */
    findByXid(xid: string): readonly ProfileRecord[];
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
    private readonly audienceIndex: Map<string, AudienceRecord>;

    constructor(private readonly input: MemoryDatasetInput) {
        for (const profile of input.profiles) {
            addTo(this.byXid, profile.xid, profile);
            for (const identity of profile.identities) {
                addTo(this.byIdentity, identityKey(identity.namespace, identity.id), profile);
                addTo(this.byXid, deriveXid(identity.namespace, identity.id), profile);
            }
        }
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

    eventsOf(profile: ProfileRecord): readonly ExperienceEventRecord[] {
        // A profile that did not come from this data set: the first layer that knows its XID owns it.
        const owner = this.owners.get(profile) ?? this.layers.find((l) => l.findByXid(profile.xid).some((p) => p.xid === profile.xid));
        return owner ? owner.eventsOf(profile) : [];
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
