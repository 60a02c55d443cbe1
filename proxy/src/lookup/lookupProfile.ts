import type { AudienceNames } from '../aep/audiencesClient';
import { Budget, type CallShare } from '../aep/budget';
import type { EntitiesClient, EventsOutcome, IdentityQuery } from '../aep/entitiesClient';
import type { MergePolicyResolver, ResolvedMergePolicy } from '../aep/mergePolicies';
import type { NamespaceCatalogClient } from '../aep/namespaceCatalog';
import type { CachedOutcome } from '../cache/cachedOutcome';
import { staleBody, type CacheEntry, type CardCache } from '../cache/cardCache';
import { lookupKey } from '../cache/cacheKey';
import { LookupCoalescer } from '../cache/lookupCoalescer';
import type { SharedStore } from '../cache/redisStore';
import { withoutSensitiveFields } from '../card/sensitiveFields';
import type { ProxyConfig } from '../config';
import { CARD_LIMITS } from '../contract/cardModel';
import type { LookupRequest } from '../contract/lookupRequest';
import { ProxyError } from '../errors';
import type { BuiltCandidates, IdentityCandidate } from '../identity/buildCandidates';
import { CandidateMemo, type MemoisedCandidates } from '../identity/candidateMemo';
import type { NamespaceCatalog } from '../identity/fieldMapping';
import { decideMatch } from '../identity/decideMatch';
import { detectCollapse } from '../identity/collapse';
import type { ProxyMetrics } from '../observability/metrics';
import { LookupSlots } from './lookupSlots';
import { MatchedCandidateMemo } from './matchedCandidateMemo';
import type { LookupAnswer, LookupContext } from './lookupTypes';
import { asAepError, fetchProfileOutcomes, markGuardrailHits } from './profileOutcomes';
import { audienceIdsToName, profileFieldList, shapeCard } from './shapeCard';
import { allowsStale, toUpstreamProxyError } from './upstreamFailure';

export interface ProfileLookupDeps {
    config: ProxyConfig;
    catalog: NamespaceCatalogClient;
    mergePolicy: MergePolicyResolver;
    entities: EntitiesClient;
    audiences: AudienceNames;
    cache: CardCache;
    shared: SharedStore | null;
    metrics: ProxyMetrics;
    /** Where warm look-ups take their AEP calls from first (warmShare.ts); without it they draw like agents. */
    warmShare?: CallShare;
}

/** Events the card of `req` shows: the caller's count or the configured default, never above the card limit. */
export function maxEventsOf(req: LookupRequest, config: ProxyConfig): number {
    return Math.min(req.maxEvents ?? config.shaping.events.defaultMax, CARD_LIMITS.events);
}

/**
 * Cache and coalescing key of a request whose identity candidates are built. Exported so the bench can
 * compute the keys this proxy writes to Redis.
 */
export function requestKey(
    config: ProxyConfig,
    mergePolicyId: string,
    candidates: readonly IdentityCandidate[],
    req: LookupRequest
): string {
    return lookupKey({
        sandbox: config.aep.sandbox,
        mergePolicyId,
        identities: candidates,
        profileId: req.profileId ?? null,
        maxEvents: maxEventsOf(req, config),
        includeSensitive: req.includeSensitive === true
    });
}

/** What one upstream round produces: a card or a cacheable negative answer. */
type Fetched = CachedOutcome;

/** What a look-up needs from its request before the cache: candidates and key, valid for one catalog and policy. */
interface LookupPlan {
    catalog: NamespaceCatalog;
    mergePolicyId: string;
    built: MemoisedCandidates;
    key: string;
}

/**
 * One profile look-up, end to end: identities from the record, cache, coalescing, the AEP round, the
 * match decision, shaping, stale-while-error.
 *
 * Critical path once namespaces and audience names are warm: ONE round of parallel calls, the
 * multi-entity POST for every candidate identity next to the events GET for the candidate most likely to match
 * (the one that matched last for records of the same shape, else the top one). Only when the profile was found
 * through another identity are events fetched again (for that identity), and only audience ids never seen
 * before cost a bulk-get.
 */
