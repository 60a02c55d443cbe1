import { LightningElement, api } from 'lwc';
import canViewProfiles from '@salesforce/customPermission/View_Customer_Profile';
import rememberChoice from '@salesforce/apex/ProfileChoiceController.rememberChoice';
import forgetChoice from '@salesforce/apex/ProfileChoiceController.forgetChoice';
import reportNotThisPerson from '@salesforce/apex/ProfileChoiceController.reportNotThisPerson';
import { LABELS } from 'c/profileLabels';
import { loadCardConfig } from 'c/profileCardConfig';
import { errorTitle } from 'c/profileMessage';
import { cancelLookups, requestLookup } from 'c/profileLookupQueue';
import { SECTION_NAMES, orderedSections, parseSections, reduceError, resolveLayout } from 'c/profileUtils';
import { indexMappings, objectOf } from 'c/profileVocabulary';

/** Relay statuses that are answers about the customer (not failures); see the Apex relay contract. */
const STATUS_STATE = { OK: 'ok', NOT_FOUND: 'notFound', AMBIGUOUS: 'ambiguous', NO_IDENTITY: 'noIdentity' };

/** The card model carries at most 15 events (CARD_LIMITS.events in the proxy). */
const MAX_EVENTS = 15;

/** Collapsible sections: heading label, and whether they start open until the agent says otherwise. */
const SECTION_SPEC = {
    events: { label: 'EventsHeading', open: true },
    campaigns: { label: 'CampaignsHeading', open: true },
    audiences: { label: 'AudiencesHeading', open: true },
    scores: { label: 'ScoresHeading', open: false },
    computedAttributes: { label: 'ComputedAttributesHeading', open: false },
    contactPoints: { label: 'ContactPointsHeading', open: true },
    identities: { label: 'IdentitiesHeading', open: false }
};

/**
 * Customer Activity Hub card: looks up the AEP profile of the record's customer through the Apex relay and shows it,
 * summary first (who, value, risk, next step), then recent activity and the other sections, each collapsible. On
 * record pages it uses the page's recordId; in the utility bar it follows the focused console tab.
 */
export default class CustomerProfileCard extends LightningElement {
    /**
     * The record page's record. A setter, not only connectedCallback: the platform may hand an already connected
     * card another record (a record page reused for the next record), and the card must never keep showing the
     * previous customer ("Run Code When a Component Is Inserted or Removed from the DOM", LWC Developer Guide).
     */
    @api
    get recordId() {
        return this._recordId;
    }
    set recordId(value) {
        const changed = value !== this._recordId;
        this._recordId = value;
        if (changed && this.connected) {
            this.pickedProfileId = null;
            this.feedback = null;
            this.showCurrentRecord();
        }
    }

    @api objectApiName;
    @api sections = SECTION_NAMES.join(',');
    @api maxEvents = 10;
    @api layout = 'auto';
    @api aepLinkEnabled = false;

    labels = LABELS;
    _recordId;
    connected = false;
    state = 'loading';
    result;
    error;
    followsFocusedTab = false;
    trackedRecordId;
    trackedObjectApiName;
    /** A profile picked in this tab only (its choice could not be stored); null while the stored choice or the proxy decides. */
    pickedProfileId = null;
    /** Guards against an older answer overwriting a newer one after the agent switches records. */
    requestSeq = 0;
    /** A look-up is running while the previous answer stays on screen (refresh). */
    refreshing = false;
    /** Title of the error a refresh ended with; the card keeps the data from before. */
    refreshError = null;
    /** Outcome of the agent's last action ('recorded', 'failed', 'choiceNotSaved'), shown as a note. */
    feedback = null;
    config = { rules: [], labels: [] };
    mappings = indexMappings([]);

    connectedCallback() {
        this.connected = true;
        this.followsFocusedTab = !this.recordId;
        loadCardConfig().then((config) => {
            this.config = config;
            this.mappings = indexMappings(config.labels);
        });
        this.showCurrentRecord();
    }

    disconnectedCallback() {
        this.connected = false;
        cancelLookups(this);
    }

