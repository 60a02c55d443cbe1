import type { ExperienceEventRecord, XdmObject } from '../store/dataset';
import { round2 } from './eventFactory';

const DAY = 86400000;

/**
 * Values of `_{tenant}.SystemComputedAttributes.{name}.value`, computed from the profile's own events so
 * the numbers a card shows agree with the events panel (AEP materialises CAs from events the same way).
 */
export function computedAttributes(events: readonly ExperienceEventRecord[], asOf: number, extra: Record<string, unknown> = {}): XdmObject {
    const since = (days: number) => events.filter((e) => e.timestamp > asOf - days * DAY && e.timestamp <= asOf);
    const purchases90 = since(90).filter((e) => e.entity.eventType === 'commerce.purchases');
    const spend = purchases90.reduce((sum, e) => sum + orderTotal(e), 0);
    const lastPurchase = events.filter((e) => e.entity.eventType === 'commerce.purchases').at(-1);
    const values: Record<string, unknown> = {
        totalSpend90d: round2(spend),
        purchases90d: purchases90.length,
        pageViews30d: since(30).filter((e) => e.entity.eventType === 'web.webpagedetails.pageViews').length,
        emailOpens30d: since(30).filter(isEmailOpen).length,
        ...extra
    };
    if (lastPurchase) values.lastPurchaseDate = new Date(lastPurchase.timestamp).toISOString().replace('.000Z', 'Z');
    return Object.fromEntries(Object.entries(values).map(([name, value]) => [name, { value }]));
}

/** An email open, as a directMarketing event or as Journey Optimizer's tracking event (message.tracking, interactionType open). */
function isEmailOpen(event: ExperienceEventRecord): boolean {
    if (event.entity.eventType === 'directMarketing.emailOpened') return true;
    const cjm = (event.entity._experience as { customerJourneyManagement?: Record<string, Record<string, unknown>> } | undefined)
        ?.customerJourneyManagement;
    const channel = (cjm?.messageProfile?.channel as { _id?: string } | undefined)?._id;
    return (
        event.entity.eventType === 'message.tracking' &&
        cjm?.messageInteraction?.interactionType === 'open' &&
        channel?.endsWith('/email') === true
    );
}

function orderTotal(event: ExperienceEventRecord): number {
    const commerce = event.entity.commerce as { order?: { priceTotal?: number } } | undefined;
    return commerce?.order?.priceTotal ?? 0;
}
