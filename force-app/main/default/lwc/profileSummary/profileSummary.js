import { LightningElement, api } from 'lwc';
import { LABELS } from 'c/profileLabels';
import { firstMatchingRule } from 'c/profileNextStep';
import { formatLabel, formatMoney, formatNumber, levelLabel, pluralLabel } from 'c/profileUtils';
import { factorSentence, loyaltyTierLabel, scoreName, valueTierLabel } from 'c/profileVocabulary';

/** The configured key of the churn model score (proxy shaping; `churn` in every org we know of). */
const CHURN_KEY = 'churn';

/**
 * The agent's answers at a glance: what the customer is worth (lifetime value, value tier, loyalty), whether they
 * may leave (churn level and its main reason in a sentence) and what to do next (the admin's first matching rule).
 * Rows with nothing to say are left out; the whole summary too.
 */
export default class ProfileSummary extends LightningElement {
    @api card;
    /** Label mappings indexed by c/profileVocabulary indexMappings. */
    @api mappings;
    /** Next-step rules in order, texts in the agent's language (ProfileCardConfigController). */
    @api rules = [];

    labels = LABELS;

    get value() {
        const ltv = this.card?.lifetimeValue;
        const parts = [];
        if (ltv) {
            parts.push(formatLabel(this.labels.LifetimeValueIs, formatMoney(ltv.value)));
            const tier = valueTierLabel(ltv.valueTier);
            if (tier) {
                parts.push(tier);
            }
        }
        return parts.length ? parts.join(' · ') : null;
    }

    get loyalty() {
        const loyalty = this.card?.loyalty;
        if (!loyalty || (!loyalty.tier && (loyalty.points === null || loyalty.points === undefined))) {
            return null;
        }
        const tier = loyaltyTierLabel(loyalty.tier);
        const points = typeof loyalty.points === 'number' ? pluralLabel(this.labels.Points, loyalty.points) : null;
        const member = tier ? formatLabel(this.labels.LoyaltyMember, tier) : null;
        return [member, points].filter(Boolean).join(' · ');
    }

    get churn() {
        return (this.card?.scores ?? []).find((s) => s.key === CHURN_KEY || s.propensityType === CHURN_KEY) ?? null;
    }

    get risk() {
        const score = this.churn;
        if (!score) {
            return null;
        }
        const top = score.factors?.[0];
        const reason = top ? factorSentence(top, score, this.mappings) : null;
        return {
            text: formatLabel(
                this.labels.ScoreLevelLine,
                scoreName(score, this.mappings),
                levelLabel(score.level),
                formatNumber(score.score, 0)
            ),
            textClass: `risk-level risk-${score.level}`,
            iconName: score.level === 'high' ? 'utility:warning' : 'utility:info',
            reason: reason ? formatLabel(this.labels.MainReason, reason.text) : null
        };
    }

    get nextStep() {
        return firstMatchingRule(this.rules, this.card)?.text ?? null;
    }

    get hasContent() {
        return Boolean(this.value || this.loyalty || this.risk || this.nextStep);
    }
}