export class ProfileLookup {
    private readonly coalescer: LookupCoalescer<Fetched>;
    /** Identity candidates and cache keys of records seen before: a cache hit does no normalising or hashing. */
    private readonly candidateMemo = new CandidateMemo();
    private readonly slots: LookupSlots;
    /** Which candidate to ask events for in the one round (matchedCandidateMemo.ts). */
    private readonly matched = new MatchedCandidateMemo();
    /** Candidates and cache key per request object (see planFor). */
    private readonly plans = new WeakMap<LookupRequest, LookupPlan>();
    /** proxy_card_cache_total{result="hit"}, bound once: counted on every cache hit. */
    private readonly memoryHits: { inc(): void };

    constructor(private readonly d: ProfileLookupDeps) {
        this.coalescer = new LookupCoalescer<Fetched>(d.shared, d.metrics);
        this.slots = new LookupSlots(d.config.capacity, d.metrics);
        this.memoryHits = d.metrics.cache.labels('hit');
    }

    async lookup(req: LookupRequest, ctx: LookupContext): Promise<LookupAnswer> {
        const { config, metrics } = this.d;
        const budget = new Budget(config.timeouts.budgetMs);
        if (ctx.priority === 'warm') budget.share = this.d.warmShare ?? null;
        // Loaded (the usual case): taken as they are, without a promise each; otherwise loaded within the budget.
        const catalog = this.d.catalog.fresh;
        const policy = this.d.mergePolicy.current;
        const [namespaces, mergePolicy] =
            catalog && policy
                ? [catalog, policy]
                : await Promise.all([catalog ?? this.d.catalog.get(budget), policy ?? this.d.mergePolicy.resolve(budget)]).catch(
                      (err: unknown) => {
                          throw toUpstreamProxyError(err);
                      }
                  );

        const { built, key } = this.planFor(req, namespaces, mergePolicy);
        const { candidates, skipped } = built;
        if (candidates.length === 0) {
            metrics.lookups.inc({ outcome: 'NO_IDENTITY' });
            throw new ProxyError(
                'NO_IDENTITY',
                'the record has no identity value the proxy can look up (check the mapped fields and their values)',
                {
                    details: { identitiesTried: skipped.slice(0, CARD_LIMITS.identitiesTried).map(({ reason: _reason, ...t }) => t) }
                }
            );
        }
        const maxEvents = maxEventsOf(req, config);

        if (!req.refresh) {
            // A fresh local copy answers without awaiting anything; otherwise the shared store may hold a
            // fresh one (another instance refreshed while this copy went stale).
            const local = this.d.cache.getLocal(key);
            if (local?.fresh) {
                this.memoryHits.inc();
                return this.answerFromEntry(local.entry, 'cache');
            }
            const hit = await this.d.cache.get(key);
            if (hit?.fresh) {
                metrics.cache.inc({ result: hit.source === 'memory' ? 'hit' : 'shared_hit' });
                return this.answerFromEntry(hit.entry, hit.source === 'memory' ? 'cache' : 'shared-cache');
            }
            budget.staleFallback = hit?.entry.kind === 'card';
        } else {
            budget.staleFallback = this.d.cache.getLocal(key)?.entry.kind === 'card';
        }
        metrics.cache.inc({ result: 'miss' });

        const fetchStarted = performance.now();
        const warm = ctx.priority === 'warm';
        try {
            const fetch = () => this.fetchFromAep(req, candidates, skipped, mergePolicy, maxEvents, budget, key, ctx);
            const { value, joined } = await this.coalescer.run(
                key,
                {
                    // A warm look-up runs on the warming share and gives up on what an agent would take (a card without
                    // events, a stale card): an agent's look-up never joins one in this process. Across instances it
                    // only waits for the warm one's lock and takes over when no card was cached (lookupCoalescer.ts).
                    localKey: warm ? `${key}\u0000warm` : key,
                    lockMs: budget.remainingMs(),
                    readShared: async (sinceMs) => {
                        const entry = await this.d.cache.getFreshSince(key, sinceMs);
                        return entry ? entryToOutcome(entry) : null;
                    }
                },
                // Warming takes a look-up slot only when one is free and never more than its part of them (lookupSlots.ts).
                () => (warm ? this.slots.runIfFree(fetch) : this.slots.run(budget, fetch))
            );
            return { ...this.answerFromOutcome(value, joined === 'none' ? 'aep' : 'coalesced'), aepMs: performance.now() - fetchStarted };
        } catch (raw) {
            const err = toUpstreamProxyError(raw);
            // A stale card is for an agent who waits; a warm look-up reports the failure (and may be tried again).
            if (!warm && allowsStale(err)) {
                const stale = await this.staleEntry(key);
                if (stale) {
                    metrics.cache.inc({ result: 'stale_served' });
                    metrics.lookups.inc({ outcome: 'stale' });
                    return {
                        body: staleBody(stale, err.code),
                        source: 'stale',
                        profileId: stale.profileId,
                        matchedNamespace: stale.matchedNamespace,
                        // The look-up's one log line says why (http/requestLog.ts).
                        staleBecause: {
                            upstreamCode: err.code,
                            upstream: err.details?.upstream,
                            upstreamStatus: err.details?.upstreamStatus
                        }
                    };
                }
            }
            metrics.lookups.inc({ outcome: err.code });
            throw err;
        }
    }

