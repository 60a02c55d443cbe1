import type { ProxyConfig } from '../../../proxy/src/config';
import { deserializeOutcome, serializeOutcome, type CachedOutcome } from '../../../proxy/src/cache/cachedOutcome';
import { buildCandidates } from '../../../proxy/src/identity/buildCandidates';
import type { NamespaceCatalog } from '../../../proxy/src/identity/fieldMapping';
import { LookupRequest } from '../../../proxy/src/contract/lookupRequest';
import { requestKey } from '../../../proxy/src/lookup/lookupProfile';

/**
 * The proxy's own cache key for a look-up body, computed with the proxy's own modules (identity
 * candidates, normalisers, key hash) exactly as its look-up does. The bench checks the result against keys
 * the proxy itself wrote to Redis before relying on it.
 */
export function proxyCacheKey(config: ProxyConfig, mergePolicyId: string, catalog: NamespaceCatalog, body: unknown): string {
    const req = LookupRequest.parse(body);
    const { candidates } = buildCandidates(req.record, config.fieldMapping, catalog);
    return requestKey(config, mergePolicyId, candidates, req);
}

/**
 * A cached outcome for customer `n` made from a real card the proxy produced for customer `template`: the
 * template's identity values (email, phone, CRMID) and profile id are replaced by customer n's, so every
 * replica is a distinct string of realistic size and shape.
 */
export function replicaOf(
    templateText: string,
    from: { email: string; phone: string; crmId: string },
    to: { email: string; phone: string; crmId: string },
    profileId: string,
    fetchedAtMs: number
): string {
    const o = deserializeOutcome(templateText);
    if (!o || o.kind !== 'card') throw new Error('template is not a cached card');
    const text = JSON.stringify(o.card).split(from.email).join(to.email).split(from.phone).join(to.phone).split(from.crmId).join(to.crmId);
    const card = { ...(JSON.parse(text) as typeof o.card), profileId };
    const out: CachedOutcome = { kind: 'card', card, fetchedAtMs, matchedNamespace: o.matchedNamespace };
    return serializeOutcome(out);
}
