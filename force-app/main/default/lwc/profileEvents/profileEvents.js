import { LightningElement, api } from 'lwc';
import { LABELS } from 'c/profileLabels';
import { formatDateTime, formatMoney, formatMore } from 'c/profileUtils';

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

/** Recent experience events as a compact timeline, or a quiet note when AEP gave none. */
export default class ProfileEvents extends LightningElement {
    @api events;
    @api maxItems = 10;
    /** Events the proxy left out because of its own cap (card.truncated.events). */
    @api truncated = 0;

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

    get items() {
        return this.shown.map((event) => {
            // The kind is named here, in the agent's language; the proxy's title is only the event's own detail.
            const kind = this.labels[TYPE_LABEL[event.eventType]] ?? this.labels[CATEGORY_LABEL[event.category] ?? CATEGORY_LABEL.other];
            return {
                id: event.id,
                iconName: CATEGORY_ICON[event.category] ?? CATEGORY_ICON.other,
                kind,
                line: event.title ? `${kind} · ${event.title}` : kind,
                when: formatDateTime(event.timestamp),
                amount: formatMoney(event.amount)
            };
        });
    }

    get isEmpty() {
        return this.isAvailable && this.shown.length === 0;
    }

    get moreText() {
        const hidden = (this.events?.items?.length ?? 0) - this.shown.length + (this.truncated ?? 0);
        return formatMore(hidden);
    }
}
