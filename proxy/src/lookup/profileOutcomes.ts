import { AepCallError, isTooManyIdentities } from '../aep/aepCallError';
import type { Budget } from '../aep/budget';
import type { EntitiesClient } from '../aep/entitiesClient';
import { isEmptyEnvelope, parseEntityMap, ProfileEnvelope } from '../contract/aepEntities';
import type { IdentityTried } from '../contract/cardModel';
import type { IdentityCandidate } from '../identity/buildCandidates';
import type { CandidateOutcome } from '../identity/decideMatch';
import { identitiesOf } from '../identity/people';

/**
 * Reads what AEP's Profile Access API answers for the record's identity candidates into one outcome per
 * candidate, the input of the matcher (proxy/src/identity/decideMatch.ts). AEP's answer forms
 * (https://experienceleague.adobe.com/en/docs/experience-platform/profile/api/entities and
 * proxy/emulator/specs/adobe/profile.yaml): the multi-entity POST's XID-keyed map with empty placeholders, its
 * 207 partial failure, a 404 or 422 refusing the whole POST, and the single-identity GET.
 */

export interface ProfileOutcomes {
    /** One per candidate, as the matcher should judge them: a graph over AEP's guardrail counts as "no profile". */
    outcomes: CandidateOutcome[];
    /** Candidates whose identity graph is over AEP's 50-identity guardrail (AEP answers 422 for them). */
    guardrailHits: IdentityCandidate[];
}

/** The two Profile Access calls this module makes (proxy/src/aep/entitiesClient.ts). */
export type ProfileReader = Pick<EntitiesClient, 'fetchProfiles' | 'fetchProfileByIdentity'>;

export interface ProfileQuery {
    fields: readonly string[];
    mergePolicyId: string;
    budget: Budget;
    requestId: string;
}

/**
 * Per-candidate outcomes of the multi-entity POST. AEP's 207 (partial failure) lists only the failures, keyed by
 * AEP's own XIDs, and a 422 can refuse the whole POST (one identity over the 50-identity guardrail is enough):
 * with several candidates, each is then asked separately, in parallel, so the good identities still get their
 * answer and the failing one is pinned down.
 */
export async function fetchProfileOutcomes(
    entities: ProfileReader,
    candidates: readonly IdentityCandidate[],
    query: ProfileQuery
): Promise<ProfileOutcomes> {
    const outcomes = await askAep(entities, candidates, query);
    // AEP excludes a graph over the guardrail from look-ups, so for that identity there is no profile
    // (https://experienceleague.adobe.com/en/docs/experience-platform/identity/guardrails).
    const guardrailHits = outcomes.filter((o) => o.outcome === 'error' && isTooManyIdentities(o.error)).map((o) => o.candidate);
    return {
        outcomes: outcomes.map((o) =>
            guardrailHits.includes(o.candidate) ? { candidate: o.candidate, outcome: 'not_found' as const } : o
        ),
        guardrailHits
    };
}

/** identitiesTried says 'error' for a guardrail hit, so the agent is not told the identity simply has no profile. */
export function markGuardrailHits(identitiesTried: IdentityTried[], guardrailHits: readonly IdentityCandidate[]): IdentityTried[] {
    return identitiesTried.map((t) =>
        guardrailHits.some((c) => c.field === t.field && c.namespace === t.namespace) ? { ...t, outcome: 'error' as const } : t
    );
}

async function askAep(entities: ProfileReader, candidates: readonly IdentityCandidate[], query: ProfileQuery): Promise<CandidateOutcome[]> {
    try {
        const res = await entities.fetchProfiles(
            candidates.map((c) => ({ namespace: c.namespace, id: c.value })),
            query
        );
        const outcomes = groupMultiEntityResponse(res.body, candidates);
        const partial = res.status === 207 && outcomes.some((o) => o.outcome === 'error');
        if (!partial || candidates.length === 1) return outcomes;
    } catch (err) {
        const refusedAsWhole = err instanceof AepCallError && err.kind === 'http' && (err.status === 404 || err.status === 422);
        if (!refusedAsWhole) throw err;
        if (err.status === 404) return candidates.map((candidate) => ({ candidate, outcome: 'not_found' as const }));
        if (candidates.length === 1) return [{ candidate: candidates[0]!, outcome: 'error', error: err }];
    }
    return Promise.all(
        candidates.map(async (candidate): Promise<CandidateOutcome> => {
            try {
                return outcomeFromEntityMap(
                    candidate,
                    await entities.fetchProfileByIdentity({ namespace: candidate.namespace, id: candidate.value }, query)
                );
            } catch (e) {
                return { candidate, outcome: 'error', error: e };
            }
        })
    );
}

