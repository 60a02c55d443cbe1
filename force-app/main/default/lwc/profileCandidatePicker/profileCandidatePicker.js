import { LightningElement, api } from 'lwc';
import { LABELS } from 'c/profileLabels';
import { formatDate, formatLabel } from 'c/profileUtils';
import { loyaltyTierLabel, namespaceLabel } from 'c/profileVocabulary';

/** Lists candidate AEP profiles with non-sensitive hints; the agent picks one and we fire `selectprofile`. */
export default class ProfileCandidatePicker extends LightningElement {
    @api candidates = [];

    labels = LABELS;

    get items() {
        return (this.candidates ?? []).map((candidate) => ({
            ...candidate,
            buttonLabel: formatLabel(this.labels.ShowProfile, candidate.displayName),
            via: formatLabel(this.labels.FoundVia, namespaceLabel(candidate.namespace)),
            hints: [
                candidate.city && formatLabel(this.labels.HintCity, candidate.city),
                candidate.loyaltyTier && formatLabel(this.labels.HintLoyaltyTier, loyaltyTierLabel(candidate.loyaltyTier)),
                candidate.lastModifiedAt && formatLabel(this.labels.HintLastModified, formatDate(candidate.lastModifiedAt))
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
