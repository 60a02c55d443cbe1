import { LightningElement, api } from 'lwc';
import { LABELS } from 'c/profileLabels';
import { formatLabel, formatMoney, formatNumber, levelLabel } from 'c/profileUtils';

/** The configured key of the churn model score (proxy configuration; `churn` in every org we know of). */
const CHURN_KEY = 'churn';

/** The figures an agent reads first: lifetime value, loyalty, and churn risk. */
export default class ProfileKeyFigures extends LightningElement {
    @api card;

    labels = LABELS;

    get lifetimeValue() {
        const ltv = this.card?.lifetimeValue;
        return ltv ? { value: formatMoney(ltv.value), tier: ltv.valueTier, source: ltv.sourcePath } : null;
    }

    get loyalty() {
        const loyalty = this.card?.loyalty;
        if (!loyalty || (!loyalty.tier && loyalty.points === null)) {
            return null;
        }
        return {
            tier: loyalty.tier,
            points: loyalty.points === null ? null : formatLabel(this.labels.Points, formatNumber(loyalty.points, 0)),
            program: loyalty.program
        };
    }

    get churn() {
        const score = (this.card?.scores ?? []).find((s) => s.key === CHURN_KEY || s.propensityType === CHURN_KEY);
        if (!score) {
            return null;
        }
        return {
            text: formatLabel(this.labels.RiskWithScore, levelLabel(score.level), formatNumber(score.score, 0)),
            iconName: score.level === 'high' ? 'utility:warning' : 'utility:info',
            badgeClass: `churn-badge churn-${score.level}`
        };
    }

    get isEmpty() {
        return !this.lifetimeValue && !this.loyalty && !this.churn;
    }
}
