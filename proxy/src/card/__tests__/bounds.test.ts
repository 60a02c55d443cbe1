import { ProfileEnvelope } from '../../contract/aepEntities';
import { clip, safeUrl } from '../bound';
import { CARD_LIMITS, CARD_MAX_BYTES, CardModel } from '../../contract/cardModel';
import { parseShapingConfig } from '../shapingConfig';
import { cardBytes, toCardModel, type CardInput } from '../toCardModel';

const CONFIG = parseShapingConfig(undefined);
const HUGE = 'x'.repeat(100_000);
/** Three UTF-8 bytes per UTF-16 unit, and quotes that JSON escapes: the worst text for a byte budget. */
const WIDE = '€"'.repeat(50_000);

function baseInput(envelope: unknown, events: CardInput['events'], names: Map<string, { name: string }> = new Map()): CardInput {
    return {
        envelope: ProfileEnvelope.parse(envelope),
        match: {
            candidate: { field: 'Email', namespace: 'Email', maskedValue: 'j•••@example.com' },
            selectedBy: 'priority',
            ambiguous: false,
            ambiguityReason: null,
            alternatives: [],
            identitiesTried: []
        },
        events,
        audienceNames: names,
        mergePolicy: { id: '7b0e1f2c-3d4e-4f50-8a6b-9c8d7e6f5a41', name: 'Default Timebased' },
        freshness: { fetchedAt: '2024-05-06T09:00:00.000Z', fromCache: false, stale: false, staleReason: null },
        config: CONFIG,
        maxEvents: 50
    };
}

function hugeProfile(text: string) {
    const ups = Object.fromEntries(
        Array.from({ length: 200 }, (_, i) => [
            `${String(i).padStart(8, '0')}-2b1d-4c3e-9f8a-7b6c5d4e3f21`,
            {
                status: i % 3 === 0 ? 'exited' : 'realized',
                lastQualificationTime: new Date(Date.UTC(2024, 0, 1) + i * 3_600_000).toISOString()
            }
        ])
    );
    return {
        entityId: 'A28iHugeProfileXid0001',
        entity: {
            person: { name: { firstName: text, lastName: text, fullName: text } },
            personalEmail: { address: text },
            workEmail: { address: 'ok@example.com' },
            mobilePhone: { number: text },
            homeAddress: { street1: text, street2: text, city: text, postalCode: text, country: text },
            loyalty: { program: text, tier: text, points: 1e300, status: text, joinDate: text },
            consents: { marketing: { preferred: text, email: { val: text }, sms: { val: 'y' } } },
            segmentMembership: { ups, aam: ups },
            identityMap: {
                email: Array.from({ length: 60 }, (_, i) => ({ id: `${i}${text}` })),
                ecid: Array.from({ length: 100 }, (_, i) => ({ id: `${i}`.padStart(38, '7') }))
            },
            _acmetelco: {
                crm: { lifetimeValue: '12480.50', valueTier: text },
                SystemComputedAttributes: Object.fromEntries(
                    Array.from({ length: 300 }, (_, i) => [`attribute${i}`, { value: i % 2 ? text : i }])
                ),
                CustomerAI: {
                    churn_90d: {
                        score: 72,
                        propensityType: text,
                        scoringDate: text,
                        influentialFactors: Array.from({ length: 1000 }, (_, i) => ({
                            code: `${i}${text}`,
                            value: text,
                            importance: ['low', 'medium', 'high', 'bogus'][i % 4]
                        }))
                    },
                    conversion_30d: { score: 33, influentialFactors: 'not a list' }
                }
            }
        },
        lastModifiedAt: '2024-05-05T21:14:05Z'
    };
}

function thousandEvents(text: string): unknown[] {
    return Array.from({ length: 1000 }, (_, i) => ({
        relatedEntityId: 'A28iHugeProfileXid0001',
        entityId: `evt-${i}`,
        timestamp: Date.UTC(2024, 4, 1) + i * 60_000,
        entity: {
            _id: `evt-${i}-${text}`,
            eventType: [
                'commerce.purchases',
                'web.webpagedetails.pageViews',
                'directMarketing.emailOpened',
                'decisioning.propositionDisplay'
            ][i % 4],
            timestamp: new Date(Date.UTC(2024, 4, 1) + i * 60_000).toISOString(),
            commerce: { order: { purchaseID: text, priceTotal: i, currencyCode: 'usd' } },
            productListItems: Array.from({ length: 50 }, () => ({ name: text })),
            web: { webPageDetails: { name: text, URL: `https://example.com/${text}` } },
            directMarketing: { messageID: text }
        }
    }));
}

