import { channelOf, toCampaigns } from '../campaigns';
import { toEvents } from '../events';
import { parseShapingConfig } from '../shapingConfig';

/**
 * Campaign exposure from Journey Optimizer's message feedback and tracking events, written here in the shape AJO
 * ingests them (_experience.customerJourneyManagement, https://experienceleague.adobe.com/tools/ajo-schemas/schema-dictionary.html).
 */

const CAMPAIGN = '1f0e5c1a-2b3c-4d5e-8f90-a1b2c3d4e5f6';
const JOURNEY = '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d';
const AUDIENCE = 'd09abe20-2afd-11f0-8fe0-d7e0b2292388';
const config = parseShapingConfig({ campaigns: { names: { [CAMPAIGN]: 'Winter loyalty offer', [JOURNEY]: 'Welcome journey' } } });

let n = 0;
function event(eventType: string, iso: string, cjm: Record<string, unknown>, extra: Record<string, unknown> = {}) {
    n += 1;
    const id = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
    return {
        entityId: id,
        timestamp: Date.parse(iso),
        entity: { _id: id, eventType, timestamp: iso, _experience: { customerJourneyManagement: cjm }, ...extra }
    };
}

function execution(ids: Record<string, unknown>, channel = 'email') {
    return {
        messageExecution: { messageID: 'MSG-OPAQUE-01', ...ids },
        messageProfile: { channel: { _id: `https://ns.adobe.com/xdm/channels/${channel}` } }
    };
}

const feedback = (iso: string, ids: Record<string, unknown>, feedbackStatus: string, channel?: string) =>
    event('message.feedback', iso, { ...execution(ids, channel), messageDeliveryfeedback: { feedbackStatus } });
const tracking = (iso: string, ids: Record<string, unknown>, interactionType: string, isBot = false) =>
    event('message.tracking', iso, { ...execution(ids), messageInteraction: { interactionType, ...(isBot ? { isBot } : {}) } });
const purchase = (iso: string) => ({
    entityId: `p-${iso}`,
    timestamp: Date.parse(iso),
    entity: {
        _id: `p-${iso}`,
        eventType: 'commerce.purchases',
        timestamp: iso,
        commerce: { order: { purchaseID: 'ORD-1', priceTotal: 10 } }
    }
});

const audiences = new Map([[AUDIENCE, { name: 'Gold members – winter', evaluation: 'batch' as const }]]);

