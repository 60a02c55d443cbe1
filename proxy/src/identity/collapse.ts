/**
 * Graph collapse: AEP merged two or more people into one profile. Without Identity Graph Linking Rules one shared
 * identity (a household phone, a shared device) links their graphs, and the merged profile then holds two values
 * of a namespace that should identify one person (two CRM ids): "A single merged profile and its corresponding
 * identity graph should represent a single individual", and here it does not
 * (https://experienceleague.adobe.com/en/docs/experience-platform/identity/features/identity-graph-linking-rules/identity-optimization-algorithm).
 * The card must not present such a profile as a confident match, so the match says how many people it holds
 * and which of them the record is.
 */
import type { ProfileEnvelope } from '../contract/aepEntities';
import { CARD_LIMITS, type CardModel } from '../contract/cardModel';
import type { IdentityCandidate } from './buildCandidates';
import { maskId } from './mask';
import { normaliseSalesforceId } from './normalisers';
import { identitiesOf } from './people';

export type Collapse = NonNullable<CardModel['match']['collapse']>;

/**
 * The first person namespace (in configured order) in which the person's entries hold more than one value, or
 * null. `candidates` are the record's identities: a value among them is this record's, listed first.
 */
export function detectCollapse(
    entries: readonly ProfileEnvelope[],
    personNamespaces: readonly string[],
    candidates: readonly Pick<IdentityCandidate, 'namespace' | 'value'>[]
): Collapse | null {
    const identities = entries.flatMap(identitiesOf);
    for (const namespace of personNamespaces) {
        const ns = namespace.toLowerCase();
        const values = [...new Set(identities.filter((i) => i.namespace === ns).map((i) => i.id))];
        if (values.length < 2) continue;
        const ours = new Set(candidates.filter((c) => c.namespace.toLowerCase() === ns).map((c) => c.value));
        const ordered = [...values.filter((v) => ours.has(v)), ...values.filter((v) => !ours.has(v))];
        return {
            namespace: namespace.slice(0, 64),
            people: values.length,
            ids: ordered
                .slice(0, CARD_LIMITS.collapsedIds)
                .map((value) => ({ maskedValue: maskPersonId(value), thisRecord: ours.has(value) }))
        };
    }
    return null;
}

/** Salesforce record Ids stay readable (not personal data; what an admin needs: mask.ts); other ids show their last four. */
function maskPersonId(value: string): string {
    const sfId = normaliseSalesforceId(value);
    return sfId.ok && sfId.value === value ? value : maskId(value);
}
