/**
 * Customer AI propensity scores, read from the configured instance paths (https://experienceleague.adobe.com/en/docs/experience-platform/intelligent-services/customer-ai/data-requirements: Adobe names
 * only the display fields, so the JSON keys read here are the documented-by-example ones: score,
 * probability, percentile, propensityType, scoringDate, influentialFactors[{code, value, importance}]).
 */
import { asArray, asRecord, type XdmReader } from './xdm';
import { clip, isoOrNull, numberOrNull, textOrNull } from './bound';
import { CARD_LIMITS, type ModelScore } from '../contract/cardModel';
import type { ScoreConfig } from './shapingConfig';

const L = CARD_LIMITS.maxLabel;
const IMPORTANCE_RANK = { high: 0, medium: 1, low: 2, unknown: 3 } as const;
type Importance = keyof typeof IMPORTANCE_RANK;
/** Factors read before sorting; Customer AI lists a handful, junk may list thousands. */
const MAX_FACTORS_READ = 200;

export function levelOf(score: number, config: Pick<ScoreConfig, 'thresholds' | 'invert'>): ModelScore['level'] {
    const v = config.invert ? 100 - score : score;
    if (v >= config.thresholds.high) return 'high';
    if (v >= config.thresholds.medium) return 'medium';
    return 'low';
}

export function toScores(xdm: XdmReader, scores: readonly ScoreConfig[]): ModelScore[] {
    const out: ModelScore[] = [];
    for (const config of scores) {
        if (out.length >= CARD_LIMITS.scores) break;
        const instance = asRecord(xdm.get(config.path));
        if (instance === null) continue;
        const score = numberOrNull(instance.score);
        // A score outside 0-100 is not a Customer AI score; showing a clamped one would mislead.
        if (score === null || score < 0 || score > 100) continue;
        const probability = numberOrNull(instance.probability);
        const percentile = numberOrNull(instance.percentile);
        out.push({
            key: config.key,
            label: clip(config.label, L),
            propensityType: textOrNull(instance.propensityType, L),
            score,
            probability: probability !== null && probability >= 0 && probability <= 1 ? probability : null,
            percentile: percentile !== null && percentile >= 0 && percentile <= 100 ? percentile : null,
            level: levelOf(score, config),
            scoredAt: isoOrNull(instance.scoringDate ?? instance.scoreDate),
            factors: xdm.isDenied(`${config.path}.influentialFactors`) ? [] : toFactors(instance.influentialFactors)
        });
    }
    return out;
}

function toFactors(raw: unknown): ModelScore['factors'] {
    const factors: ModelScore['factors'] = [];
    for (const item of asArray(raw, MAX_FACTORS_READ)) {
        const f = asRecord(item);
        const code = f ? textOrNull(f.code, L) : null;
        if (!f || code === null) continue;
        const imp = typeof f.importance === 'string' ? f.importance.toLowerCase() : '';
        const importance: Importance = imp === 'high' || imp === 'medium' || imp === 'low' ? imp : 'unknown';
        factors.push({ code, value: textOrNull(f.value, L), importance });
    }
    // Stable sort: equal importance keeps AEP's order.
    return factors
        .map((f, i) => ({ f, i }))
        .sort((a, b) => IMPORTANCE_RANK[a.f.importance] - IMPORTANCE_RANK[b.f.importance] || a.i - b.i)
        .slice(0, CARD_LIMITS.factorsPerScore)
        .map((x) => x.f);
}
