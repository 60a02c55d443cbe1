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
    /** When the record's identity links were last ingested (default: an hour before asOf). */
    readonly linkedAt?: string;
    /** The record holds identities and nothing else (an identity-only profile, e.g. from a call-back form). */
    readonly identityOnly?: boolean;
}

/** Deterministic 38-digit ECID for a person and device number. */
export function ecidFor(key: string, n: number): string {
    const hex = createHash('sha256').update(`${key}#ecid#${n}`).digest('hex');
    return BigInt(`0x${hex}`).toString().padStart(38, '1').slice(0, 38);
}

export function sha256Hex(value: string): string {
    return createHash('sha256').update(value).digest('hex');
}

/**
 * Email_LC_SHA256 as Adobe defines it: the address trimmed, lower-cased, SHA-256, lower-case hex
 * (https://experienceleague.adobe.com/en/docs/experience-platform/identity/features/namespaces, "Emails (SHA256, lowercased)").
 */
export function emailLcSha256(email: string): string {
    return sha256Hex(email.trim().toLowerCase());
}

/**
 * Phone_SHA256 as Adobe defines it: "remove symbols, letters, and any leading zeroes" and "add the country
 * calling code as a prefix" before hashing (same page, "Phone (SHA256)"): `+1 (415) 555-0123` -> sha256("14155550123").
 */
export function phoneSha256(e164: string): string {
    return sha256Hex(e164.replace(/\D/g, '').replace(/^0+/, ''));
}

/** Phone (SHA256_E.164): the E.164 form, plus sign included, hashed (same page). */
export function phoneSha256E164(e164: string): string {
    return sha256Hex(e164);
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
    const linkedAt = seed.linkedAt ? Date.parse(seed.linkedAt) : seed.asOf - 3600000;
    return {
        xid: deriveXid(seed.primary.namespace, seed.primary.id),
        primary: seed.primary,
        identities: seed.identities,
        linkedAt,
        entity: seed.identityOnly ? { identityMap: entity.identityMap } : entity,
        sources,
        tags: [`${Date.parse(seed.createDate)}:${seed.key.length * 97}:${seed.identities.length}:va7`, batchUuid(seed.key)],
        lastModifiedAt: lastModified
    };
}
