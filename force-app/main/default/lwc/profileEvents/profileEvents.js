import { LightningElement, api } from 'lwc';
import { LABELS } from 'c/profileLabels';
import { dayKey, formatDate, formatLabel, formatMoney, formatMore, formatTime, pluralLabel } from 'c/profileUtils';
import { channelLabel } from 'c/profileVocabulary';

/** Icon per card event category. */
const CATEGORY_ICON = {
    purchase: 'utility:cart',
    commerce: 'utility:product',
    email: 'utility:email',
    web: 'utility:world',
    app: 'utility:phone_portrait',
    other: 'utility:event'
};

/** Label (in c/profileLabels) per card event category. */
const CATEGORY_LABEL = {
    purchase: 'EventCategoryPurchase',
    commerce: 'EventCategoryCommerce',
    email: 'EventCategoryEmail',
    web: 'EventCategoryWeb',
    app: 'EventCategoryApp',
    other: 'EventCategoryOther'
};

/** XDM event types with a more telling name than their category. */
const TYPE_LABEL = {
    'directMarketing.emailOpened': 'EventEmailOpened',
    'directMarketing.emailClicked': 'EventEmailClicked',
    'directMarketing.emailSent': 'EventEmailSent',
    'web.webpagedetails.pageViews': 'EventPageView',
    'directMarketing.emailUnsubscribed': 'EventEmailUnsubscribed',
    'commerce.productViews': 'EventProductView',
    'commerce.productListAdds': 'EventAddedToCart',
    'commerce.checkouts': 'EventCheckout'
};

/** Label per Journey Optimizer message action (card event `message.action`); {0} is the channel. */
const MESSAGE_LABEL = {
    sent: 'MessageSent',
    delivered: 'MessageDelivered',
    opened: 'MessageOpened',
    clicked: 'MessageClicked',
    undelivered: 'MessageUndelivered',
    unsubscribed: 'MessageUnsubscribed'
};

const DAY_MS = 86400000;

/**
 * Recent activity, newest first, grouped by the agent's calendar day ("Today", "Yesterday", a date), with how many
 * events it shows and the window they cover; or a quiet note when AEP gave none.
 */
export default class ProfileEvents extends LightningElement {
    @api events;
    @api maxItems = 10;
    /** Events the proxy left out because of its own cap (card.truncated.events). */
    @api truncated = 0;
    /** For "Today" and "Yesterday"; tests set it. */
    @api now;

    labels = LABELS;

    get isAvailable() {
        return this.events?.status === 'available';
    }

    get unavailableText() {
        const status = this.events?.status;
        if (status === 'disabled') {
            return this.labels.EventsDisabled;
        }
        return status === 'error' ? this.labels.EventsError : this.labels.EventsUnavailable;
    }

    get shown() {
        return (this.events?.items ?? []).slice(0, this.maxItems);
    }

    kindOf(event) {
        if (event.message) {
            const name = MESSAGE_LABEL[event.message.action];
            return name ? formatLabel(this.labels[name], channelLabel(event.message.channel)) : this.labels.EventCategoryOther;
        }
        return this.labels[TYPE_LABEL[event.eventType]] ?? this.labels[CATEGORY_LABEL[event.category] ?? CATEGORY_LABEL.other];
    }

    dayLabel(key) {
        const now = this.now ?? Date.now();
        if (key === dayKey(new Date(now).toISOString())) {
            return this.labels.Today;
        }
        if (key === dayKey(new Date(now - DAY_MS).toISOString())) {
            return this.labels.Yesterday;
        }
        return null;
    }

    get days() {
        const groups = [];
        for (const event of this.shown) {
            const key = dayKey(event.timestamp) ?? 'unknown';
            let group = groups[groups.length - 1];
            if (!group || group.key !== key) {
                group = { key, heading: this.dayLabel(key) ?? formatDate(event.timestamp) ?? '', items: [] };
                groups.push(group);
            }
            // The kind is named here, in the agent's language; the proxy's title is the event's own detail.
            const kind = this.kindOf(event);
            group.items.push({
                id: event.id,
                iconName: CATEGORY_ICON[event.category] ?? CATEGORY_ICON.other,
                kind,
                detail: event.title,
                time: formatTime(event.timestamp),
                amount: formatMoney(event.amount)
            });
        }
        return groups;
    }

    /** "Latest 10 events, Nov 6, 2026 – Nov 20, 2026": how many are shown and the time they span. */
    get windowText() {
        const shown = this.shown;
        if (!shown.length) {
            return null;
        }
        const newest = formatDate(shown[0].timestamp);
        const oldest = formatDate(shown[shown.length - 1].timestamp);
        return pluralLabel(this.labels.ActivityWindow, shown.length, oldest, newest);
    }

    get isEmpty() {
        return this.isAvailable && this.shown.length === 0;
    }

    get moreText() {
        const hidden = (this.events?.items?.length ?? 0) - this.shown.length + (this.truncated ?? 0);
        return formatMore(hidden);
    }
}
