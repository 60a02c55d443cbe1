import { createHash } from 'node:crypto';
import type { ExperienceEventRecord, IdentityRef, ProfileRecord, XdmObject } from '../store/dataset';
import { deriveXid } from '../store/xid';
import { computedAttributes } from './computedAttributes';

export type MembershipStatus = 'realized' | 'exited' | 'existing';

export interface PersonSeed {
    readonly key: string;
    /** The identity whose XID becomes the profile's entityId. */
    readonly primary: IdentityRef;
    readonly identities: readonly IdentityRef[];
    /** Standard and tenant XDM, without identityMap/segmentMembership/system fields (added here). */
    readonly entity: XdmObject;
    readonly tenant: string;
    readonly memberships: ReadonlyArray<readonly [audienceId: string, status: MembershipStatus, lastQualificationTime: string]>;
    readonly events: readonly ExperienceEventRecord[];
    readonly asOf: number;
    /** Extra or overriding computed attribute values. */
    readonly computedAttributes?: Record<string, unknown>;
    readonly customerAI?: XdmObject;
    readonly createDate: string;
    readonly region: string;
}

/** Deterministic 38-digit ECID for a person and device number. */
export function ecidFor(key: string, n: number): string {
    const hex = createHash('sha256').update(`${key}#ecid#${n}`).digest('hex');
    return BigInt(`0x${hex}`).toString().padStart(38, '1').slice(0, 38);
}

export function sha256Hex(value: string): string {
    return createHash('sha256').update(value).digest('hex');
}

function datasetId(key: string, n: number): string {
    return createHash('sha1').update(`${key}#dataset#${n}`).digest('hex').slice(0, 24);
}

function batchUuid(key: string): string {
    const h = createHash('sha1').update(`${key}#batch`).digest('hex');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Merged profiles carry identityMap keys as lowercase namespace codes (observed in real responses). */
export function identityMapOf(identities: readonly IdentityRef[], primary?: IdentityRef): XdmObject {
    const map: Record<string, Array<Record<string, unknown>>> = {};
    for (const identity of identities) {
        const key = identity.namespace.toLowerCase();
        const entry: Record<string, unknown> = { id: identity.id };
        if (primary && identity.namespace === primary.namespace && identity.id === primary.id) entry.primary = true;
        (map[key] ??= []).push(entry);
    }
    return map;
}

export function buildProfile(seed: PersonSeed): ProfileRecord {
    const lastEvent = seed.events.at(-1);
    const lastModified = new Date(Math.max(seed.asOf - 3600000, lastEvent ? lastEvent.timestamp + 7000 : 0))
        .toISOString()
        .replace(/\.\d{3}Z$/, 'Z');
    const tenantBlock = { ...((seed.entity[seed.tenant] as XdmObject | undefined) ?? {}) };
    tenantBlock.SystemComputedAttributes = computedAttributes(seed.events, seed.asOf, seed.computedAttributes);
    if (seed.customerAI) tenantBlock.CustomerAI = seed.customerAI;
    const entity: XdmObject = { ...seed.entity };
    delete entity[seed.tenant];
    if (seed.memberships.length > 0) {
        entity.segmentMembership = {
            ups: Object.fromEntries(seed.memberships.map(([id, status, time]) => [id, { status, lastQualificationTime: time }]))
        };
    }
    entity.identityMap = identityMapOf(seed.identities);
    entity[seed.tenant] = tenantBlock;
    entity._repo = { createDate: seed.createDate };
    entity.userActivityRegions = { [seed.region]: { captureTimestamp: lastModified } };
    const sources = [datasetId(seed.key, 1), datasetId(seed.key, 2), datasetId(seed.key, 3)];
    if (seed.memberships.length > 0) sources.push('profile-streaming-segment');
    return {
        xid: deriveXid(seed.primary.namespace, seed.primary.id),
        identities: seed.identities,
        entity,
        sources,
        tags: [`${Date.parse(seed.createDate)}:${seed.key.length * 97}:${seed.identities.length}:va7`, batchUuid(seed.key)],
        lastModifiedAt: lastModified
    };
}
