import { LightningElement, api } from 'lwc';
import { LABELS } from 'c/profileLabels';
import { formatLabel } from 'c/profileUtils';

/**
 * Notes above the profile, each scoped to the card (SLDS scoped notification), never a page-level alert: the saved
 * copy shown while AEP is down, a refresh that failed (the card stays), identities that reach other profiles, a
 * profile that may combine several people, hidden sensitive fields, and what became of the agent's feedback.
 */
export default class ProfileNotices extends LightningElement {
    @api card;
    @api sensitiveFieldsHidden = false;
    /** The title of the error a refresh ended with (the card keeps the data from before), or null. */
    @api refreshError;
    /** 'recorded' | 'failed' | 'choiceNotSaved' | null: the outcome of the agent's last action on the card. */
    @api feedback;

    labels = LABELS;

    get isStale() {
        return this.card?.freshness?.stale === true;
    }

    get refreshErrorText() {
        return this.refreshError ? formatLabel(this.labels.RefreshFailed, this.refreshError) : null;
    }

    get collapse() {
        return this.card?.match?.collapse ?? null;
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

    get feedbackText() {
        switch (this.feedback) {
            case 'recorded':
                return this.labels.FeedbackRecorded;
            case 'failed':
                return this.labels.FeedbackFailed;
            case 'choiceNotSaved':
                return this.labels.ChoiceNotSaved;
            default:
                return null;
        }
    }

    get feedbackClass() {
        return `feedback slds-scoped-notification ${this.feedback === 'recorded' ? 'slds-theme_success' : 'slds-theme_warning'} slds-m-bottom_small`;
    }

    handleSelect(event) {
        event.stopPropagation();
        this.dispatchEvent(new CustomEvent('selectprofile', { detail: { ...event.detail } }));
    }
}
