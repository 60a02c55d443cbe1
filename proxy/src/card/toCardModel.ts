/**
 * Merged AEP profile (+ events, audience names, the match decision) -> the bounded card model. Pure.
 *
 * Never throws on odd AEP data: every reader tolerates wrong types, missing fields and huge arrays.
 * The only throw is the final `CardModel.parse` of our own output, which would mean a bug here.
 */
import type { ProfileEnvelope } from '../contract/aepEntities';
import { toAudiences, type AudienceDefinition } from './audiences';
import { clip, isoOrNull } from './bound';
import {
    CARD_LIMITS,
    CARD_MAX_BYTES,
    CARD_SCHEMA_VERSION,
    CardModel,
    type CandidateProfile,
    type IdentityTried
} from '../contract/cardModel';
import { toComputedAttributes } from './computedAttributes';
import { toContactPoints, toLifetimeValue, toLoyalty } from './contactPoints';
import { toCampaigns } from './campaigns';
import { eventChildren, toEvents, type EventsInput } from './events';
import { toIdentities } from './identities';
import { toPerson } from './person';
import { toScores } from './scores';
import type { ShapingConfig } from './shapingConfig';
import { createXdmReader } from './xdm';

/** What the card says about the match; decideMatch's ResolvedMatch satisfies it. */
export interface MatchSummary {
    candidate: { field: string; namespace: string; maskedValue: string };
    selectedBy: 'priority' | 'agent';
    ambiguous: boolean;
    ambiguityReason: 'SHARED_IDENTITY' | 'IDENTITIES_DISAGREE' | null;
    alternatives: readonly CandidateProfile[];
    identitiesTried: readonly IdentityTried[];
    /** Set when the profile merged several people (proxy/src/identity/collapse.ts); absent or null otherwise. */
    collapse?: CardModel['match']['collapse'];
}

export interface CardInput {
    envelope: ProfileEnvelope;
    match: MatchSummary;
    events: EventsInput;
    /** Audience id -> name and evaluation, from the segmentation API (cached by the caller). Missing ids show as ids. */
    audienceNames: ReadonlyMap<string, AudienceDefinition>;
    /** The merge policy the look-up sent (AEP echoes only its id). */
    mergePolicy: { id: string; name: string | null };
    freshness: CardModel['freshness'];
    config: ShapingConfig;
    /** From the request; defaults to config.events.defaultMax; capped at CARD_LIMITS.events. */
    maxEvents?: number;
}

export function toCardModel(input: CardInput): CardModel {
    const { envelope, config } = input;
    const xdm = createXdmReader(envelope.entity, config.denylist);
    const raw = eventChildren(input.events);
    const events = toEvents(input.events, config.events, input.maxEvents ?? config.events.defaultMax, config.campaigns.names, raw);
    const campaigns = toCampaigns(raw, config.campaigns, input.audienceNames);
    const audiences = toAudiences(xdm, input.audienceNames, config.audiences);
    const computed = toComputedAttributes(xdm, config.computedAttributes);
    const identities = toIdentities(xdm);

    const card: CardModel = {
        schemaVersion: CARD_SCHEMA_VERSION,
        profileId: clip(envelope.entityId, 128),
        person: toPerson(xdm),
        contactPoints: toContactPoints(xdm),
        loyalty: toLoyalty(xdm),
        lifetimeValue: toLifetimeValue(xdm, config.lifetimeValue),
        scores: toScores(xdm, config.scores),
        computedAttributes: computed.items,
        audiences: audiences.items,
        events: events.section,
        campaigns: campaigns.items,
        identities: identities.items,
        match: {
            field: clip(input.match.candidate.field, 80),
            namespace: clip(input.match.candidate.namespace, 64),
            maskedValue: clip(input.match.candidate.maskedValue, CARD_LIMITS.maxLabel),
            selectedBy: input.match.selectedBy,
            ambiguous: input.match.ambiguous,
            ambiguityReason: input.match.ambiguous ? input.match.ambiguityReason : null,
            alternatives: input.match.ambiguous ? input.match.alternatives.slice(0, CARD_LIMITS.candidates) : [],
            identitiesTried: input.match.identitiesTried.slice(0, CARD_LIMITS.identitiesTried),
            collapse: input.match.collapse ?? null
        },
        mergePolicy: {
            id: clip(input.mergePolicy.id, 64),
            name: input.mergePolicy.name === null ? null : clip(input.mergePolicy.name, CARD_LIMITS.maxLabel) || null
        },
        lastModifiedAt: isoOrNull(envelope.lastModifiedAt),
        freshness: input.freshness,
        truncated: {
            audiences: audiences.dropped,
            events: events.dropped,
            computedAttributes: computed.dropped,
            identities: identities.dropped,
            campaigns: campaigns.dropped
        },
        links: { aepProfileUrl: profileUrl(config.aepProfileUrlTemplate, envelope.entityId) }
    };
    return CardModel.parse(fitToBudget(card));
}

export function cardBytes(card: CardModel): number {
    return Buffer.byteLength(JSON.stringify(card), 'utf8');
}

function profileUrl(template: string | null, profileId: string): string | null {
    if (template === null) return null;
    const url = template.replaceAll('{profileId}', encodeURIComponent(profileId));
    return url.length <= 256 ? url : null;
}

/**
 * The caps fit CARD_MAX_BYTES for ASCII text; three-byte characters or quote-heavy strings (escaped
 * in JSON) can still push a full card over. Then the least important items go, last first, and are
 * counted in `truncated` where the card has a counter.
 */
function fitToBudget(card: CardModel): CardModel {
    const steps: Array<() => boolean> = [
        () => dropLast(card.events.items, () => card.truncated.events++),
        () => dropLast(card.campaigns, () => card.truncated.campaigns++),
        () => dropLast(card.audiences, () => card.truncated.audiences++),
        () => dropLast(card.computedAttributes, () => card.truncated.computedAttributes++),
        () => dropLast(card.identities, () => card.truncated.identities++),
        () => card.scores.some((s) => s.factors.length > 0 && (s.factors.pop(), true)),
        () => dropLast(card.match.alternatives, () => undefined),
        () => dropLast(card.match.identitiesTried, () => undefined)
    ];
    // Each step runs until the card fits or the step has nothing left to drop. A card that fits from the
    // start (nearly all of them) is serialised once, not once per step.
    let step = 0;
    while (step < steps.length && cardBytes(card) > CARD_MAX_BYTES) {
        if (!steps[step]!()) step++;
    }
    return card;
}

function dropLast<T>(list: T[], count: () => void): boolean {
    if (list.length === 0) return false;
    list.pop();
    count();
    return true;
}
