import type { AudienceInfo } from '../aep/audiencesClient';
import type { EventsOutcome } from '../aep/entitiesClient';
import type { ResolvedMergePolicy } from '../aep/mergePolicies';
import type { ResolvedMatch } from '../identity/decideMatch';
import type { Collapse } from '../identity/collapse';
import type { ProfileEnvelope } from '../contract/aepEntities';
import type { CardModel } from '../contract/cardModel';
import type { EventsInput } from '../card/events';
import type { ShapingConfig } from '../card/shapingConfig';
import { toCardModel } from '../card/toCardModel';

/**
 * Standard XDM field groups the card reads (person, contact points, loyalty, consents, memberships,
 * identities). Sent as the explicit `fields` list so AEP returns a few KB instead of the whole merged
 * profile, which can approach 50 MB (https://experienceleague.adobe.com/en/docs/experience-platform/profile/guardrails).
 */
const STANDARD_FIELDS = [
    'person',
    'personalEmail',
    'workEmail',
    'mobilePhone',
    'homePhone',
    'workPhone',
    'homeAddress',
    'loyalty',
    'consents',
    'segmentMembership',
    'identityMap'
] as const;

/** The `fields` list for profile look-ups: standard groups plus the configured tenant paths. */
export function profileFieldList(shaping: ShapingConfig): readonly string[] {
    const tenantPaths = [
        shaping.lifetimeValue.path,
        shaping.lifetimeValue.currencyPath,
        shaping.lifetimeValue.valueTierPath,
        shaping.computedAttributes.path,
        ...shaping.scores.map((s) => s.path)
    ].filter((p): p is string => p !== null);
    // A path already covered by a shorter one in the list is redundant.
    const all = [...new Set([...STANDARD_FIELDS, ...tenantPaths])].sort();
    return all.filter((p) => !all.some((q) => q !== p && p.startsWith(`${q}.`)));
}

/** Audience ids whose names the card needs: Platform audiences (`ups`) only, the ones bulk-get can name. */
export function audienceIdsToName(profile: ProfileEnvelope, shaping: ShapingConfig): string[] {
    if (!shaping.audiences.namespaces.includes('ups')) return [];
    const membership = profile.entity.segmentMembership;
    const ups = typeof membership === 'object' && membership !== null ? (membership as Record<string, unknown>).ups : null;
    if (typeof ups !== 'object' || ups === null || Array.isArray(ups)) return [];
    return Object.keys(ups)
        .filter((id) => /^[A-Za-z0-9_-]{1,128}$/.test(id))
        .slice(0, 500);
}

export interface ShapeInput {
    decision: ResolvedMatch;
    /** The profile merged several people (proxy/src/identity/collapse.ts), or null. */
    collapse: Collapse | null;
    /** null: events not looked up (disabled in config or 0 requested). */
    events: EventsOutcome | null;
    eventsDisabledReason: string;
    maxEvents: number;
    audienceNames: ReadonlyMap<string, AudienceInfo | null>;
    mergePolicy: ResolvedMergePolicy;
    fetchedAtMs: number;
    shaping: ShapingConfig;
}

/** The look-up's results in the shape the pure card builder takes. */
export function shapeCard(input: ShapeInput): CardModel {
    const names = new Map<string, AudienceInfo>();
    for (const [id, info] of input.audienceNames) if (info) names.set(id, info);
    return toCardModel({
        envelope: input.decision.profile,
        match: { ...input.decision, collapse: input.collapse },
        events: eventsInput(input.events, input.eventsDisabledReason),
        audienceNames: names,
        mergePolicy: input.mergePolicy,
        freshness: { fetchedAt: new Date(input.fetchedAtMs).toISOString(), fromCache: false, stale: false, staleReason: null },
        config: input.shaping,
        maxEvents: input.maxEvents
    });
}

function eventsInput(events: EventsOutcome | null, disabledReason: string): EventsInput {
    if (events === null) return { status: 'disabled', reason: disabledReason };
    if (events.status === 'available') return { status: 'available', pages: [events.body] };
    return { status: events.status, reason: events.reason };
}
