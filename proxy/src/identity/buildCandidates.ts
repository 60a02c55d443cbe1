/**
 * From a Salesforce record's field values to the identities to look up in AEP, best first.
 *
 * Rules: mapped fields only; empty values ignored; each value normalised (failures are skipped with the
 * reason); namespaces resolved against the Identity Service catalog (case-insensitive; the catalog's
 * spelling is used) and skipped when the org lacks them; one candidate per namespace+value (the first,
 * highest-priority field keeps it); at most MAX_CANDIDATES, the rest skipped as TOO_MANY_IDENTITIES.
 */
import type { LookupRequest } from '../contract/lookupRequest';
import type { IdentityTried } from '../contract/cardModel';
import { CARD_LIMITS } from '../contract/cardModel';
import { entriesFor, type FieldMapping, type NamespaceCatalog } from './fieldMapping';
import { maskIdentity, maskRaw } from './mask';
import { normalise, type NormaliserKind } from './normalisers';

export interface IdentityCandidate {
    /** Salesforce field the value came from (as configured, e.g. Contact.Email). */
    field: string;
    /** Namespace code as the catalog spells it. */
    namespace: string;
    /** Normalised value, exactly what is sent to AEP. Never log it; log maskedValue. */
    value: string;
    maskedValue: string;
    /** Smaller is tried first. */
    priority: number;
    normaliser: NormaliserKind;
}

export type SkippedIdentity = IdentityTried & { outcome: 'skipped'; reason: string };

export interface BuiltCandidates {
    candidates: IdentityCandidate[];
    skipped: SkippedIdentity[];
}

/**
 * One look-up per candidate is the worst case upstream; the card reports at most this many tried
 * identities, so more would be work nobody can see.
 */
export const MAX_CANDIDATES = CARD_LIMITS.identitiesTried;

export function buildCandidates(record: LookupRequest['record'], mapping: FieldMapping, catalog: NamespaceCatalog): BuiltCandidates {
    const valuesByField = new Map<string, string>();
    for (const [name, value] of Object.entries(record.fields)) {
        // Salesforce API names are case-insensitive; Apex may send "email" or "Email".
        if (typeof value === 'string' && !valuesByField.has(name.toLowerCase())) valuesByField.set(name.toLowerCase(), value);
    }

    const candidates: IdentityCandidate[] = [];
    const skipped: SkippedIdentity[] = [];
    const seen = new Set<string>();
    for (const entry of entriesFor(mapping, record.objectApiName)) {
        const raw = valuesByField.get(entry.field.toLowerCase());
        if (raw === undefined || raw.trim() === '') continue;

        const namespace = catalog.resolve(entry.namespace);
        const result = normalise(entry.normaliser, raw, { defaultRegion: mapping.defaultPhoneRegion });
        const maskedValue = result.ok ? maskIdentity(result.value, entry.normaliser) : maskRaw(raw);
        const skip = (reason: string) =>
            skipped.push({ field: entry.field, namespace: namespace ?? entry.namespace, maskedValue, outcome: 'skipped', reason });

        if (namespace === null) {
            skip(`namespace ${entry.namespace} is not in the Identity Service catalog`);
            continue;
        }
        if (!result.ok) {
            skip(result.reason);
            continue;
        }
        const key = `${namespace.toLowerCase()}\u0000${result.value}`;
        if (seen.has(key)) continue;
        seen.add(key);
        if (candidates.length >= MAX_CANDIDATES) {
            skip('TOO_MANY_IDENTITIES');
            continue;
        }
        candidates.push({
            field: entry.field,
            namespace,
            value: result.value,
            maskedValue,
            priority: entry.priority,
            normaliser: entry.normaliser
        });
    }
    return { candidates, skipped };
}
