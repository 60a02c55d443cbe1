import { LightningElement, api } from 'lwc';
import { LABELS } from 'c/profileLabels';
import { formatDateTime, formatLabel } from 'c/profileUtils';

/** Lists candidate AEP profiles with non-sensitive hints; the agent picks one and we fire `selectprofile`. */
export default class ProfileCandidatePicker extends LightningElement {
    @api candidates = [];

    labels = LABELS;

    get items() {
        return (this.candidates ?? []).map((candidate) => ({
            ...candidate,
            buttonLabel: formatLabel(this.labels.ShowProfile, candidate.displayName),
            via: formatLabel(this.labels.FoundVia, candidate.field, candidate.namespace),
            hints: [
                candidate.city && formatLabel(this.labels.HintCity, candidate.city),
                candidate.loyaltyTier && formatLabel(this.labels.HintLoyaltyTier, candidate.loyaltyTier),
                candidate.lastModifiedAt && formatLabel(this.labels.HintLastModified, formatDateTime(candidate.lastModifiedAt))
            ]
                .filter(Boolean)
                .join(' · ')
        }));
    }

    handleSelect(event) {
        const profileId = event.target.dataset.profileId;
        this.dispatchEvent(new CustomEvent('selectprofile', { detail: { profileId } }));
    }
}