    /**
     * The record's identity candidates and the look-up's cache key. Remembered per request object: the body
     * parser hands the same frozen request to every look-up with the same bytes (http/jsonBody.ts), so a cache hit
     * of a record seen before does no normalising, hashing or key building at all.
     */
    private planFor(req: LookupRequest, catalog: NamespaceCatalog, mergePolicy: ResolvedMergePolicy): LookupPlan {
        const known = this.plans.get(req);
        if (known && known.catalog === catalog && known.mergePolicyId === mergePolicy.id) return known;
        const { config } = this.d;
        const built = this.candidateMemo.build(req.record, config.fieldMapping, catalog);
        // Sandbox is per config; the rest of the key besides the candidates varies per request.
        const key = built.derive(
            `${mergePolicy.id}\u0000${req.profileId ?? ''}\u0000${maxEventsOf(req, config)}\u0000${req.includeSensitive === true}`,
            () => requestKey(config, mergePolicy.id, built.candidates, req)
        );
        const plan: LookupPlan = { catalog, mergePolicyId: mergePolicy.id, built, key };
        this.plans.set(req, plan);
        return plan;
    }

    private async fetchFromAep(
        req: LookupRequest,
        candidates: IdentityCandidate[],
        skipped: BuiltCandidates['skipped'],
        mergePolicy: ResolvedMergePolicy,
        maxEvents: number,
        budget: Budget,
        key: string,
        ctx: LookupContext
    ): Promise<Fetched> {
        const { config } = this.d;
        const fields = profileFieldList(config.shaping);
        const eventsWanted = config.events.enabled && maxEvents > 0;
        const objectApiName = req.record.objectApiName;
        const likely = this.matched.likely(objectApiName, candidates);
        const eventsIdentity: IdentityQuery = req.profileId
            ? { namespace: null, id: req.profileId }
            : { namespace: likely.namespace, id: likely.value };
        // Events are worth a retry only while the profile is still coming: once it has answered, a retry would
        // only make the agent wait longer for a card that is ready.
        let profileAnswered = false;
        const eventsFor = (identity: IdentityQuery) =>
            this.d.entities.fetchEvents(identity, {
                limit: eventFetchLimit(maxEvents),
                lookbackDays: config.events.lookbackDays,
                mergePolicyId: mergePolicy.id,
                budget,
                requestId: ctx.requestId,
                mayRetry: () => !profileAnswered
            });

        // The one parallel round: all candidates in one POST, events for the most likely identity.
        const [{ outcomes, guardrailHits }, firstEvents] = await Promise.all([
            fetchProfileOutcomes(this.d.entities, candidates, {
                fields,
                mergePolicyId: mergePolicy.id,
                budget,
                requestId: ctx.requestId
            }).finally(() => (profileAnswered = true)),
            eventsWanted ? eventsFor(eventsIdentity) : Promise.resolve(null)
        ]);

        const personNamespaces = config.fieldMapping.personNamespaces;
        const decided = decideMatch({ outcomes, skipped, profileId: req.profileId, denylist: config.shaping.denylist, personNamespaces });
        const decision = { ...decided, identitiesTried: markGuardrailHits(decided.identitiesTried, guardrailHits) };
        const fetchedAtMs = Date.now();

        if (decision.kind === 'upstream_error') throw asAepError(decision.error);
        if (decision.kind === 'no_identity')
            throw new ProxyError('NO_IDENTITY', 'the record has no identity value the proxy can look up', {
                details: { identitiesTried: decision.identitiesTried }
            });
        if (decision.kind === 'not_found') {
            // The person exists but AEP excludes a graph over its guardrail from look-ups: say so, not "no profile".
            const outcome: Fetched =
                guardrailHits.length > 0
                    ? {
                          kind: 'error',
                          code: 'IDENTITY_GRAPH_TOO_LARGE',
                          message:
                              "the customer's identity graph links more than 50 identities, which AEP refuses to look up; the AEP administrator can clean up the graph",
                          details: { identitiesTried: decision.identitiesTried, reason: 'TOO_MANY_RELATED_IDENTITIES' },
                          fetchedAtMs
                      }
                    : {
                          kind: 'error',
                          code: 'PROFILE_NOT_FOUND',
                          message: "no AEP profile matches the record's identities",
                          details: { identitiesTried: decision.identitiesTried },
                          fetchedAtMs
                      };
            await this.d.cache.set(key, outcome);
            return outcome;
        }
        if (decision.kind === 'ambiguous') {
            const outcome: Fetched = {
                kind: 'error',
                code: 'AMBIGUOUS_PROFILE',
                message: "the record's identity leads to more than one profile; pick one and repeat the look-up with its profileId",
                details: { candidates: decision.candidates, identitiesTried: decision.identitiesTried },
                fetchedAtMs
            };
            await this.d.cache.set(key, outcome);
            return outcome;
        }

        // Events were fetched for the likeliest identity; if the profile came through another one, fetch again for it.
        if (!req.profileId) this.matched.remember(objectApiName, candidates, decision.candidate);
        let events: EventsOutcome | null = firstEvents;
        if (eventsWanted && !req.profileId && decision.candidate !== likely && !(firstEvents?.status === 'unavailable')) {
            events = await eventsFor({ namespace: decision.candidate.namespace, id: decision.candidate.value });
        }
        if (events?.status === 'error') {
            // Nobody waits for a warm card: rather none than one without events that agents would then be served from
            // the cache. Only warm look-ups share this flight (localKey above), so no agent gets this error.
            if (ctx.priority === 'warm') throw events.error;
            ctx.log.warn({ reason: events.reason }, 'events look-up failed; card served without events');
        }

        const audienceNames = await this.d.audiences.resolve(audienceIdsToName(decision.profile, config.shaping), budget, ctx.requestId);
        const shaped = shapeCard({
            decision,
            collapse: detectCollapse(decision.entries, personNamespaces, candidates),
            events: eventsWanted ? events : null,
            eventsDisabledReason: config.events.enabled ? 'NOT_REQUESTED' : 'DISABLED',
            maxEvents,
            audienceNames,
            mergePolicy,
            fetchedAtMs,
            shaping: config.shaping
        });
        // Minimised before it is cached: a card without the sensitive fields never holds them, not even in Redis.
        const card = req.includeSensitive === true ? shaped : withoutSensitiveFields(shaped);
        const outcome: Fetched = { kind: 'card', card, fetchedAtMs, matchedNamespace: decision.candidate.namespace };
        await this.d.cache.set(key, outcome);
        this.d.metrics.lookups.inc({ outcome: 'ok' });
        return outcome;
    }

