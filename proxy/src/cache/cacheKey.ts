import { createHash } from 'node:crypto';

export interface LookupKeyParts {
    sandbox: string;
    mergePolicyId: string;
    /** field, namespace and normalised value of every candidate identity, in priority order. */
    identities: ReadonlyArray<{ field: string; namespace: string; value: string }>;
    profileId: string | null;
    maxEvents: number;
    /** Cards with and without the sensitive fields are different answers. */
    includeSensitive: boolean;
}

/**
 * Cache and coalescing key of a look-up. Hashed, so no identity value sits in memory keys, Redis keys,
 * metrics or logs. Field names are part of it because the card reports which field matched.
 */
export function lookupKey(p: LookupKeyParts): string {
    const h = createHash('sha256');
    h.update(
        `v1\u0000${p.sandbox}\u0000${p.mergePolicyId}\u0000${p.profileId ?? ''}\u0000${p.maxEvents}\u0000${p.includeSensitive ? 's' : '-'}`
    );
    for (const i of p.identities) h.update(`\u0001${i.field}\u0000${i.namespace.toLowerCase()}\u0000${i.value}`);
    return h.digest('base64url');
}
