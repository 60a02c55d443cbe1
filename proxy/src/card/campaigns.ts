/**
 * Campaign exposure: the Journey Optimizer campaigns and journeys whose messages reached the customer, from the
 * message feedback and tracking events AJO writes to the profile (eventType message.feedback / message.tracking,
 * https://github.com/adobe/xdm/blob/master/components/behaviors/time-series.schema.json). Their fields are the
 * `_experience.customerJourneyManagement` field groups (https://experienceleague.adobe.com/tools/ajo-schemas/schema-dictionary.html;
 * https://github.com/adobe/xdm/tree/master/extensions/adobe/experience/customerJourneyManagement): messageExecution
 * (campaignID, journeyVersionID, messageID, audience), messageDeliveryfeedback.feedbackStatus,
 * messageInteraction.interactionType and messageProfile.channel.
 *
 * These events carry IDs only; AJO keeps the names in its entity dataset, which the Profile Access API does not
 * serve, so names come from configuration (campaigns.names). A purchase within the configured window after a
 * click counts as a conversion (last touch), the way campaign reports usually attribute it.
 */
import { clip, isoOrNull, timeOf } from './bound';
import { CARD_LIMITS, type CampaignExposure } from '../contract/cardModel';
import { EventChild } from '../contract/aepEntities';
import type { AudienceDefinition } from './audiences';
import type { ShapingConfig } from './shapingConfig';
import { asRecord, createXdmReader, type XdmReader } from './xdm';

type Channel = CampaignExposure['channel'];
type Step = CampaignExposure['reached'];

const CJM = '_experience.customerJourneyManagement';
const STEP_RANK: Record<Step, number> = { sent: 0, delivered: 1, opened: 2, clicked: 3, converted: 4 };
/** Feedback statuses that mean the message did not reach the customer (schema dictionary, Feedback Status). */
const UNDELIVERED = new Set(['bounce', 'error', 'exclude', 'denylist', 'duplicate']);
const DAY_MS = 86_400_000;

/** The last segment of an XDM channel @id (https://ns.adobe.com/xdm/channels/email) as the card's channel. */
export function channelOf(channel: unknown): Channel {
    const record = asRecord(channel);
    const id = record ? (record._id ?? record['@id']) : undefined;
    const last = typeof id === 'string' ? (id.split('/').pop() ?? '').toLowerCase() : '';
    if (last === 'email') return 'email';
    if (last === 'sms' || last === 'mms') return 'sms';
    if (last === 'push' || last === 'apns' || last === 'gcm' || last === 'fcm') return 'push';
    if (last === 'inapp') return 'inApp';
    if (last === 'web') return 'web';
    if (last === 'whatsapp') return 'whatsapp';
    return 'other';
}

/** What one AJO message event says: which campaign, which step, when. Null for any other event. */
export interface MessageEvent {
    id: string;
    kind: CampaignExposure['kind'];
    channel: Channel;
    /** What this event says; never 'converted', which only a later purchase makes. */
    step: Exclude<Step, 'converted'> | 'undelivered' | 'unsubscribed' | null;
    t: number;
    timestamp: string;
    audienceId: string | null;
}

export function messageEventOf(xdm: XdmReader, eventType: string, timestamp: string, t: number): MessageEvent | null {
    if (eventType !== 'message.feedback' && eventType !== 'message.tracking') return null;
    const campaignId = idText(xdm.get(`${CJM}.messageExecution.campaignID`));
    const journeyId = idText(xdm.get(`${CJM}.messageExecution.journeyVersionID`));
    const id = campaignId ?? journeyId;
    if (id === null) return null;
    return {
        id,
        kind: campaignId !== null ? 'campaign' : 'journey',
        channel: channelOf(xdm.get(`${CJM}.messageProfile.channel`)),
        step: eventType === 'message.feedback' ? feedbackStep(xdm) : trackingStep(xdm),
        t,
        timestamp,
        audienceId: idText(xdm.get(`${CJM}.messageExecution.audience.id`))
    };
}

function feedbackStep(xdm: XdmReader): MessageEvent['step'] {
    const status = xdm.get(`${CJM}.messageDeliveryfeedback.feedbackStatus`);
    if (status === 'sent') return 'sent';
    if (status === 'delivered' || status === 'read') return 'delivered';
    return typeof status === 'string' && UNDELIVERED.has(status) ? 'undelivered' : null;
}

function trackingStep(xdm: XdmReader): MessageEvent['step'] {
    // Opens and clicks by mail scanners (bot_open, bot_click, isBot) are not the customer's.
    if (xdm.get(`${CJM}.messageInteraction.isBot`) === true) return null;
    switch (xdm.get(`${CJM}.messageInteraction.interactionType`)) {
        case 'open':
            return 'opened';
        case 'click':
            return 'clicked';
        case 'unsubscribe':
            return 'unsubscribed';
        default:
            return null;
    }
}

