import { LightningElement, api } from 'lwc';
import { LABELS } from 'c/profileLabels';
import { formatDateTime, formatMoney, formatMore, formatNumber } from 'c/profileUtils';
import { attributeName } from 'c/profileVocabulary';

/**
 * AEP computed attributes (behaviour summaries): each named in the agent's language from the admin's label mappings
 * (else the proxy's readable name) and its value formatted by kind. Name and value stack, so nothing is cut.
 */
export default class ProfileComputedAttributes extends LightningElement {
    @api attributes = [];
    @api truncated = 0;
    /** Label mappings indexed by c/profileVocabulary indexMappings. */
    @api mappings;

    labels = LABELS;

    get items() {
        return (this.attributes ?? []).map((attribute) => ({
            name: attribute.name,
            label: attributeName(attribute, this.mappings),
            value: this.format(attribute)
        }));
    }

    format({ value, kind }) {
        switch (kind) {
            case 'currency':
                return formatMoney({ amount: Number(value), currency: null });
            case 'number':
                return formatNumber(Number(value));
            case 'date':
                return formatDateTime(String(value));
            case 'boolean':
                return value === true || value === 'true' ? this.labels.Yes : this.labels.No;
            default:
                return String(value);
        }
    }

    get isEmpty() {
        return !this.attributes?.length;
    }

    get moreText() {
        return formatMore(this.truncated);
    }
}