    showCurrentRecord() {
        if (!canViewProfiles) {
            this.showError({ code: 'NO_PERMISSION' });
        } else if (this.effectiveRecordId) {
            this.load();
        } else {
            this.state = 'noRecord';
        }
    }

    get effectiveRecordId() {
        return this.recordId || this.trackedRecordId;
    }

    get effectiveObjectApiName() {
        return objectOf(this.objectApiName || this.trackedObjectApiName, this.effectiveRecordId);
    }

    get effectiveLayout() {
        return resolveLayout(this.layout, { objectApiName: this.effectiveObjectApiName, followsFocusedTab: this.followsFocusedTab });
    }

    get eventLimit() {
        const n = Math.trunc(Number(this.maxEvents));
        return Number.isFinite(n) ? Math.min(Math.max(n, 0), MAX_EVENTS) : 10;
    }

    /**
     * Looks the record up again. Only a profile picked in this tab is sent: the record's stored choice is applied by
     * the relay, and re-sending the profile the proxy chose by priority would turn it into a pick and key the proxy's
     * last good copy differently (no stale fallback while AEP is down). With `keep`, the answer on screen stays
     * until the new one arrives (refresh), and a failure leaves it there with a note.
     */
    async load({ refresh = false, keep = false } = {}) {
        if (!canViewProfiles || !this.effectiveRecordId) {
            return;
        }
        const seq = ++this.requestSeq;
        const keepContent = keep && this.state === 'ok';
        this.refreshError = null;
        if (keepContent) {
            this.refreshing = true;
        } else {
            this.state = 'loading';
        }
        try {
            // Through the shared queue: one Continuation at a time per browser (see c/profileLookupQueue).
            const raw = await requestLookup(this, { recordId: this.effectiveRecordId, profileId: this.pickedProfileId, refresh });
            if (seq === this.requestSeq) {
                this.showResult(JSON.parse(raw));
            }
        } catch (error) {
            if (seq !== this.requestSeq) {
                return;
            }
            const reduced = reduceError(error);
            if (keepContent) {
                this.refreshError = errorTitle(reduced.code);
            } else {
                this.showError(reduced);
            }
        } finally {
            if (seq === this.requestSeq) {
                this.refreshing = false;
            }
        }
    }

    showResult(result) {
        const state = STATUS_STATE[result?.status];
        if (!state || (state === 'ok' && !result.card)) {
            this.showError({ code: 'INTERNAL' });
            return;
        }
        this.result = result;
        this.error = undefined;
        this.state = state;
    }

    showError(error) {
        this.result = undefined;
        this.error = error;
        this.state = 'error';
    }

    handleRecordChange(event) {
        const { recordId, objectApiName, isCustomer } = event.detail;
        this.trackedRecordId = recordId;
        this.trackedObjectApiName = objectApiName;
        this.pickedProfileId = null;
        this.feedback = null;
        if (recordId && isCustomer) {
            this.load();
            return;
        }
        // No record, or one without a customer (an Opportunity, a business Account): a quiet answer, no Apex.
        this.requestSeq++;
        cancelLookups(this);
        this.refreshing = false;
        if (canViewProfiles) {
            this.result = undefined;
            this.error = undefined;
            this.state = recordId ? 'notCustomer' : 'noRecord';
        } else {
            this.state = 'error';
        }
    }

    handleRefresh() {
        this.load({ refresh: true, keep: true });
    }

    handleRetry() {
        this.load();
    }

    /**
     * The agent picked one of several profiles: it is stored for the record (every agent's next open uses it) and
     * looked up. When it cannot be stored (no access to profile choices), it still applies in this tab.
     */
    async handleSelectProfile(event) {
        const profileId = event.detail.profileId;
        const recordId = this.effectiveRecordId;
        this.feedback = null;
        try {
            await rememberChoice({ recordId, profileId });
            this.pickedProfileId = null;
        } catch {
            this.pickedProfileId = profileId;
            this.feedback = 'choiceNotSaved';
        }
        if (recordId === this.effectiveRecordId) {
            this.load();
        }
    }