function idText(value: unknown): string | null {
    return typeof value === 'string' && value.trim() !== '' && value.length <= CARD_LIMITS.maxId ? value.trim() : null;
}

interface Summary {
    item: CampaignExposure;
    lastClickT: number | null;
    firstT: number;
    lastT: number;
    deliveredT: number;
    undeliveredT: number;
}

/**
 * One line per campaign or journey, newest first. `children` are the raw event children (already bounded by the
 * caller); `purchases` the times of purchases among them, for conversions.
 */
export function toCampaigns(
    children: readonly unknown[],
    config: ShapingConfig['campaigns'],
    audiences: ReadonlyMap<string, AudienceDefinition>
): { items: CampaignExposure[]; dropped: number } {
    const byId = new Map<string, Summary>();
    const purchases: number[] = [];
    for (const child of children) {
        const parsed = EventChild.safeParse(child);
        if (!parsed.success) continue;
        const entity = parsed.data.entity;
        const eventType = typeof entity.eventType === 'string' ? entity.eventType.trim() : '';
        const timestamp = isoOrNull(entity.timestamp) ?? isoOrNull(parsed.data.timestamp);
        const t = timeOf(timestamp);
        if (timestamp === null || t === null) continue;
        if (eventType === 'commerce.purchases') {
            purchases.push(t);
            continue;
        }
        const event = messageEventOf(createXdmReader(entity, []), eventType, timestamp, t);
        if (event) add(byId, event, config, audiences);
    }
    const window = config.conversionWindowDays * DAY_MS;
    const all = [...byId.values()];
    for (const summary of all) {
        const click = summary.lastClickT;
        if (click !== null && window > 0 && purchases.some((p) => p >= click && p - click <= window)) summary.item.reached = 'converted';
        summary.item.undelivered = summary.undeliveredT > summary.deliveredT;
    }
    all.sort((a, b) => b.lastT - a.lastT || (a.item.id < b.item.id ? -1 : 1));
    return {
        items: all.slice(0, CARD_LIMITS.campaigns).map((s) => s.item),
        dropped: Math.max(0, all.length - CARD_LIMITS.campaigns)
    };
}

function add(
    byId: Map<string, Summary>,
    event: MessageEvent,
    config: ShapingConfig['campaigns'],
    audiences: ReadonlyMap<string, AudienceDefinition>
): void {
    let summary = byId.get(event.id);
    if (!summary) {
        const name = Object.hasOwn(config.names, event.id) ? config.names[event.id] : undefined;
        summary = {
            item: {
                id: event.id,
                kind: event.kind,
                name: name ? clip(name, CARD_LIMITS.maxLabel) : null,
                channel: event.channel,
                reached: 'sent',
                undelivered: false,
                unsubscribed: false,
                counts: { sent: 0, opened: 0, clicked: 0 },
                firstAt: event.timestamp,
                lastAt: event.timestamp,
                audience: null
            },
            lastClickT: null,
            firstT: event.t,
            lastT: event.t,
            deliveredT: -Infinity,
            undeliveredT: -Infinity
        };
        byId.set(event.id, summary);
    }
    const { item } = summary;
    if (item.channel === 'other' && event.channel !== 'other') item.channel = event.channel;
    if (event.t < summary.firstT) [summary.firstT, item.firstAt] = [event.t, event.timestamp];
    if (event.t > summary.lastT) [summary.lastT, item.lastAt] = [event.t, event.timestamp];
    if (item.audience === null && event.audienceId !== null) {
        const audience = audiences.get(event.audienceId)?.name;
        item.audience = audience ? clip(audience, CARD_LIMITS.maxLabel) : null;
    }
    switch (event.step) {
        case 'undelivered':
            summary.undeliveredT = Math.max(summary.undeliveredT, event.t);
            return;
        case 'unsubscribed':
            item.unsubscribed = true;
            return;
        case null:
            return;
        case 'sent':
            item.counts.sent++;
            break;
        case 'opened':
            item.counts.opened++;
            break;
        case 'clicked':
            item.counts.clicked++;
            summary.lastClickT = Math.max(summary.lastClickT ?? -Infinity, event.t);
            break;
        default:
            break;
    }
    // An open or a click proves delivery even when its feedback event is missing or older.
    if (event.step !== 'sent') summary.deliveredT = Math.max(summary.deliveredT, event.t);
    if (STEP_RANK[event.step] > STEP_RANK[item.reached]) {
        // A journey may use several channels: the line names the one of its furthest step.
        item.reached = event.step;
        if (event.channel !== 'other') item.channel = event.channel;
    }
}
