import profileMap from './data/mariaLopez.profile.json';
import eventPages from './data/mariaLopez.events.json';
import audienceNames from './data/mariaLopez.audienceNames.json';
import { parseEntityMap } from '../../contract/aepEntities';
import { CARD_MAX_BYTES } from '../../contract/cardModel';
import { parseShapingConfig } from '../shapingConfig';
import { cardBytes, toCardModel, type CardInput } from '../toCardModel';
import { createXdmReader } from '../xdm';
import { levelOf } from '../scores';
import { humanise, inferKind } from '../computedAttributes';
import { toEvents } from '../events';

const MARIA = parseEntityMap(profileMap)[0]!;
// As the segmentation API describes them: the churn audience is evaluated in streaming, the others in batch.
const NAMES = new Map(
    Object.entries(audienceNames).map(([id, name]) => [
        id,
        { name, evaluation: id.startsWith('0c6f5a6e') ? ('streaming' as const) : ('batch' as const) }
    ])
);

function input(overrides: Partial<CardInput> = {}): CardInput {
    return {
        envelope: MARIA,
        match: {
            candidate: { field: 'Email', namespace: 'Email', maskedValue: 'm•••@example.com' },
            selectedBy: 'priority',
            ambiguous: false,
            ambiguityReason: null,
            alternatives: [],
            identitiesTried: [
                { field: 'Id', namespace: 'CRMID', maskedValue: '0038c00002MLopzAAD', outcome: 'not_found' },
                { field: 'Email', namespace: 'Email', maskedValue: 'm•••@example.com', outcome: 'matched' }
            ]
        },
        events: { status: 'available', pages: eventPages },
        audienceNames: NAMES,
        mergePolicy: { id: '7b0e1f2c-3d4e-4f50-8a6b-9c8d7e6f5a41', name: 'Default Timebased' },
        freshness: { fetchedAt: '2024-05-06T09:00:00.000Z', fromCache: false, stale: false, staleReason: null },
        config: parseShapingConfig(undefined),
        ...overrides
    };
}

