import { LRUCache } from 'lru-cache';
import { AudienceWithName, BulkGetResponse } from '../contract/aepMetadata';
import type { CardModel } from '../contract/cardModel';

type Evaluation = CardModel['audiences'][number]['evaluation'];
import { AepCallError } from './aepCallError';
import type { Budget } from './budget';
import type { PlatformClient } from './platformClient';

/** AEP caps bulk-get at 100 ids (400 UPAPI-113015-400 above; proxy/emulator/specs/adobe/segmentation.yaml). */
const BULK_GET_MAX = 100;

export interface AudienceNamesConfig {
    ttlMs: number;
    negativeTtlMs: number;
    timeoutMs: number;
    maxEntries?: number;
}

/** What the card shows of an audience definition: its name and how AEP evaluates it. */
export interface AudienceInfo {
    name: string;
    evaluation: Evaluation;
}

/**
 * How AEP evaluates an audience, from its definition's evaluationInfo ("If `continuous` is set to `true`, it will be a
 * segment definition evaluated using streaming segmentation", proxy/emulator/specs/adobe/segmentation.yaml). AEP
 * creates batch definitions by default, so a definition without evaluationInfo counts as batch.
 */
export function evaluationOf(info: { continuous?: { enabled: boolean }; synchronous?: { enabled: boolean } } | undefined): Evaluation {
    if (info?.continuous?.enabled === true) return 'streaming';
    if (info?.synchronous?.enabled === true) return 'edge';
    return 'batch';
}

/**
 * Audience (segment) names and evaluation methods for the ids in `segmentMembership.ups`. Names change rarely, so they are
 * cached for AUDIENCE_NAME_TTL_SECONDS; ids AEP does not know are cached for a shorter negative TTL so a
 * deleted audience does not cost a call per look-up. Only misses go to `POST /audiences/bulk-get`.
 */
export class AudienceNames {
    private readonly cache: LRUCache<string, { info: AudienceInfo | null }>;

    constructor(
        private readonly platform: PlatformClient,
        private readonly cfg: AudienceNamesConfig
    ) {
        this.cache = new LRUCache({ max: cfg.maxEntries ?? 20_000, ttl: cfg.ttlMs });
    }

    /** Audiences known without calling AEP (null = known to be missing). */
    cached(ids: readonly string[]): { names: Map<string, AudienceInfo | null>; misses: string[] } {
        const names = new Map<string, AudienceInfo | null>();
        const misses: string[] = [];
        for (const id of new Set(ids)) {
            const hit = this.cache.get(id);
            if (hit) names.set(id, hit.info);
            else misses.push(id);
        }
        return { names, misses };
    }

    /**
     * Resolves names, calling AEP for misses only. Failures leave those ids unresolved (the card shows the
     * id) rather than failing the look-up: a name is a nicety, the membership is the fact.
     */
    async resolve(ids: readonly string[], budget: Budget, requestId?: string): Promise<Map<string, AudienceInfo | null>> {
        const { names, misses } = this.cached(ids);
        for (let i = 0; i < misses.length; i += BULK_GET_MAX) {
            const chunk = misses.slice(i, i + BULK_GET_MAX);
            try {
                for (const [id, name] of await this.bulkGet(chunk, budget, requestId)) names.set(id, name);
            } catch {
                // Unresolved names fall back to ids in the card; nothing cached so the next look-up retries.
            }
        }
        return names;
    }

    private async bulkGet(ids: string[], budget: Budget, requestId?: string): Promise<Map<string, AudienceInfo | null>> {
        const out = new Map<string, AudienceInfo | null>();
        let body: unknown;
        try {
            const res = await this.platform.request({
                upstream: 'segmentation',
                method: 'POST',
                host: 'platform',
                path: '/data/core/ups/audiences/bulk-get',
                body: { ids: ids.map((id) => ({ id })) },
                timeoutMs: this.cfg.timeoutMs,
                budget,
                requestId,
                okStatuses: [207],
                idempotent: true
            });
            body = res.body;
        } catch (err) {
            // All ids unknown: AEP answers 404 (UPAPI-113000-404) instead of a 207.
            if (err instanceof AepCallError && err.kind === 'http' && err.status === 404) {
                for (const id of ids) this.remember(id, null);
                for (const id of ids) out.set(id, null);
                return out;
            }
            throw err;
        }
        const parsed = BulkGetResponse.safeParse(body);
        if (!parsed.success) throw new AepCallError('segmentation', 'malformed', 'segmentation: bulk-get answer without results');
        for (const id of ids) {
            const entry = AudienceWithName.safeParse(parsed.data.results[id]);
            const info = entry.success ? { name: entry.data.name, evaluation: evaluationOf(entry.data.evaluationInfo) } : null;
            this.remember(id, info);
            out.set(id, info);
        }
        return out;
    }

    private remember(id: string, info: AudienceInfo | null): void {
        this.cache.set(id, { info }, { ttl: info === null ? this.cfg.negativeTtlMs : this.cfg.ttlMs });
    }
}
