import { LightningElement, api } from 'lwc';
import { LABELS } from 'c/profileLabels';
import { formatLabel, formatNumber, levelLabel } from 'c/profileUtils';

/** Model scores (Customer AI propensities) with their level and, unless compact, the influential factors. */
export default class ProfileScores extends LightningElement {
    @api scores = [];
    @api compact = false;

    labels = LABELS;

    get items() {
        const importance = {
            high: this.labels.ImportanceHigh,
            medium: this.labels.ImportanceMedium,
            low: this.labels.ImportanceLow,
            unknown: ''
        };
        return (this.scores ?? []).map((score) => ({
            key: score.key,
            label: score.label,
            summary: formatLabel(this.labels.ScoreSummary, formatNumber(score.score, 0), levelLabel(score.level)),
            percentile: score.percentile === null ? null : formatLabel(this.labels.Percentile, formatNumber(score.percentile, 0)),
            levelClass: `level level-${score.level} slds-text-body_small`,
            showFactors: !this.compact && score.factors.length > 0,
            factors: score.factors.map((factor, index) => ({
                key: `${score.key}-${index}`,
                text: [factor.code, factor.value].filter(Boolean).join(': '),
                importance: importance[factor.importance]
            }))
        }));
    }

    get isEmpty() {
        return !this.scores?.length;
    }
}
