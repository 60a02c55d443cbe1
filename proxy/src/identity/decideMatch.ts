/**
 * Which profile the card shows, given what AEP answered for each identity candidate. Pure: it only decides;
 * reading AEP's answers into per-candidate outcomes is proxy/src/lookup/profileOutcomes.ts.
 *
 * Rules:
 * - One person is one match: AEP may answer the same person under several keys (one entry per requested
 *   identity, as Adobe's multi-entity example does), so entries that share an identity (identityMap) or an XID
 *   (entityId, identityGraph) are one person, unless they hold different values of a namespace that identifies
 *   one person (personNamespaces, e.g. CRMID): those are two people who share a phone.
 * - Candidates are judged in priority order. The highest-priority candidate that found anyone leads.
 * - If it found exactly one person and every lower-priority candidate that found anyone reached that person
 *   too, that person wins. A lower-priority shared identity that also reaches the winner (the household phone
 *   next to the person's own email) is consistent, not a disagreement: refusing it would refuse every household.
 * - If it found 2+ people (a shared phone in answers without identity stitching), or a lower-priority candidate
 *   reaches only people other than the leader's (the record's email is Jane's, its phone Sam's), and no
 *   profileId was given: `ambiguous` (409), with every person the record reaches as candidates. Two different
 *   people matched by the record's identities is the agent's choice: priority cannot tell which one the record
 *   is about (a typo, a shared or recycled address, a merged duplicate), and showing one confidently would put
 *   the wrong customer's data in front of the agent.
 * - With a profileId (the agent's pick, any key AEP gave that person): it must be among the people the record's
 *   identities reach, otherwise INVALID_REQUEST (a client cannot read arbitrary profiles through a record). The
 *   match is then selectedBy 'agent' and still says ambiguous, with the other people as alternatives
 *   (SHARED_IDENTITY when one identity reached several people including the pick, else IDENTITIES_DISAGREE).
 * - Errors: a higher-priority candidate that errored does not block a lower one that found a profile;
 *   the match stands and identitiesTried shows 'error' for the failed one (the card is still right for
 *   the identity that matched; blocking would turn one flaky call into no card). When nothing was found
 *   and any look-up errored, the answer is `upstream_error`, never not_found: the failed look-up may
 *   well have found the person, and a false "no profile" is worse than a retry or a stale card.
 * - identitiesTried has one line per record field and namespace, whichever of its spellings answered.
 */
import { ProxyError } from '../errors';
import { isEmptyEnvelope, type ProfileEnvelope } from '../contract/aepEntities';
import { CARD_LIMITS, type CandidateProfile, type IdentityTried } from '../contract/cardModel';
import { toCandidateProfile } from '../card/person';
import type { IdentityCandidate } from './buildCandidates';
import { groupPeople, type Person } from './people';

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
    /** Namespaces whose values identify one person (FieldMapping.personNamespaces): entries disagreeing there are two people. */
    personNamespaces: readonly string[];
}

export interface ResolvedMatch {
    kind: 'match';
    /** The entry that answered the matching candidate. */
    profile: ProfileEnvelope;
    /** Every entry AEP gave for the matched person (several keys, one person). */
    entries: ProfileEnvelope[];
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
    const denylist = input.denylist ?? [];
    const errors = outcomes.filter((o) => o.outcome === 'error').map((o) => (o as { error: unknown }).error);
    const found = outcomes.filter((o): o is Found => o.outcome === 'found');
    const people = groupPeople(
        found.flatMap((f) => f.profiles),
        input.personNamespaces
    );
    const peopleOf = (f: Found): Person[] => [...new Set(f.profiles.map((p) => people.of(p)))];
    const identitiesTried = tried(outcomes, input.skipped ?? [], (f) => peopleOf(f).length);

    if (outcomes.length === 0) return { kind: 'no_identity', identitiesTried };

