/**
 * Which profile the card shows, given what AEP answered for each identity candidate. Pure: it only decides;
 * reading AEP's answers into per-candidate outcomes is proxy/src/lookup/profileOutcomes.ts.
 *
 * Rules:
 * - Candidates are judged in priority order. The highest-priority candidate that found anything decides.
 * - If it found exactly one profile, that profile wins. Lower-priority candidates whose profiles do not
 *   include the winner make the match ambiguous (IDENTITIES_DISAGREE) and become `alternatives`. A
 *   lower-priority shared identity that also reaches the winner (the household phone next to the
 *   person's own email) is consistent, not a disagreement: flagging it would flag every household.
 * - If it found 2+ profiles (a shared phone) and no profileId was given: `ambiguous`, with every
 *   profile the record reaches as candidates for the agent.
 * - With a profileId (the agent's pick): it must be among the profiles the record's identities reach,
 *   otherwise INVALID_REQUEST (a client cannot read arbitrary profiles through a record). The match is
 *   then selectedBy 'agent' and still says ambiguous, with the other profiles as alternatives.
 * - Errors: a higher-priority candidate that errored does not block a lower one that found a profile;
 *   the match stands and identitiesTried shows 'error' for the failed one (the card is still right for
 *   the identity that matched; blocking would turn one flaky call into no card). When nothing was found
 *   and any look-up errored, the answer is `upstream_error`, never not_found: the failed look-up may
 *   well have found the person, and a false "no profile" is worse than a retry or a stale card.
 */
import { ProxyError } from '../errors';
import { isEmptyEnvelope, type ProfileEnvelope } from '../contract/aepEntities';
import { CARD_LIMITS, type CandidateProfile, type IdentityTried } from '../contract/cardModel';
import { toCandidateProfile } from '../card/person';
import type { IdentityCandidate } from './buildCandidates';

export type CandidateOutcome =
    | { candidate: IdentityCandidate; outcome: 'found'; profiles: ProfileEnvelope[] }
    | { candidate: IdentityCandidate; outcome: 'not_found' }
    | { candidate: IdentityCandidate; outcome: 'error'; error: unknown };

export interface DecideMatchInput {
    /** One per candidate; any order (sorted by priority here, stable). */
    outcomes: readonly CandidateOutcome[];
    /** Identities buildCandidates skipped; reported after the tried ones. */
    skipped?: readonly IdentityTried[];
    /** XID the agent picked from an earlier AMBIGUOUS_PROFILE answer. */
    profileId?: string;
    /** Governance denylist (ShapingConfig.denylist): candidate hints never show denied fields. */
    denylist?: readonly string[];
}

export interface ResolvedMatch {
    kind: 'match';
    profile: ProfileEnvelope;
    candidate: IdentityCandidate;
    selectedBy: 'priority' | 'agent';
    ambiguous: boolean;
    ambiguityReason: 'SHARED_IDENTITY' | 'IDENTITIES_DISAGREE' | null;
    alternatives: CandidateProfile[];
    identitiesTried: IdentityTried[];
}

export type MatchDecision =
    | ResolvedMatch
    | { kind: 'ambiguous'; candidates: CandidateProfile[]; identitiesTried: IdentityTried[] }
    | { kind: 'not_found'; identitiesTried: IdentityTried[] }
    | { kind: 'no_identity'; identitiesTried: IdentityTried[] }
    /** Every look-up that could have answered failed: the caller serves a stale card or an upstream error. */
    | { kind: 'upstream_error'; error: unknown; errors: unknown[]; identitiesTried: IdentityTried[] };

type Found = Extract<CandidateOutcome, { outcome: 'found' }>;