describe('toCampaigns', () => {
    it('summarises a campaign by name and channel: the furthest step, counts, the audience that fed it', () => {
        const ids = { campaignID: CAMPAIGN, audience: { id: AUDIENCE, type: 'UPS' } };
        const { items, dropped } = toCampaigns(
            [
                feedback('2026-11-01T10:00:00Z', ids, 'sent'),
                tracking('2026-11-01T12:00:00Z', ids, 'open'),
                tracking('2026-11-02T09:00:00Z', ids, 'open'),
                tracking('2026-11-02T09:01:00Z', ids, 'click')
            ],
            config.campaigns,
            audiences
        );
        expect(dropped).toBe(0);
        expect(items).toEqual([
            {
                id: CAMPAIGN,
                kind: 'campaign',
                name: 'Winter loyalty offer',
                channel: 'email',
                reached: 'clicked',
                undelivered: false,
                unsubscribed: false,
                counts: { sent: 1, opened: 2, clicked: 1 },
                firstAt: '2026-11-01T10:00:00Z',
                lastAt: '2026-11-02T09:01:00Z',
                audience: 'Gold members – winter'
            }
        ]);
    });

    it('counts a purchase within the window after a click as a conversion, and one after it as not', () => {
        const ids = { campaignID: CAMPAIGN };
        const clicked = [feedback('2026-11-01T10:00:00Z', ids, 'sent'), tracking('2026-11-01T11:00:00Z', ids, 'click')];
        const within = toCampaigns([...clicked, purchase('2026-11-05T11:00:00Z')], config.campaigns, new Map());
        const after = toCampaigns([...clicked, purchase('2026-11-09T11:00:01Z')], config.campaigns, new Map());
        const before = toCampaigns([...clicked, purchase('2026-10-31T11:00:00Z')], config.campaigns, new Map());
        expect(within.items[0]!.reached).toBe('converted');
        expect(after.items[0]!.reached).toBe('clicked');
        expect(before.items[0]!.reached).toBe('clicked');
    });

    it('names journeys by their version ID, newest first, and leaves unnamed ones without a name (never an ID)', () => {
        const unknown = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
        const { items } = toCampaigns(
            [
                feedback('2026-10-01T10:00:00Z', { journeyVersionID: JOURNEY }, 'delivered', 'sms'),
                feedback('2026-11-03T10:00:00Z', { campaignID: unknown }, 'sent', 'push')
            ],
            config.campaigns,
            new Map()
        );
        expect(items.map((i) => [i.kind, i.name, i.channel, i.reached])).toEqual([
            ['campaign', null, 'push', 'sent'],
            ['journey', 'Welcome journey', 'sms', 'delivered']
        ]);
    });

    it('says undelivered after a bounce with nothing delivered since, and notes an unsubscribe', () => {
        const ids = { campaignID: CAMPAIGN };
        const bounced = toCampaigns(
            [feedback('2026-11-01T10:00:00Z', ids, 'sent'), feedback('2026-11-01T10:05:00Z', ids, 'bounce')],
            config.campaigns,
            new Map()
        );
        expect(bounced.items[0]).toMatchObject({ reached: 'sent', undelivered: true });
        const later = toCampaigns(
            [
                feedback('2026-11-01T10:05:00Z', ids, 'bounce'),
                tracking('2026-11-04T10:00:00Z', ids, 'open'),
                tracking('2026-11-04T10:01:00Z', ids, 'unsubscribe')
            ],
            config.campaigns,
            new Map()
        );
        expect(later.items[0]).toMatchObject({ reached: 'opened', undelivered: false, unsubscribed: true });
    });

    it('ignores opens by mail scanners, events without a campaign or journey, and other event types', () => {
        const { items } = toCampaigns(
            [
                tracking('2026-11-01T10:00:00Z', { campaignID: CAMPAIGN }, 'open', true),
                tracking('2026-11-01T10:00:00Z', {}, 'open'),
                event('web.webpagedetails.pageViews', '2026-11-01T10:00:00Z', {})
            ],
            config.campaigns,
            new Map()
        );
        expect(items).toEqual([expect.objectContaining({ counts: { sent: 0, opened: 0, clicked: 0 }, reached: 'sent' })]);
    });

    it('keeps at most 8 campaigns and counts the rest', () => {
        const children = Array.from({ length: 11 }, (_, i) =>
            feedback(`2026-11-${String(i + 1).padStart(2, '0')}T10:00:00Z`, { campaignID: `campaign-${i}` }, 'sent')
        );
        const { items, dropped } = toCampaigns(children, config.campaigns, new Map());
        expect(items).toHaveLength(8);
        expect(dropped).toBe(3);
        expect(items[0]!.id).toBe('campaign-10');
    });
});

describe('message events in recent activity', () => {
    it('say what happened on which channel, titled with the campaign name, never the message ID', () => {
        const ids = { campaignID: CAMPAIGN };
        const { section } = toEvents(
            {
                status: 'available',
                children: [
                    feedback('2026-11-01T10:00:00Z', ids, 'sent'),
                    tracking('2026-11-01T11:00:00Z', ids, 'click'),
                    feedback('2026-11-01T12:00:00Z', { campaignID: 'unnamed-campaign' }, 'delivered', 'sms'),
                    tracking('2026-11-01T13:00:00Z', ids, 'open', true)
                ]
            },
            config.events,
            10,
            config.campaigns.names
        );
        expect(section.items.map((e) => [e.category, e.message, e.title])).toEqual([
            ['other', { channel: 'sms', action: 'delivered' }, null],
            ['email', { channel: 'email', action: 'clicked' }, 'Winter loyalty offer'],
            ['email', { channel: 'email', action: 'sent' }, 'Winter loyalty offer']
        ]);
        expect(JSON.stringify(section)).not.toContain('MSG-OPAQUE-01');
    });
});

describe('channelOf', () => {
    it.each([
        [{ _id: 'https://ns.adobe.com/xdm/channels/email' }, 'email'],
        [{ '@id': 'https://ns.adobe.com/xdm/channels/sms' }, 'sms'],
        [{ _id: 'https://ns.adobe.com/xdm/channels/apns' }, 'push'],
        [{ _id: 'https://ns.adobe.com/xdm/channels/inApp' }, 'inApp'],
        [{ _id: 'https://ns.adobe.com/xdm/channels/whatsapp' }, 'whatsapp'],
        [{ _id: 'https://ns.adobe.com/xdm/channels/fax' }, 'other'],
        [null, 'other']
    ])('%j -> %s', (channel, expected) => {
        expect(channelOf(channel)).toBe(expected);
    });
});
