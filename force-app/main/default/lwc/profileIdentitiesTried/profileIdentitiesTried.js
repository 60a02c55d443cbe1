import { LightningElement, api } from 'lwc';
import { LABELS } from 'c/profileLabels';
import { formatLabel } from 'c/profileUtils';
import { namespaceLabel } from 'c/profileVocabulary';

/** Label (in c/profileLabels) per look-up outcome of one identity. */
const OUTCOME_LABEL = {
    matched: 'OutcomeMatched',
    not_found: 'OutcomeNotFound',
    ambiguous: 'OutcomeAmbiguous',
    skipped: 'OutcomeSkipped',
    error: 'OutcomeError'
};

/** Which of the record's identities were looked up (namespace, masked value) and what each found. */
export default class ProfileIdentitiesTried extends LightningElement {
    @api identities = [];

    labels = LABELS;

    get items() {
        return (this.identities ?? []).map((tried, index) => ({
            key: `${tried.field}-${tried.namespace}-${index}`,
            // The namespace in the agent's words and the masked value; the Salesforce field name means little to an agent.
            text: formatLabel(this.labels.IdentityTried, namespaceLabel(tried.namespace), tried.maskedValue),
            outcome: this.labels[OUTCOME_LABEL[tried.outcome]] ?? tried.outcome
        }));
    }

    get hasItems() {
        return this.items.length > 0;
    }
}
