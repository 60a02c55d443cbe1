/**
 * The N most recent experience events of interest, newest first, one human line each.
 *
 * Event look-up is deprecated and edition-gated (https://experienceleague.adobe.com/en/docs/experience-platform/profile/api/entities), so the caller passes either the
 * pages it got or why it has none; the section then says unavailable/disabled/error and the rest of
 * the card is unaffected.
 */
import { EventChild, parseEventsPage } from '../contract/aepEntities';
import { clip, currencyOrNull, numberOrNull, safeUrl, textOrNull, timeOf, isoOrNull } from './bound';
import { CARD_LIMITS, type CardModel } from '../contract/cardModel';
import { channelOf, messageEventOf } from './campaigns';
import { humanise } from './computedAttributes';
import type { ShapingConfig } from './shapingConfig';
import { asArray, asRecord, createXdmReader } from './xdm';

type EventItem = CardModel['events']['items'][number];
type Section = CardModel['events'];

export type EventsInput =
    | {
          status: 'available';
          /** Raw `children` (pages already concatenated), or the raw page bodies. */
          children?: readonly unknown[];
          pages?: readonly unknown[];
      }
    | { status: 'unavailable' | 'disabled' | 'error'; reason: string };

/** Events examined at most: AEP's page default is 1,000, a profile's soft limit 5,000. */
const MAX_EVENTS_READ = 5000;
const MAX_PRODUCTS_IN_TITLE = 3;

/**
 * Standard XDM event types (adobe/xdm time-series eventType enum) whose kind the card names itself, in the
 * agent's language, from eventType or category. Only other (custom) types get their readable type name as
 * the title, since nothing else would tell the agent what happened.
 */
const KNOWN_TYPE_PREFIXES = ['commerce.', 'web.', 'directMarketing.', 'pushTracking.', 'application.', 'message.'];

export function categoryOf(eventType: string): EventItem['category'] {
    if (eventType === 'commerce.purchases') return 'purchase';
    if (eventType.startsWith('commerce.')) return 'commerce';
    if (eventType.startsWith('directMarketing.')) return 'email';
    if (eventType.startsWith('web.')) return 'web';
    if (eventType.startsWith('application.') || eventType.startsWith('pushTracking.')) return 'app';
    return 'other';
}

/** The raw event children of an available section, pages concatenated, at most MAX_EVENTS_READ; none otherwise. */
export function eventChildren(input: EventsInput): unknown[] {
    if (input.status !== 'available') return [];
    const raw: unknown[] = [];
    for (const child of input.children ?? []) {
        if (raw.length >= MAX_EVENTS_READ) break;
        raw.push(child);
    }
    for (const page of input.pages ?? []) {
        for (const child of parseEventsPage(page).children) {
            if (raw.length >= MAX_EVENTS_READ) break;
            raw.push(child);
        }
    }
    return raw;
}