    // Every person the record reaches, with the first (highest-priority) candidate that reached them and its entry.
    const reached = new Map<Person, { profile: ProfileEnvelope; via: IdentityCandidate }>();
    for (const f of found) {
        for (const p of f.profiles) {
            const person = people.of(p);
            if (!reached.has(person)) reached.set(person, { profile: p, via: f.candidate });
        }
    }
    const summarise = (list: Iterable<Person>) =>
        [...list].slice(0, CARD_LIMITS.candidates).map((person) => {
            const r = reached.get(person)!;
            return toCandidateProfile(r.profile, r.via, denylist);
        });
    const match = (person: Person, profile: ProfileEnvelope, candidate: IdentityCandidate) => ({
        kind: 'match' as const,
        profile,
        entries: person.entries,
        candidate,
        identitiesTried
    });

    if (input.profileId !== undefined) {
        const picked = [...reached.keys()].find((person) => person.entries.some((e) => e.entityId === input.profileId));
        if (!picked) {
            if (errors.length > 0) return { kind: 'upstream_error', error: errors[0], errors, identitiesTried };
            throw new ProxyError('INVALID_REQUEST', "profileId is not one of the profiles this record's identities lead to", {
                details: { identitiesTried }
            });
        }
        const others = [...reached.keys()].filter((person) => person !== picked);
        const shared = found.some((f) => peopleOf(f).length > 1 && peopleOf(f).includes(picked));
        const via = reached.get(picked)!;
        return {
            ...match(picked, picked.entries.find((e) => e.entityId === input.profileId) ?? via.profile, via.via),
            selectedBy: 'agent',
            ambiguous: others.length > 0,
            ambiguityReason: others.length === 0 ? null : shared ? 'SHARED_IDENTITY' : 'IDENTITIES_DISAGREE',
            alternatives: summarise(others)
        };
    }

    const top = found[0];
    if (!top) {
        return errors.length > 0
            ? { kind: 'upstream_error', error: errors[0], errors, identitiesTried }
            : { kind: 'not_found', identitiesTried };
    }
    const topPeople = peopleOf(top);
    const winner = topPeople[0]!;
    const disagree = found.slice(1).some((f) => !peopleOf(f).includes(winner));
    if (topPeople.length > 1 || disagree) return { kind: 'ambiguous', candidates: summarise(reached.keys()), identitiesTried };

    return {
        ...match(
            winner,
            top.profiles.find((p) => people.of(p) === winner)!,
            top.candidate
        ),
        selectedBy: 'priority',
        ambiguous: false,
        ambiguityReason: null,
        alternatives: []
    };
}

/** Drops empty placeholders and duplicate XIDs; a 'found' with nothing left is a not_found. */
function normaliseOutcome(o: CandidateOutcome): CandidateOutcome {
    if (o.outcome !== 'found') return o;
    const byId = new Map<string, ProfileEnvelope>();
    for (const p of o.profiles) if (!isEmptyEnvelope(p) && !byId.has(p.entityId)) byId.set(p.entityId, p);
    return byId.size === 0 ? { candidate: o.candidate, outcome: 'not_found' } : { ...o, profiles: [...byId.values()] };
}

const RANK: Record<IdentityTried['outcome'], number> = { matched: 0, ambiguous: 0, error: 1, not_found: 2, skipped: 3 };

/** One line per field and namespace: the first spelling that found someone, else an error, else not found. */
function tried(
    outcomes: readonly CandidateOutcome[],
    skipped: readonly IdentityTried[],
    peopleFound: (f: Found) => number
): IdentityTried[] {
    const lines = new Map<string, IdentityTried>();
    for (const o of outcomes) {
        const key = `${o.candidate.field}\u0000${o.candidate.namespace}`;
        const outcome: IdentityTried['outcome'] = o.outcome === 'found' ? (peopleFound(o) > 1 ? 'ambiguous' : 'matched') : o.outcome;
        const line = lines.get(key);
        if (!line) {
            lines.set(key, { field: o.candidate.field, namespace: o.candidate.namespace, maskedValue: o.candidate.maskedValue, outcome });
        } else if (RANK[outcome] < RANK[line.outcome]) {
            lines.set(key, { ...line, outcome });
        }
    }
    // Only the contract's fields: skip reasons are for logs, not for the response.
    const out = [...lines.values()];
    for (const s of skipped) out.push({ field: s.field, namespace: s.namespace, maskedValue: s.maskedValue, outcome: s.outcome });
    return out.slice(0, CARD_LIMITS.identitiesTried);
}