describe('toCardModel on Maria Lopez (the telecom profile in __tests__/data/mariaLopez.profile.json)', () => {
    const card = toCardModel(input());

    it('shapes person, contact points and loyalty', () => {
        expect(card.profileId).toBe('A28xQm3kPz0Lr8sVb2NwYt1c');
        expect(card.person).toEqual({
            displayName: 'Maria Lopez',
            firstName: 'Maria',
            lastName: 'Lopez',
            courtesyTitle: null,
            birthDate: '1988-11-02',
            gender: 'female'
        });
        expect(card.contactPoints).toEqual({
            emails: [{ address: 'maria.lopez@example.com', kind: 'personal', primary: true }],
            phones: [
                {
                    number: '+14155550142',
                    national: '(415) 555-0142',
                    international: '+1 415 555 0142',
                    country: 'US',
                    kind: 'mobile',
                    primary: true
                }
            ],
            address: {
                street: '2450 Mission St, Apt 5B',
                city: 'San Francisco',
                stateProvince: 'CA',
                postalCode: '94110',
                country: 'United States'
            },
            marketingConsent: { email: 'y', sms: 'n' },
            preferredChannel: 'email'
        });
        expect(card.loyalty).toEqual({
            program: 'Acme Rewards',
            tier: 'gold',
            points: 18250,
            status: 'active',
            memberSince: '2019-06-14T00:00:00Z'
        });
        expect(card.lifetimeValue).toEqual({
            value: { amount: 8420.55, currency: 'USD' },
            sourcePath: '_acmetelco.crm.lifetimeValue',
            valueTier: 'high'
        });
    });

    it('reads the churn score with its factors, most important first', () => {
        expect(card.scores).toEqual([
            {
                key: 'churn',
                label: 'Churn risk',
                propensityType: 'churn',
                score: 87,
                probability: 0.41,
                percentile: 96,
                level: 'high',
                scoredAt: '2024-05-05',
                factors: [
                    { code: 'supportCallsLast30d', value: '3', importance: 'high' },
                    { code: 'internetSubscription.paymentStatus', value: 'overdue', importance: 'high' },
                    { code: 'daysSinceLastPurchase', value: '74', importance: 'medium' }
                ]
            }
        ]);
    });

    it('labels and types computed attributes it was not told about', () => {
        expect(card.computedAttributes).toEqual([
            { name: 'lastPurchaseDate', label: 'Last purchase date', value: '2024-05-02T14:11:00Z', kind: 'date' },
            { name: 'purchases90d', label: 'Purchases 90d', value: 3, kind: 'number' },
            { name: 'supportCallsLast30d', label: 'Support calls last 30d', value: 3, kind: 'number' },
            { name: 'totalSpend90d', label: 'Total spend 90d', value: 412.37, kind: 'currency' }
        ]);
    });

    it('lists members first, most recent first, exited last, unknown names as ids', () => {
        expect(card.audiences).toEqual([
            {
                id: '0c6f5a6e-2b1d-4c3e-9f8a-7b6c5d4e3f21',
                name: 'High churn risk – mobile postpaid',
                nameResolved: true,
                namespace: 'ups',
                status: 'realized',
                qualifiedAt: '2024-05-04T03:12:09Z',
                evaluation: 'streaming'
            },
            {
                id: '7d2e9b41-5a3c-4e8f-b1d0-2c4a6e8f0b13',
                name: 'Gold loyalty members',
                nameResolved: true,
                namespace: 'ups',
                status: 'realized',
                qualifiedAt: '2024-04-28T03:10:44Z',
                evaluation: 'batch'
            },
            {
                id: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
                name: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
                nameResolved: false,
                namespace: 'ups',
                status: 'exited',
                qualifiedAt: '2024-03-30T03:09:51Z',
                evaluation: null
            }
        ]);
    });

    it('shows events of interest newest first, with purchase amounts and clean links', () => {
        expect(card.events.status).toBe('available');
        expect(card.events.items.map((e) => [e.category, e.title])).toEqual([
            ['web', 'Plans | Unlimited'],
            // An email's message ID means nothing to an agent: without a subject the card names only the kind.
            ['email', null],
            ['email', null],
            ['purchase', 'ORD-2024-0502-88311 · Wireless Earbuds Pro, Clear Case – Phone 15']
        ]);
        const [page, , , purchase] = card.events.items;
        // The query string carried the email address: it never reaches the card.
        expect(page!.url).toBe('https://www.acmetelco.example/plans/unlimited');
        expect(purchase).toMatchObject({
            id: 'b7f3e2a1-0c9d-4e8f-a7b6-c5d4e3f2a1b0',
            amount: { amount: 149.98, currency: 'USD' },
            timestamp: '2024-05-02T14:11:00.000Z'
        });
        expect(card.truncated.events).toBe(0);
    });

    it('lists identities known to an agent first, devices last', () => {
        expect(card.identities.map((i) => `${i.namespace}:${i.id}`)).toEqual([
            'crmid:CUST-7781203',
            'email:maria.lopez@example.com',
            'phone:+14155550142',
            'loyaltyid:LX-00938211',
            'ecid:30582187346122018822931245610009876543',
            'ecid:71620419283746501928374650192837465012'
        ]);
    });

    it('carries the match, merge policy, freshness and stays small', () => {
        expect(card.match).toMatchObject({ field: 'Email', maskedValue: 'm•••@example.com', selectedBy: 'priority', ambiguous: false });
        expect(card.mergePolicy).toEqual({ id: '7b0e1f2c-3d4e-4f50-8a6b-9c8d7e6f5a41', name: 'Default Timebased' });
        expect(card.lastModifiedAt).toBe('2024-05-05T21:14:05Z');
        expect(card.links.aepProfileUrl).toBeNull();
        expect(cardBytes(card)).toBeLessThan(CARD_MAX_BYTES / 2);
    });
});

describe('toCardModel options', () => {
    it('says why events are missing and keeps the rest of the card', () => {
        const card = toCardModel(input({ events: { status: 'unavailable', reason: 'EDITION_GATED' } }));
        expect(card.events).toEqual({ status: 'unavailable', reason: 'EDITION_GATED', items: [] });
        expect(card.person.displayName).toBe('Maria Lopez');
    });

    it('honours maxEvents and counts what it left out', () => {
        const card = toCardModel(input({ maxEvents: 2 }));
        expect(card.events.items).toHaveLength(2);
        expect(card.truncated.events).toBe(2);
    });

    it('never shows denied paths', () => {
        const config = parseShapingConfig({
            denylist: [
                'person.birthDate',
                'homeAddress',
                'identityMap.ecid',
                '_{tenant}.CustomerAI.churn_90d.influentialFactors',
                '_{tenant}.SystemComputedAttributes.totalSpend90d'
            ]
        });
        const card = toCardModel(input({ config }));
        expect(card.person.birthDate).toBeNull();
        expect(card.contactPoints.address).toBeNull();
        expect(card.identities.some((i) => i.namespace === 'ecid')).toBe(false);
        expect(card.scores[0]!.factors).toEqual([]);
        expect(card.computedAttributes.map((a) => a.name)).not.toContain('totalSpend90d');
        expect(JSON.stringify(card)).not.toContain('2450 Mission St');
    });

    it('uses configured labels, kinds, order and the AEP UI link', () => {
        const config = parseShapingConfig({
            computedAttributes: { attributes: { totalSpend90d: { label: 'Spend (90 days)' }, supportCallsLast30d: { hidden: true } } },
            aepProfileUrlTemplate: 'https://experience.adobe.com/#/platform/profile/browse/{profileId}'
        });
        const card = toCardModel(input({ config }));
        expect(card.computedAttributes.map((a) => a.label)).toEqual(['Spend (90 days)', 'Last purchase date', 'Purchases 90d']);
        expect(card.links.aepProfileUrl).toBe('https://experience.adobe.com/#/platform/profile/browse/A28xQm3kPz0Lr8sVb2NwYt1c');
    });

    it('keeps alternatives only when ambiguous', () => {
        const alt = {
            profileId: 'A28iSamRiveraXid000001',
            displayName: 'Sam Rivera',
            field: 'Phone',
            namespace: 'Phone',
            city: null,
            loyaltyTier: null,
            lastModifiedAt: null
        };
        const base = input().match;
        expect(toCardModel(input({ match: { ...base, alternatives: [alt] } })).match.alternatives).toEqual([]);
        const flagged = toCardModel(
            input({ match: { ...base, ambiguous: true, ambiguityReason: 'IDENTITIES_DISAGREE', alternatives: [alt] } })
        );
        expect(flagged.match).toMatchObject({ ambiguous: true, ambiguityReason: 'IDENTITIES_DISAGREE', alternatives: [alt] });
    });
});

