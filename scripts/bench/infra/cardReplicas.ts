import { NAMESPACES } from '../../../proxy/emulator/src/store/namespaces';
import { LookupRequest } from '../../../proxy/src/contract/lookupRequest';
import type { ProxyConfig } from '../../../proxy/src/index';
// The deliberate exception to the proxy's front door (proxy/src/index.ts): the bench's cache prefill writes 100k
// cards into Redis under the keys and in the format the proxy itself uses, so it needs the proxy's own key
// derivation and cache serialisation, which are no public API.
// eslint-disable-next-line import/no-restricted-paths -- bench cache prefill, see above
import { deserializeOutcome, serializeOutcome, type CachedOutcome } from '../../../proxy/src/cache/cachedOutcome';
// eslint-disable-next-line import/no-restricted-paths -- bench cache prefill, see above
import { redisCardKey } from '../../../proxy/src/cache/redisStore';
// eslint-disable-next-line import/no-restricted-paths -- bench cache prefill, see above
import { buildCandidates } from '../../../proxy/src/identity/buildCandidates';
// eslint-disable-next-line import/no-restricted-paths -- bench cache prefill, see above
import { createNamespaceCatalog, type NamespaceCatalog } from '../../../proxy/src/identity/fieldMapping';
// eslint-disable-next-line import/no-restricted-paths -- bench cache prefill, see above
import { requestKey } from '../../../proxy/src/lookup/lookupProfile';

export { redisCardKey };

/** The emulated org's Identity Service catalogue, as the proxy reads it (every namespace is active). */
export function emulatedCatalog(): NamespaceCatalog {
    return createNamespaceCatalog(NAMESPACES.map((ns) => ns.code));
}

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
