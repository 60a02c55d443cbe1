import { LightningElement, api } from 'lwc';
import { LABELS } from 'c/profileLabels';
import { formatDateTime, formatMoney, formatMore, formatNumber } from 'c/profileUtils';

/** AEP computed attributes (behaviour summaries), each value formatted by its kind. */
export default class ProfileComputedAttributes extends LightningElement {
    @api attributes = [];
    @api truncated = 0;

    labels = LABELS;

    get items() {
        return (this.attributes ?? []).map((attribute) => ({
            name: attribute.name,
            label: attribute.label,
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
