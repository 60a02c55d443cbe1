import { LightningElement, api } from 'lwc';
import { LABELS } from 'c/profileLabels';
import { formatDate, formatLabel, formatRelativeTime } from 'c/profileUtils';
import { genderLabel, matchPhrase } from 'c/profileVocabulary';

/** How often "updated 3 minutes ago" is recomputed while the card stays open. */
const TICK_MS = 60000;

/**
 * Who this is: the name, how the record led to the profile in plain words ("Matched by the contact's email"), who
 * chose it when an agent did, how fresh the data is; and the card's actions: refresh (with inline progress), "Not this
 * person", choosing another profile, opening the profile in AEP.
 */
export default class ProfileHeader extends LightningElement {
    @api card;
    /** Object of the record the card is on (Contact, Case, Lead, Account), for the match phrase. */
    @api objectApiName;
    @api aepProfileUrl;
    /** A refresh is under way: the card stays, the header says so. */
    @api refreshing = false;
    /** The stored choice of this profile for the record (relay result `choice`), or null. */
    @api choice;

    labels = LABELS;
    now = Date.now();
    timer;

    connectedCallback() {
        // eslint-disable-next-line @lwc/lwc/no-async-operation
        this.timer = setInterval(() => {
            this.now = Date.now();
        }, TICK_MS);
    }

    disconnectedCallback() {
        clearInterval(this.timer);
    }

    get displayName() {
        return this.card?.person?.displayName || this.labels.UnnamedCustomer;
    }

    /** Birth date and gender arrive only when the relay let them through (sensitive-fields permission). */
    get personDetails() {
        const person = this.card?.person;
        const born = person?.birthDate ? formatLabel(this.labels.BornOn, formatDate(person.birthDate)) : null;
        return [born, genderLabel(person?.gender)].filter(Boolean).join(' · ') || null;
    }

    get matchText() {
        return matchPhrase(this.objectApiName, this.card?.match?.field);
    }

    /** "Chosen by Avery Agent on Nov 20, 2026" for a stored choice; "Chosen by you" for a pick in this tab only. */
    get choiceText() {
        if (this.choice?.profileId) {
            const when = formatDate(this.choice.chosenAt);
            return this.choice.chosenBy
                ? formatLabel(this.labels.ChosenBy, this.choice.chosenBy, when ?? '')
                : formatLabel(this.labels.ChosenForRecord, when ?? '');
        }
        return this.card?.match?.selectedBy === 'agent' ? this.labels.SelectedByAgent : null;
    }

    get freshnessText() {
        const fetchedAt = Date.parse(this.card?.freshness?.fetchedAt);
        // "Updated now" reads oddly in several languages (German "Aktualisiert jetzt"): under a minute has its own label.
        if (!Number.isNaN(fetchedAt) && Math.abs(this.now - fetchedAt) < 60000) {
            return this.labels.UpdatedJustNow;
        }
        const relative = formatRelativeTime(this.card?.freshness?.fetchedAt, this.now);
        return relative ? formatLabel(this.labels.UpdatedAgo, relative) : null;
    }

    /** Only https links are rendered: the URL comes from proxy configuration, never from the browser. */
    get safeAepUrl() {
        return /^https:\/\//i.test(this.aepProfileUrl ?? '') ? this.aepProfileUrl : null;
    }

    get canForgetChoice() {
        return Boolean(this.choice?.profileId);
    }

    handleRefresh() {
        this.dispatchEvent(new CustomEvent('refresh'));
    }

    handleAction(event) {
        const action = event.detail.value;
        // The AEP item is a link (href, new window): the browser follows it, nothing to dispatch.
        if (action === 'notThisPerson') {
            this.dispatchEvent(new CustomEvent('notthisperson'));
        } else if (action === 'forgetChoice') {
            this.dispatchEvent(new CustomEvent('forgetchoice'));
        }
    }
}