    private answerFromEntry(entry: CacheEntry, source: LookupAnswer['source']): LookupAnswer {
        if (entry.kind === 'error') throw new ProxyError(entry.code, entry.message, { details: entry.details });
        return { body: entry.hitBody, source, profileId: entry.profileId, matchedNamespace: entry.matchedNamespace };
    }

    private answerFromOutcome(outcome: Fetched, source: LookupAnswer['source']): LookupAnswer {
        if (outcome.kind === 'error') throw new ProxyError(outcome.code, outcome.message, { details: outcome.details });
        const card = source === 'coalesced' ? { ...outcome.card, freshness: { ...outcome.card.freshness, fromCache: true } } : outcome.card;
        return { body: JSON.stringify(card), source, profileId: card.profileId, matchedNamespace: outcome.matchedNamespace };
    }

    private async staleEntry(key: string): Promise<Extract<CacheEntry, { kind: 'card' }> | null> {
        const hit = await this.d.cache.get(key);
        return hit?.entry.kind === 'card' ? hit.entry : null;
    }
}

/** Events are filtered to those of interest after fetching; ask for some slack, never AEP's default 1,000. */
function eventFetchLimit(maxEvents: number): number {
    return Math.min(100, maxEvents * 2 + 10);
}

function entryToOutcome(entry: CacheEntry): CachedOutcome {
    if (entry.kind === 'error') return entry;
    return {
        kind: 'card',
        card: JSON.parse(entry.hitBody.toString('utf8')),
        fetchedAtMs: entry.fetchedAtMs,
        matchedNamespace: entry.matchedNamespace
    };
}