    /** Forgets the record's stored choice: the proxy decides again, or offers the profiles to pick from. */
    async handleForgetChoice() {
        const recordId = this.effectiveRecordId;
        this.feedback = null;
        this.pickedProfileId = null;
        try {
            await forgetChoice({ recordId });
        } catch (error) {
            this.refreshError = errorTitle(reduceError(error).code);
            return;
        }
        if (recordId === this.effectiveRecordId) {
            this.load({ keep: true });
        }
    }

    /**
     * "Not this person": recorded for data stewards (record, profile, the identity that matched, the agent, when).
     * A stored or picked choice of that profile is dropped, and the card looks the record up again.
     */
    async handleNotThisPerson() {
        const card = this.card;
        const recordId = this.effectiveRecordId;
        if (!card || !recordId) {
            return;
        }
        try {
            await reportNotThisPerson({
                recordId,
                profileId: card.profileId,
                matchedField: card.match?.field ?? null,
                matchedNamespace: card.match?.namespace ?? null,
                maskedValue: card.match?.maskedValue ?? null
            });
        } catch {
            this.feedback = 'failed';
            return;
        }
        this.feedback = 'recorded';
        const wasChosen = this.result?.choice?.profileId === card.profileId || this.pickedProfileId === card.profileId;
        if (wasChosen && recordId === this.effectiveRecordId) {
            this.pickedProfileId = null;
            this.load({ keep: true });
        }
    }

    get isLoading() {
        return this.state === 'loading';
    }

    get isOk() {
        return this.state === 'ok';
    }

    get isAmbiguous() {
        return this.state === 'ambiguous';
    }

    get card() {
        return this.result?.card;
    }

    get choice() {
        return this.result?.choice ?? null;
    }

    /** A stored choice also shows on a not-found or failed look-up of it, so the agent can undo it. */
    get showForgetChoice() {
        return !this.isOk && !this.isLoading && Boolean(this.choice?.profileId);
    }

    get identitiesTried() {
        return this.result?.identitiesTried ?? [];
    }

    get aepProfileUrl() {
        return this.aepLinkEnabled ? this.card?.links?.aepProfileUrl : null;
    }

    get showSummary() {
        return parseSections(this.sections).has('keyFigures');
    }

    /** Whether a section has anything to say; one that has not is left out entirely. */
    hasContent(name) {
        const card = this.card;
        switch (name) {
            case 'events':
                // Turned off or not in this AEP edition: nothing to say. A failure this time is said.
                return card.events.status === 'error' || (card.events.status === 'available' && card.events.items.length > 0);
            case 'campaigns':
                return card.campaigns?.length > 0;
            case 'audiences':
                return card.audiences.length > 0;
            case 'scores':
                return card.scores.length > 0;
            case 'computedAttributes':
                return card.computedAttributes.length > 0;
            case 'contactPoints': {
                const points = card.contactPoints;
                return Boolean(
                    points.emails.length || points.phones.length || points.address || points.marketingConsent || points.preferredChannel
                );
            }
            case 'identities':
                return card.identities.length > 0;
            default:
                return false;
        }
    }

    countOf(name) {
        const card = this.card;
        switch (name) {
            case 'campaigns':
                return card.campaigns.length + (card.truncated.campaigns ?? 0);
            case 'audiences':
                // Every membership the list holds (current and left), as "Show all (n)" counts them.
                return card.audiences.length + (card.truncated.audiences ?? 0);
            case 'identities':
                return card.identities.length + card.truncated.identities;
            default:
                return null;
        }
    }

    get visibleSections() {
        if (!this.card) {
            return [];
        }
        const visible = parseSections(this.sections);
        if (this.eventLimit === 0) {
            visible.delete('events');
        }
        return orderedSections(this.effectiveLayout, visible)
            .filter((name) => SECTION_SPEC[name] && this.hasContent(name))
            .map((name) => ({
                name,
                label: this.labels[SECTION_SPEC[name].label],
                defaultOpen: SECTION_SPEC[name].open,
                count: this.countOf(name),
                [`is${name.charAt(0).toUpperCase()}${name.slice(1)}`]: true
            }));
    }

    get bodyClass() {
        return `card-body layout-${this.effectiveLayout} slds-card__body slds-card__body_inner`;
    }
}