export function toEvents(
    input: EventsInput,
    config: ShapingConfig['events'],
    maxEvents: number,
    campaignNames: Readonly<Record<string, string>> = {},
    raw: readonly unknown[] = eventChildren(input)
): { section: Section; dropped: number } {
    if (input.status !== 'available') {
        return { section: { status: input.status, reason: clip(input.reason, 64) || null, items: [] }, dropped: 0 };
    }
    const items: Array<EventItem & { t: number }> = [];
    for (const child of raw) {
        const item = toItem(child, config.ofInterest, campaignNames);
        if (item) items.push(item);
    }
    items.sort((a, b) => b.t - a.t || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const n = Math.max(0, Math.min(maxEvents, CARD_LIMITS.events));
    return {
        section: { status: 'available', reason: null, items: items.slice(0, n).map(({ t: _t, ...e }) => e) },
        dropped: Math.max(0, items.length - n)
    };
}

function toItem(
    child: unknown,
    ofInterest: readonly string[],
    campaignNames: Readonly<Record<string, string>>
): (EventItem & { t: number }) | null {
    const parsed = EventChild.safeParse(child);
    if (!parsed.success) return null;
    const entity = parsed.data.entity;
    const eventType = typeof entity.eventType === 'string' ? entity.eventType.trim() : '';
    if (eventType === '' || !ofInterest.some((p) => eventType.startsWith(p))) return null;
    const timestamp = isoOrNull(entity.timestamp) ?? isoOrNull(parsed.data.timestamp);
    const t = timeOf(timestamp);
    if (timestamp === null || t === null) return null;
    const id = textOrNull(entity._id, CARD_LIMITS.maxId) ?? textOrNull(parsed.data.entityId, CARD_LIMITS.maxId);
    if (id === null) return null;

    const xdm = createXdmReader(entity, []);
    const message = messageEventOf(xdm, eventType, timestamp, t);
    if (eventType.startsWith('message.')) {
        // A feedback or tracking event that says nothing the agent can use (a bot open, a delay) is left out.
        if (message === null || message.step === null) return null;
        const channel = message.channel === 'other' ? channelOf(xdm.get('channel')) : message.channel;
        const name = Object.hasOwn(campaignNames, message.id) ? campaignNames[message.id] : undefined;
        return {
            id,
            eventType: clip(eventType, CARD_LIMITS.maxId),
            category:
                channel === 'email' ? 'email' : channel === 'push' || channel === 'inApp' ? 'app' : channel === 'web' ? 'web' : 'other',
            timestamp,
            title: name ? clip(name, CARD_LIMITS.maxLabel) : null,
            amount: null,
            message: { channel, action: message.step },
            url: null,
            t
        };
    }
    const category = categoryOf(eventType);
    const detail = detailOf(category, xdm.get.bind(xdm));
    const fallback = KNOWN_TYPE_PREFIXES.some((p) => eventType.startsWith(p)) ? null : humanise(eventType.split('.').pop() ?? eventType);
    return {
        id,
        eventType: clip(eventType, CARD_LIMITS.maxId),
        category,
        timestamp,
        title: detail ? clip(detail) : fallback && clip(fallback),
        amount: category === 'purchase' ? amountOf(xdm.get('commerce.order.priceTotal'), xdm.get('commerce.order.currencyCode')) : null,
        message: null,
        url: safeUrl(xdm.get('web.webPageDetails.URL')),
        t
    };
}

function detailOf(category: EventItem['category'], get: (path: string) => unknown): string | null {
    switch (category) {
        case 'purchase': {
            const order = textOrNull(get('commerce.order.purchaseID'), CARD_LIMITS.maxLabel);
            const products = productNames(get('productListItems'));
            return [order, products].filter(Boolean).join(' · ') || null;
        }
        case 'commerce':
            return productNames(get('productListItems'));
        case 'email':
            // The subject, never directMarketing.messageID: a message id means nothing to an agent.
            return textOrNull(get('directMarketing.subject'), CARD_LIMITS.maxLabel);
        case 'web':
            return (
                textOrNull(get('web.webPageDetails.name'), CARD_LIMITS.maxLabel) ??
                textOrNull(get('web.webInteraction.name'), CARD_LIMITS.maxLabel)
            );
        case 'app':
            return textOrNull(get('application.name'), CARD_LIMITS.maxLabel);
        case 'other':
            return null;
    }
}

function productNames(items: unknown): string | null {
    const all = Array.isArray(items) ? items : [];
    const names = asArray(all, MAX_PRODUCTS_IN_TITLE)
        .map((p) => asRecord(p))
        .map((p) => (p ? (textOrNull(p.name, 40) ?? textOrNull(p.SKU, 40)) : null))
        .filter((n): n is string => n !== null);
    if (names.length === 0) return null;
    const more = all.length - MAX_PRODUCTS_IN_TITLE;
    return more > 0 ? `${names.join(', ')} +${more} more` : names.join(', ');
}

function amountOf(total: unknown, currencyCode: unknown): EventItem['amount'] {
    const amount = numberOrNull(total);
    if (amount === null) return null;
    return { amount, currency: currencyOrNull(currencyCode) };
}
