import { LightningElement, api } from 'lwc';
import canViewProfiles from '@salesforce/customPermission/View_Customer_Profile';
import { LABELS } from 'c/profileLabels';
import { cancelLookups, requestLookup } from 'c/profileLookupQueue';
import { SECTION_NAMES, orderedSections, parseSections, reduceError, resolveLayout } from 'c/profileUtils';

/** Relay statuses that are answers about the customer (not failures); see the Apex relay contract. */
const STATUS_STATE = { OK: 'ok', NOT_FOUND: 'notFound', AMBIGUOUS: 'ambiguous', NO_IDENTITY: 'noIdentity' };

/** The card model carries at most 15 events (CARD_LIMITS.events in the proxy). */
const MAX_EVENTS = 15;

/**
 * Customer Activity Hub card: looks up the AEP profile of the record's customer through the Apex relay and
 * shows it. On record pages it uses the page's recordId; in the utility bar it follows the focused console tab.
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
    /** The profile the agent chose among candidates or alternatives; null while the proxy decides. */
    pickedProfileId = null;
    /** Guards against an older answer overwriting a newer one after the agent switches records. */
    requestSeq = 0;

    connectedCallback() {
        this.connected = true;
        this.followsFocusedTab = !this.recordId;
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

    get effectiveLayout() {
        const objectApiName = this.objectApiName || this.trackedObjectApiName;
        return resolveLayout(this.layout, { objectApiName, followsFocusedTab: this.followsFocusedTab });
    }

    get eventLimit() {
        const n = Math.trunc(Number(this.maxEvents));
        return Number.isFinite(n) ? Math.min(Math.max(n, 0), MAX_EVENTS) : 10;
    }

    /**
     * Looks the record up again. Only a profile the agent picked is sent back: re-sending the profile the
     * proxy chose by priority would turn it into an agent pick, and it would key the proxy's last good
     * copy differently, so a refresh while AEP is down could not fall back to that copy (stale banner).
     */
    async load({ refresh = false } = {}) {
        if (!canViewProfiles || !this.effectiveRecordId) {
            return;
        }
        const seq = ++this.requestSeq;
        this.state = 'loading';
        try {
            // Through the shared queue: one Continuation at a time per browser (see c/profileLookupQueue).
            const raw = await requestLookup(this, { recordId: this.effectiveRecordId, profileId: this.pickedProfileId, refresh });
            if (seq === this.requestSeq) {
                this.showResult(JSON.parse(raw));
            }
        } catch (error) {
            if (seq === this.requestSeq) {
                this.showError(reduceError(error));
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
        if (recordId && isCustomer) {
            this.load();
            return;
        }
        // No record, or one without a customer (an Opportunity, a business Account): a quiet answer, no Apex.
        this.requestSeq++;
        cancelLookups(this);
        if (canViewProfiles) {
            this.result = undefined;
            this.error = undefined;
            this.state = recordId ? 'notCustomer' : 'noRecord';
        } else {
            this.state = 'error';
        }
    }

    handleRefresh() {
        this.load({ refresh: true });
    }

    handleRetry() {
        this.load();
    }

    handleSelectProfile(event) {
        this.pickedProfileId = event.detail.profileId;
        this.load();
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

    get identitiesTried() {
        return this.result?.identitiesTried ?? [];
    }

    get isCompact() {
        return this.effectiveLayout === 'compact';
    }

    get aepProfileUrl() {
        return this.aepLinkEnabled ? this.card?.links?.aepProfileUrl : null;
    }

    get visibleSections() {
        const visible = parseSections(this.sections);
        if (this.eventLimit === 0) {
            visible.delete('events');
        }
        return orderedSections(this.effectiveLayout, visible).map((name) => ({
            name,
            [`is${name.charAt(0).toUpperCase()}${name.slice(1)}`]: true
        }));
    }

    get bodyClass() {
        return `layout-${this.effectiveLayout} slds-var-p-horizontal_small`;
    }
}