describe('size bound', () => {
    it.each([
        ['ASCII', HUGE],
        ['three-byte characters and quotes', WIDE]
    ])('shapes 1,000 events, 200 audiences and huge %s strings into at most CARD_MAX_BYTES', (_label, text) => {
        const names = new Map(
            Array.from({ length: 200 }, (_, i) => [`${String(i).padStart(8, '0')}-2b1d-4c3e-9f8a-7b6c5d4e3f21`, { name: text }])
        );
        const card = toCardModel(baseInput(hugeProfile(text), { status: 'available', children: thousandEvents(text) }, names));
        expect(CardModel.safeParse(card).success).toBe(true);
        expect(cardBytes(card)).toBeLessThanOrEqual(CARD_MAX_BYTES);
        // Only the configured namespaces count (ups by default; the aam copies are not shown).
        expect(card.audiences.length + card.truncated.audiences).toBe(200);
        expect(card.events.items.length + card.truncated.events).toBe(750);
        expect(card.computedAttributes.length + card.truncated.computedAttributes).toBe(300);
        // 60 emails + 100 ECIDs, read at most 60 per namespace (a graph holds at most 50 identities).
        expect(card.identities.length + card.truncated.identities).toBe(120);
        expect(card.scores[0]!.factors.every((f) => f.importance === 'high')).toBe(true);
        expect(card.lifetimeValue?.value.amount).toBe(12480.5);
        // Emails that would have to be cut are left out rather than shown wrong.
        expect(card.contactPoints.emails).toEqual([{ address: 'ok@example.com', kind: 'work', primary: false }]);
    });

    it('keeps the ASCII card full up to the caps', () => {
        const card = toCardModel(baseInput(hugeProfile(HUGE), { status: 'available', children: thousandEvents(HUGE) }));
        expect(card.events.items).toHaveLength(CARD_LIMITS.events);
        expect(card.audiences).toHaveLength(CARD_LIMITS.audiences);
        expect(card.person.displayName).toHaveLength(CARD_LIMITS.maxLabel);
        expect(card.person.displayName.endsWith('…')).toBe(true);
        // URLs that would have to be cut are dropped.
        expect(card.events.items.every((e) => e.url === null)).toBe(true);
    });

    it.each([
        ['an empty entity', {}],
        [
            'wrong types everywhere',
            {
                person: 'x',
                personalEmail: [1],
                loyalty: { points: 'many', tier: {} },
                segmentMembership: { ups: [1, 2] },
                identityMap: { email: 'x', phone: [null, 5, { id: 7 }] },
                _acmetelco: 7
            }
        ],
        ['nulls', { person: null, homeAddress: null, segmentMembership: null, identityMap: null, consents: null }],
        ['deep junk', JSON.parse(`${'{"a":'.repeat(2000)}1${'}'.repeat(2000)}`)],
        [
            'bad numbers and dates',
            {
                loyalty: { points: Number.NaN, joinDate: 'yesterday' },
                person: { birthDate: '1988-13-45' },
                _acmetelco: { CustomerAI: { churn_90d: { score: 150 } }, crm: { lifetimeValue: Infinity } }
            }
        ]
    ])('never throws on %s', (_label, entity) => {
        const events = [
            null,
            1,
            'x',
            { entity: null },
            { entity: { eventType: 5 } },
            { entity: { eventType: 'web.x', timestamp: 'soon', _id: 'a' } },
            { timestamp: -5, entity: { eventType: 'web.x', _id: 'b' } }
        ];
        const card = toCardModel(
            baseInput({ entityId: 'A28iJunkXid', entity }, { status: 'available', children: events, pages: [null, { children: 'no' }, 5] })
        );
        expect(card.person.displayName).toBe('Unnamed customer');
        expect(card.scores).toEqual([]);
        expect(card.events.items).toEqual([]);
        expect(card.lifetimeValue).toBeNull();
        expect(card.person.birthDate).toBeNull();
    });
});

describe('bound helpers', () => {
    it('cuts with an ellipsis without splitting a surrogate pair, and cleans control characters', () => {
        expect(clip('abcdef', 4)).toBe('abc…');
        expect(clip('ab😀cd', 4)).toBe('ab…');
        expect(clip('a\u0000b\u2028c', 10)).toBe('a b c');
        expect(clip('a\ud800b', 10)).toBe('ab');
    });

    it('allows only http(s) links, without query, fragment or credentials', () => {
        expect(safeUrl('https://shop.example/p?email=jane%40example.com#x')).toBe('https://shop.example/p');
        expect(safeUrl('javascript:alert(1)')).toBeNull();
        expect(safeUrl('data:text/html,hi')).toBeNull();
        expect(safeUrl('https://user:pw@shop.example/')).toBeNull();
        expect(safeUrl('not a url')).toBeNull();
    });
});
