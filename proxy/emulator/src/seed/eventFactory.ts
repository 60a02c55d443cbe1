import { createHash } from 'node:crypto';
import type { ExperienceEventRecord, XdmObject } from '../store/dataset';

/**
 * Builders for realistic experience events (XDM ExperienceEvent, Web SDK style; event types from
 * https://github.com/adobe/xdm/blob/master/components/behaviors/time-series.schema.json). Events keep the ingest case in identityMap (`ECID`, `Email`).
 */
export interface EventOwner {
    /** Stable key used to derive event ids. */
    readonly key: string;
    readonly email?: string;
    readonly ecids: readonly string[];
}

export interface Product {
    readonly SKU: string;
    readonly name: string;
    readonly priceTotal: number;
    readonly quantity?: number;
}

export function eventId(ownerKey: string, n: number): string {
    const h = createHash('sha1').update(`${ownerKey}#event#${n}`).digest('hex');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h.slice(16, 17), 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function wrap(owner: EventOwner, n: number, timestamp: number, body: XdmObject): ExperienceEventRecord {
    const _id = eventId(owner.key, n);
    const iso = new Date(timestamp).toISOString();
    return {
        _id,
        timestamp,
        entity: { _id, timestamp: iso, ...body },
        lastModifiedAt: new Date(Math.floor(timestamp / 1000) * 1000 + 62000).toISOString().replace('.000Z', 'Z')
    };
}

function ecidOf(owner: EventOwner, n: number): string {
    return owner.ecids[n % Math.max(owner.ecids.length, 1)] ?? '00000000000000000000000000000000000000';
}

function emailIdentity(owner: EventOwner, n: number): XdmObject {
    const map: XdmObject = { ECID: [{ id: ecidOf(owner, n), authenticatedState: 'authenticated' }] };
    if (owner.email) map.Email = [{ id: owner.email, authenticatedState: 'authenticated', primary: true }];
    else (map.ECID as XdmObject[])[0]!.primary = true;
    return map;
}

const WEB_CHANNEL = { _id: 'https://ns.adobe.com/xdm/channels/web', _type: 'https://ns.adobe.com/xdm/channel-types/web' };

export function purchase(
    owner: EventOwner,
    n: number,
    timestamp: number,
    orderId: string,
    products: readonly Product[]
): ExperienceEventRecord {
    const total = round2(products.reduce((sum, p) => sum + p.priceTotal, 0));
    return wrap(owner, n, timestamp, {
        eventType: 'commerce.purchases',
        identityMap: emailIdentity(owner, n),
        commerce: {
            purchases: { value: 1 },
            order: {
                purchaseID: orderId,
                currencyCode: 'USD',
                priceTotal: total,
                taxAmount: round2(total * 0.0825),
                payments: [
                    { paymentType: 'credit_card', paymentAmount: total, currencyCode: 'USD', transactionID: `TX-${orderId.slice(-6)}` }
                ]
            }
        },
        productListItems: products.map((p) => ({
            SKU: p.SKU,
            name: p.name,
            quantity: p.quantity ?? 1,
            priceTotal: p.priceTotal,
            currencyCode: 'USD'
        })),
        channel: WEB_CHANNEL,
        web: { webPageDetails: { name: 'Order Confirmation', URL: 'https://shop.acmetelco.example/checkout/confirm' } }
    });
}

export function pageView(
    owner: EventOwner,
    n: number,
    timestamp: number,
    page: { name: string; path: string; section: string }
): ExperienceEventRecord {
    return wrap(owner, n, timestamp, {
        eventType: 'web.webpagedetails.pageViews',
        identityMap: { ECID: [{ id: ecidOf(owner, n), authenticatedState: 'ambiguous', primary: true }] },
        web: {
            webPageDetails: {
                name: page.name,
                URL: `https://www.acmetelco.example${page.path}`,
                siteSection: page.section,
                pageViews: { value: 1 }
            },
            webReferrer: {
                URL: n % 3 === 0 ? 'https://www.google.com/' : 'https://www.acmetelco.example/',
                type: n % 3 === 0 ? 'search_engine' : 'internal'
            }
        },
        environment: {
            type: 'browser',
            browserDetails: {
                userAgent:
                    n % 2 === 0
                        ? 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1'
                        : 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36',
                viewportWidth: n % 2 === 0 ? 390 : 1440,
                viewportHeight: n % 2 === 0 ? 844 : 900
            }
        },
        device:
            n % 2 === 0
                ? { type: 'mobile', screenWidth: 1170, screenHeight: 2532 }
                : { type: 'desktop', screenWidth: 2880, screenHeight: 1800 },
        placeContext: { localTime: localTime(timestamp), localTimezoneOffset: 420 },
        implementationDetails: { name: 'https://ns.adobe.com/experience/alloy', version: '2.19.2', environment: 'browser' }
    });
}

export function productView(owner: EventOwner, n: number, timestamp: number, product: Product): ExperienceEventRecord {
    return wrap(owner, n, timestamp, {
        eventType: 'commerce.productViews',
        identityMap: { ECID: [{ id: ecidOf(owner, n), authenticatedState: 'ambiguous', primary: true }] },
        commerce: { productViews: { value: 1 } },
        productListItems: [{ SKU: product.SKU, name: product.name, quantity: 1, priceTotal: product.priceTotal, currencyCode: 'USD' }],
        channel: WEB_CHANNEL
    });
}

export function cartAdd(owner: EventOwner, n: number, timestamp: number, product: Product): ExperienceEventRecord {
    return wrap(owner, n, timestamp, {
        eventType: 'commerce.productListAdds',
        identityMap: emailIdentity(owner, n),
        commerce: { productListAdds: { value: 1 } },
        productListItems: [{ SKU: product.SKU, name: product.name, quantity: 1, priceTotal: product.priceTotal, currencyCode: 'USD' }],
        channel: WEB_CHANNEL
    });
}

export function emailOpened(owner: EventOwner, n: number, timestamp: number, messageID: string): ExperienceEventRecord {
    return wrap(owner, n, timestamp, {
        eventType: 'directMarketing.emailOpened',
        identityMap: { Email: [{ id: owner.email ?? '', primary: true }] },
        directMarketing: { opens: { value: 1 }, messageID }
    });
}

export function emailClicked(owner: EventOwner, n: number, timestamp: number, messageID: string): ExperienceEventRecord {
    return wrap(owner, n, timestamp, {
        eventType: 'directMarketing.emailClicked',
        identityMap: { Email: [{ id: owner.email ?? '', primary: true }] },
        directMarketing: { clicks: { value: 1 }, messageID }
    });
}

export function emailSent(owner: EventOwner, n: number, timestamp: number, messageID: string): ExperienceEventRecord {
    return wrap(owner, n, timestamp, {
        eventType: 'directMarketing.emailSent',
        identityMap: { Email: [{ id: owner.email ?? '', primary: true }] },
        directMarketing: { sends: { value: 1 }, messageID }
    });
}

/** Telecom support interactions have no standard XDM event type (see above), so their details go in a tenant block. */
export function supportCall(owner: EventOwner, n: number, timestamp: number, reason: string, caseId: string): ExperienceEventRecord {
    return wrap(owner, n, timestamp, {
        eventType: 'web.formFilledOut',
        identityMap: emailIdentity(owner, n),
        _acmetelco: { interaction: { channel: 'call-center', reason, caseId } }
    });
}

function localTime(timestamp: number): string {
    const local = new Date(timestamp - 7 * 3600 * 1000).toISOString().replace('Z', '-07:00');
    return local;
}

export function round2(n: number): number {
    return Math.round(n * 100) / 100;
}

export function sortByTime(events: ExperienceEventRecord[]): ExperienceEventRecord[] {
    return events.sort((a, b) => a.timestamp - b.timestamp || a._id.localeCompare(b._id));
}

/**
 * A Journey Optimizer message as its events carry it: `_experience.customerJourneyManagement.messageExecution` IDs
 * (a campaign, or a journey version), the channel (`messageProfile.channel`), and the audience that fed it
 * (https://github.com/adobe/xdm/blob/master/extensions/adobe/experience/customerJourneyManagement/messageexecution.schema.json).
 */
export interface AjoMessage {
    readonly campaignId?: string;
    readonly journeyVersionId?: string;
    readonly messageId: string;
    readonly channel: 'email' | 'sms' | 'push';
    /** A Platform audience id (type UPS) that selected the recipients. */
    readonly audienceId?: string;
}

function messageExecution(owner: EventOwner, message: AjoMessage): XdmObject {
    const h = createHash('sha1').update(`${owner.key}#${message.messageId}`).digest('hex');
    return {
        messageExecutionID: `UMA-${parseInt(h.slice(0, 8), 16)}`,
        messageID: message.messageId,
        messageType: 'marketing',
        ...(message.campaignId
            ? { campaignID: message.campaignId, campaignVersionID: `${message.campaignId.slice(0, 24)}${h.slice(0, 12)}` }
            : {}),
        ...(message.journeyVersionId ? { journeyVersionID: message.journeyVersionId, journeyActionID: `${h.slice(0, 8)}-action` } : {}),
        ...(message.audienceId ? { audience: { id: message.audienceId, type: 'UPS' } } : {})
    };
}

function messageProfile(owner: EventOwner, message: AjoMessage): XdmObject {
    return {
        messageProfileID: createHash('sha1').update(`${owner.key}#${message.messageId}#profile`).digest('hex').slice(0, 32),
        channel: { _id: `https://ns.adobe.com/xdm/channels/${message.channel}` }
    };
}

function ajoIdentity(owner: EventOwner): XdmObject {
    return { Email: [{ id: owner.email ?? '', primary: true }] };
}

/**
 * AJO message feedback (eventType message.feedback): the delivery status of one message
 * (`messageDeliveryfeedback.feedbackStatus`: sent, delivered, bounce...; AJO schema dictionary,
 * https://experienceleague.adobe.com/tools/ajo-schemas/schema-dictionary.html).
 */
export function messageFeedback(
    owner: EventOwner,
    n: number,
    timestamp: number,
    message: AjoMessage,
    feedbackStatus: 'sent' | 'delivered' | 'bounce' = 'sent'
): ExperienceEventRecord {
    return wrap(owner, n, timestamp, {
        eventType: 'message.feedback',
        identityMap: ajoIdentity(owner),
        _experience: {
            customerJourneyManagement: {
                messageExecution: messageExecution(owner, message),
                messageProfile: messageProfile(owner, message),
                messageDeliveryfeedback: { feedbackStatus }
            }
        }
    });
}

/** AJO tracking (eventType message.tracking): the customer opened the message or clicked a link in it. */
export function messageTracking(
    owner: EventOwner,
    n: number,
    timestamp: number,
    message: AjoMessage,
    interactionType: 'open' | 'click' | 'unsubscribe'
): ExperienceEventRecord {
    return wrap(owner, n, timestamp, {
        eventType: 'message.tracking',
        identityMap: ajoIdentity(owner),
        _experience: {
            customerJourneyManagement: {
                messageExecution: messageExecution(owner, message),
                messageProfile: messageProfile(owner, message),
                messageInteraction: {
                    interactionType,
                    ...(interactionType === 'click' ? { url: 'https://www.acmetelco.example/offers', label: 'See the offer' } : {})
                }
            }
        }
    });
}
