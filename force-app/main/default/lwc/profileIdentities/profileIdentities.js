import { LightningElement, api } from 'lwc';
import { LABELS } from 'c/profileLabels';
import { formatLabel, formatMore, pluralLabel } from 'c/profileUtils';
import { namespaceLabel } from 'c/profileVocabulary';

/** How many identities show before "Show all": the proxy puts the ones an agent knows (CRM, email, phone) first. */
const FIRST = 3;

/** The identities linked to the profile in AEP's identity graph, namespace in the agent's words; long device ids behind "Show all". */
export default class ProfileIdentities extends LightningElement {
    @api identities = [];
    @api truncated = 0;

    labels = LABELS;
    showAll = false;

    get all() {
        return (this.identities ?? []).map((identity) => ({
            key: `${identity.namespace}:${identity.id}`,
            namespace: identity.primary
                ? formatLabel(this.labels.KindPrimary, namespaceLabel(identity.namespace))
                : namespaceLabel(identity.namespace),
            id: identity.id
        }));
    }

    get items() {
        return this.showAll ? this.all : this.all.slice(0, FIRST);
    }

    get canShowAll() {
        return !this.showAll && this.all.length > FIRST;
    }

    get showAllLabel() {
        return pluralLabel(this.labels.ShowAll, this.all.length);
    }

    get isEmpty() {
        return !this.identities?.length;
    }

    get moreText() {
        return this.showAll ? formatMore(this.truncated) : null;
    }

    handleShowAll() {
        this.showAll = true;
    }
}