describe('shaping helpers', () => {
    it('derives levels from thresholds, inverted when configured', () => {
        const t = { thresholds: { medium: 40, high: 70 }, invert: false };
        expect([levelOf(72, t), levelOf(40, t), levelOf(39.9, t)]).toEqual(['high', 'medium', 'low']);
        expect(levelOf(10, { ...t, invert: true })).toBe('high');
    });

    it('makes attribute names readable and infers kinds', () => {
        expect(humanise('lifetime_value_usd')).toBe('Lifetime value usd');
        expect(humanise('openCases')).toBe('Open cases');
        expect([
            inferKind('lifetimeValue', 3),
            inferKind('visits', 3),
            inferKind('vip', true),
            inferKind('since', '2020-01-01'),
            inferKind('plan', 'gold')
        ]).toEqual(['currency', 'number', 'boolean', 'date', 'text']);
    });

    it('expands {tenant} in configured paths and reports bad config clearly', () => {
        const config = parseShapingConfig({ tenant: 'acme' });
        expect(config.tenant).toBe('_acme');
        expect(config.lifetimeValue.path).toBe('_acme.crm.lifetimeValue');
        expect(config.scores.map((s) => s.path)).toEqual([
            '_acme.CustomerAI.churn_90d',
            '_acme.CustomerAI.conversion_30d',
            '_acme.CustomerAI.upsell_90d'
        ]);
        expect(() => parseShapingConfig({ aepProfileUrlTemplate: 'http://x/{profileId}' })).toThrow(/aepProfileUrlTemplate: .*https/);
        expect(() =>
            parseShapingConfig({
                scores: [
                    { key: 'a', label: 'A', path: 'x', thresholds: { medium: 1, high: 2 } },
                    { key: 'a', label: 'B', path: 'y', thresholds: { medium: 1, high: 2 } }
                ]
            })
        ).toThrow(/scores: score keys must be unique/);
    });

    it('reads only own properties, never the prototype chain', () => {
        const xdm = createXdmReader({ a: { b: 2 } }, []);
        expect(xdm.get('a.b')).toBe(2);
        expect(xdm.get('a.toString')).toBeUndefined();
        expect(xdm.get('a.__proto__')).toBeUndefined();
        expect(xdm.get('a.constructor.name')).toBeUndefined();
    });
});

describe('event titles', () => {
    const eventsConfig = parseShapingConfig({}).events;
    const child = (id: string, eventType: string, extra: Record<string, unknown> = {}) => ({
        entityId: id,
        timestamp: 1_700_000_000_000,
        entity: { _id: id, eventType, timestamp: '2023-11-14T22:13:20Z', ...extra }
    });

    it('carry only the detail, so the card can name the kind in the agent language', () => {
        const { section } = toEvents(
            {
                status: 'available',
                children: [
                    child('a', 'web.webpagedetails.pageViews', { web: { webPageDetails: { name: 'Home' } } }),
                    child('b', 'directMarketing.emailOpened'),
                    child('c', '_acmetelco.supportCallLogged')
                ]
            },
            { ...eventsConfig, ofInterest: ['web.', 'directMarketing.', '_acmetelco.'] },
            10
        );
        const byId = Object.fromEntries(section.items.map((e) => [e.id, e.title]));
        // A standard type with a detail: the detail alone. Without one: null (the card shows its kind).
        expect(byId.a).toBe('Home');
        expect(byId.b).toBeNull();
        // A tenant's custom type has no translated name on the card, so its readable type name is the title.
        expect(byId.c).toBe(humanise('supportCallLogged'));
    });
});