/** Per-identity failures of a 207 answer are plain `{message, statusCode:"500"}` objects. */
export function asAepError(err: unknown): AepCallError {
    if (err instanceof AepCallError) return err;
    const e = (typeof err === 'object' && err !== null ? err : {}) as { statusCode?: unknown; message?: unknown };
    const status = Number(e.statusCode);
    return new AepCallError('profile', 'http', `profile: AEP reported ${Number.isFinite(status) ? status : 'an error'} for an identity`, {
        status: Number.isFinite(status) && status > 0 ? status : 502,
        aepMessage: typeof e.message === 'string' ? e.message : ''
    });
}

/** Does the merged profile carry this identity? identityMap keys are lower-case in merged profiles. */
export function profileHasIdentity(envelope: ProfileEnvelope, namespace: string, value: string): boolean {
    const ns = namespace.toLowerCase();
    return identitiesOf(envelope).some((i) => i.namespace === ns && i.id === value);
}

function answersCandidate(envelope: ProfileEnvelope, c: IdentityCandidate): boolean {
    const requested = envelope.requestedIdentity;
    const code = requested?.entityIdNS?.code;
    if (requested?.entityId === c.value && typeof code === 'string' && code.toLowerCase() === c.namespace.toLowerCase()) return true;
    return profileHasIdentity(envelope, c.namespace, c.value);
}

/**
 * Per-candidate outcomes from one `POST /access/entities` answer
 * (https://experienceleague.adobe.com/en/docs/experience-platform/profile/api/entities): a map keyed by XID,
 * one entry per requested identity (Adobe's example) or per distinct profile, `requestedIdentity` saying which
 * identity asked for it, and an empty `entity: {}` placeholder for identities without a profile. An entry answers
 * every candidate it carries, so one person under several keys reaches each candidate several times; the matcher
 * sees those entries as one person (proxy/src/identity/people.ts). A 207 answer is an array of
 * `{xid, error}`; failed identities cannot be told apart (the xid is AEP's), so candidates that no
 * successful entry answers are errors when any item failed.
 */
export function groupMultiEntityResponse(body: unknown, candidates: readonly IdentityCandidate[]): CandidateOutcome[] {
    const entries: ProfileEnvelope[] = [];
    const failures: unknown[] = [];
    if (Array.isArray(body)) {
        for (const item of body.slice(0, 200)) {
            const rec = typeof item === 'object' && item !== null ? (item as Record<string, unknown>) : null;
            if (rec && 'error' in rec) failures.push(rec.error);
            else {
                const parsed = ProfileEnvelope.safeParse(item);
                if (parsed.success && !isEmptyEnvelope(parsed.data)) entries.push(parsed.data);
            }
        }
    } else {
        entries.push(...parseEntityMap(body));
    }
    return candidates.map((candidate): CandidateOutcome => {
        const profiles = entries.filter((e) => answersCandidate(e, candidate));
        if (profiles.length > 0) return { candidate, outcome: 'found', profiles };
        if (failures.length > 0) return { candidate, outcome: 'error', error: failures[0] };
        return { candidate, outcome: 'not_found' };
    });
}

/**
 * Outcome of one `GET /access/entities` (XID-keyed map; null or an empty map for a 404). The map can
 * hold more than one entry (split profiles, a shared identity): entries that carry the identity are
 * kept; when none carries it (a `fields` projection without identityMap) all are kept, which makes a
 * multi-entry answer ambiguous rather than silently picking one person.
 */
export function outcomeFromEntityMap(candidate: IdentityCandidate, body: unknown): CandidateOutcome {
    const entries = parseEntityMap(body);
    if (entries.length === 0) return { candidate, outcome: 'not_found' };
    const carrying = entries.filter((e) => profileHasIdentity(e, candidate.namespace, candidate.value));
    return { candidate, outcome: 'found', profiles: carrying.length > 0 ? carrying : entries };
}
