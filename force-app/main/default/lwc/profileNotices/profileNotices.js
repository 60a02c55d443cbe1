import { LightningElement, api } from 'lwc';
import { LABELS } from 'c/profileLabels';

/** Banners above the profile: stale data, identities that reach other profiles, hidden sensitive fields. */
export default class ProfileNotices extends LightningElement {
    @api card;
    @api sensitiveFieldsHidden = false;

    labels = LABELS;

    get isStale() {
        return this.card?.freshness?.stale === true;
    }

    get alternatives() {
        const match = this.card?.match;
        return match?.ambiguous && match.alternatives?.length ? match.alternatives : null;
    }

    get ambiguityText() {
        return this.card.match.ambiguityReason === 'SHARED_IDENTITY'
            ? this.labels.SharedIdentityNotice
            : this.labels.IdentitiesDisagreeNotice;
    }

    handleSelect(event) {
        event.stopPropagation();
        this.dispatchEvent(new CustomEvent('selectprofile', { detail: { ...event.detail } }));
    }
}
