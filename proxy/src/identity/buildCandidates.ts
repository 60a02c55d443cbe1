/**
 * From a Salesforce record's field values to the identities to look up in AEP, best first.
 *
 * Rules: mapped fields only; empty values ignored; each value spelled every way AEP may hold it (normalisers.ts
 * `spellings`: canonical first, then Salesforce's own spelling and, for phones, the other common spellings;
 * failures are skipped with the reason); namespaces resolved against the Identity Service catalog
 * (case-insensitive; the catalog's spelling is used) and skipped when the org lacks them; one candidate per
 * namespace+value (the first, highest-priority field keeps it); at most MAX_CANDIDATES, in priority order: a
 * field whose canonical value no longer fits is skipped as TOO_MANY_IDENTITIES, extra spellings are dropped.
 */
import type { LookupRequest } from '../contract/lookupRequest';
import type { IdentityTried } from '../contract/cardModel';
import { entriesFor, type FieldMapping, type NamespaceCatalog } from './fieldMapping';
import { maskIdentity, maskRaw } from './mask';
import { spellings, type NormaliserKind, type Spelling } from './normalisers';

export interface IdentityCandidate {
    /** Salesforce field the value came from (as configured, e.g. Contact.Email). */
    field: string;
    /** Namespace code as the catalog spells it. */
    namespace: string;
    /** The value exactly as sent to AEP. Never log it; log maskedValue. */
    value: string;
    maskedValue: string;
    /** Smaller is tried first. */
    priority: number;
    normaliser: NormaliserKind;
    /** Which spelling of the field's value this is (normalised, as stored in Salesforce, ...). */
    spelling: Spelling;
}

export type SkippedIdentity = IdentityTried & { outcome: 'skipped'; reason: string };

export interface BuiltCandidates {
    candidates: IdentityCandidate[];
    skipped: SkippedIdentity[];
}

/**
 * A person's identity graph holds at most 50 identities (https://experienceleague.adobe.com/en/docs/experience-platform/identity/guardrails),
 * so more candidates than that cannot all be one person's; the multi-entity POST asks for all of them at once.
 */
export const MAX_CANDIDATES = 50;

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
        const result = spellings(entry.normaliser, raw, { defaultRegion: mapping.defaultPhoneRegion });
        const maskedValue = result.ok ? maskIdentity(result.values[0]!.value, entry.normaliser) : maskRaw(raw);
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
        const fresh = result.values.filter(({ value }) => !seen.has(`${namespace.toLowerCase()}\u0000${value}`));
        if (fresh.length === 0) continue;
        if (candidates.length >= MAX_CANDIDATES) {
            skip('TOO_MANY_IDENTITIES');
            continue;
        }
        for (const { value, spelling } of fresh) {
            if (candidates.length >= MAX_CANDIDATES) break;
            seen.add(`${namespace.toLowerCase()}\u0000${value}`);
            candidates.push({
                field: entry.field,
                namespace,
                value,
                maskedValue: maskIdentity(value, entry.normaliser),
                priority: entry.priority,
                normaliser: entry.normaliser,
                spelling
            });
        }
    }
    return { candidates, skipped };
}
