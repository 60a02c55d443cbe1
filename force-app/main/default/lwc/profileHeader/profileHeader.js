import { LightningElement, api } from 'lwc';
import { LABELS } from 'c/profileLabels';
import { formatDateTime, formatLabel, formatRelativeTime } from 'c/profileUtils';

/** How often "updated 3 minutes ago" is recomputed while the card stays open. */
const TICK_MS = 60000;

/** Name, the identity that matched, data freshness, and the refresh / open-in-AEP actions. */
export default class ProfileHeader extends LightningElement {
    @api card;
    @api aepProfileUrl;
    @api fromSalesforceCache = false;

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
        const born = person?.birthDate ? formatLabel(this.labels.BornOn, formatDateTime(person.birthDate)) : null;
        return [born, person?.gender].filter(Boolean).join(' · ') || null;
    }

    get match() {
        return this.card?.match;
    }

    get matchedBy() {
        return formatLabel(this.labels.MatchedBy, this.match?.field, this.match?.maskedValue);
    }

    get selectedByAgent() {
        return this.match?.selectedBy === 'agent';
    }

    get freshnessText() {
        const relative = formatRelativeTime(this.card?.freshness?.fetchedAt, this.now);
        return relative ? formatLabel(this.labels.UpdatedAgo, relative) : null;
    }

    get cachedText() {
        return this.card?.freshness?.fromCache || this.fromSalesforceCache ? this.labels.FromCache : null;
    }

    /** Only https links are rendered: the URL comes from proxy configuration, never from the browser. */
    get safeAepUrl() {
        return /^https:\/\//i.test(this.aepProfileUrl ?? '') ? this.aepProfileUrl : null;
    }

    handleRefresh() {
        this.dispatchEvent(new CustomEvent('refresh'));
    }
}