export function decideMatch(input: DecideMatchInput): MatchDecision {
    const outcomes = [...input.outcomes]
        .map((o, i) => ({ o: normaliseOutcome(o), i }))
        .sort((a, b) => a.o.candidate.priority - b.o.candidate.priority || a.i - b.i)
        .map((x) => x.o);
    const identitiesTried = tried(outcomes, input.skipped ?? []);
    const denylist = input.denylist ?? [];
    const errors = outcomes.filter((o) => o.outcome === 'error').map((o) => (o as { error: unknown }).error);
    const found = outcomes.filter((o): o is Found => o.outcome === 'found');

    if (outcomes.length === 0) return { kind: 'no_identity', identitiesTried };

    // Every profile the record reaches, with the first (highest-priority) candidate that reached it.
    const reached = new Map<string, { profile: ProfileEnvelope; via: IdentityCandidate }>();
    for (const f of found)
        for (const p of f.profiles) if (!reached.has(p.entityId)) reached.set(p.entityId, { profile: p, via: f.candidate });
    const summarise = (ids: Iterable<string>) =>
        [...ids].slice(0, CARD_LIMITS.candidates).map((id) => {
            const r = reached.get(id)!;
            return toCandidateProfile(r.profile, r.via, denylist);
        });

    if (input.profileId !== undefined) {
        const picked = reached.get(input.profileId);
        if (!picked) {
            if (errors.length > 0) return { kind: 'upstream_error', error: errors[0], errors, identitiesTried };
            throw new ProxyError('INVALID_REQUEST', "profileId is not one of the profiles this record's identities lead to", {
                details: { identitiesTried }
            });
        }
        const others = [...reached.keys()].filter((id) => id !== input.profileId);
        const shared = found.some((f) => f.profiles.length > 1 && f.profiles.some((p) => p.entityId === input.profileId));
        return {
            kind: 'match',
            profile: picked.profile,
            candidate: picked.via,
            selectedBy: 'agent',
            ambiguous: others.length > 0,
            ambiguityReason: others.length === 0 ? null : shared ? 'SHARED_IDENTITY' : 'IDENTITIES_DISAGREE',
            alternatives: summarise(others),
            identitiesTried
        };
    }

    const top = found[0];
    if (!top) {
        return errors.length > 0
            ? { kind: 'upstream_error', error: errors[0], errors, identitiesTried }
            : { kind: 'not_found', identitiesTried };
    }
    if (top.profiles.length > 1) return { kind: 'ambiguous', candidates: summarise(reached.keys()), identitiesTried };

    const winner = top.profiles[0]!;
    const alternatives = new Set<string>();
    for (const f of found.slice(1)) {
        if (f.profiles.some((p) => p.entityId === winner.entityId)) continue;
        for (const p of f.profiles) alternatives.add(p.entityId);
    }
    return {
        kind: 'match',
        profile: winner,
        candidate: top.candidate,
        selectedBy: 'priority',
        ambiguous: alternatives.size > 0,
        ambiguityReason: alternatives.size > 0 ? 'IDENTITIES_DISAGREE' : null,
        alternatives: summarise(alternatives),
        identitiesTried
    };
}

/** Drops empty placeholders and duplicate XIDs; a 'found' with nothing left is a not_found. */
function normaliseOutcome(o: CandidateOutcome): CandidateOutcome {
    if (o.outcome !== 'found') return o;
    const byId = new Map<string, ProfileEnvelope>();
    for (const p of o.profiles) if (!isEmptyEnvelope(p) && !byId.has(p.entityId)) byId.set(p.entityId, p);
    return byId.size === 0 ? { candidate: o.candidate, outcome: 'not_found' } : { ...o, profiles: [...byId.values()] };
}

function tried(outcomes: readonly CandidateOutcome[], skipped: readonly IdentityTried[]): IdentityTried[] {
    const out: IdentityTried[] = outcomes.map((o) => ({
        field: o.candidate.field,
        namespace: o.candidate.namespace,
        maskedValue: o.candidate.maskedValue,
        outcome: o.outcome === 'found' ? (o.profiles.length > 1 ? 'ambiguous' : 'matched') : o.outcome
    }));
    // Only the contract's fields: skip reasons are for logs, not for the response.
    for (const s of skipped) out.push({ field: s.field, namespace: s.namespace, maskedValue: s.maskedValue, outcome: s.outcome });
    return out.slice(0, CARD_LIMITS.identitiesTried);
}
