import { LightningElement, api } from 'lwc';
import { LABELS } from 'c/profileLabels';
import { formatMore } from 'c/profileUtils';

/** The identities linked to the profile in AEP's identity graph, namespace first. */
export default class ProfileIdentities extends LightningElement {
    @api identities = [];
    @api truncated = 0;

    labels = LABELS;

    get items() {
        return (this.identities ?? []).map((identity) => ({
            key: `${identity.namespace}:${identity.id}`,
            namespace: identity.namespace,
            id: identity.id,
            primary: identity.primary
        }));
    }

    get isEmpty() {
        return !this.identities?.length;
    }

    get moreText() {
        return formatMore(this.truncated);
    }
}
