import { LightningElement, api } from 'lwc';
import { LABELS } from 'c/profileLabels';
import { formatDate, formatLabel, formatNumber, levelLabel } from 'c/profileUtils';
import { factorSentence, scoreName } from 'c/profileVocabulary';

/**
 * Model scores (Customer AI propensities): name, level and score, percentile, when scored, and each influential
 * factor as a sentence in the agent's language with the way it pushes the score ("raises churn risk"), from the
 * admin's label mappings.
 */
export default class ProfileScores extends LightningElement {
    @api scores = [];
    /** Label mappings indexed by c/profileVocabulary indexMappings. */
    @api mappings;

    labels = LABELS;

    get items() {
        return (this.scores ?? []).map((score) => ({
            key: score.key,
            name: scoreName(score, this.mappings),
            summary: formatLabel(this.labels.LevelWithScore, levelLabel(score.level), formatNumber(score.score, 0)),
            // High is an alarm only for churn; a high conversion or upsell propensity is good news.
            levelClass: `level level-${score.level}${score.key === 'churn' || score.propensityType === 'churn' ? ' risk' : ''}`,
            details: [
                score.percentile === null || score.percentile === undefined
                    ? null
                    : formatLabel(this.labels.Percentile, formatNumber(score.percentile, 0)),
                score.scoredAt ? formatLabel(this.labels.ScoredOn, formatDate(score.scoredAt)) : null
            ]
                .filter(Boolean)
                .join(' · '),
            showFactors: score.factors?.length > 0,
            factors: (score.factors ?? []).map((factor, index) => {
                const sentence = factorSentence(factor, score, this.mappings);
                return {
                    key: `${score.key}-${index}`,
                    text: sentence.text,
                    direction: sentence.direction,
                    iconName: sentence.raises ? 'utility:arrowup' : sentence.lowers ? 'utility:arrowdown' : 'utility:record'
                };
            })
        }));
    }

    get isEmpty() {
        return !this.scores?.length;
    }
}
