import profileMap from './data/mariaLopez.profile.json';
import eventPages from './data/mariaLopez.events.json';
import audienceNames from './data/mariaLopez.audienceNames.json';
import { parseEntityMap } from '../../contract/aepEntities';
import { SENSITIVE_CARD_FIELDS, type CardModel } from '../../contract/cardModel';
import { withoutSensitiveFields } from '../sensitiveFields';
import { parseShapingConfig } from '../shapingConfig';
import { toCardModel } from '../toCardModel';

/** Maria Lopez's card (__tests__/data/mariaLopez.profile.json) has a birth date, a gender and a home address. */
function mariaCard(): CardModel {
    return toCardModel({
        envelope: parseEntityMap(profileMap)[0]!,
        match: {
            candidate: { field: 'Email', namespace: 'Email', maskedValue: 'm•••@example.com' },
            selectedBy: 'priority',
            ambiguous: false,
            ambiguityReason: null,
            alternatives: [],
            identitiesTried: [{ field: 'Email', namespace: 'Email', maskedValue: 'm•••@example.com', outcome: 'matched' }]
        },
        events: { status: 'available', pages: eventPages },
        audienceNames: new Map(Object.entries(audienceNames).map(([id, name]) => [id, { name }])),
        mergePolicy: { id: '7b0e1f2c-3d4e-4f50-8a6b-9c8d7e6f5a41', name: 'Default Timebased' },
        freshness: { fetchedAt: '2024-05-06T09:00:00.000Z', fromCache: false, stale: false, staleReason: null },
        config: parseShapingConfig(undefined)
    });
}

const valueAt = (card: CardModel, [section, field]: (typeof SENSITIVE_CARD_FIELDS)[number]): unknown =>
    (card[section] as Record<string, unknown>)[field];

describe('withoutSensitiveFields', () => {
    const card = mariaCard();
    const minimised = withoutSensitiveFields(card);

    it('starts from a card that has every sensitive field', () => {
        for (const path of SENSITIVE_CARD_FIELDS) expect(valueAt(card, path)).not.toBeNull();
    });

    it('nulls exactly the fields SENSITIVE_CARD_FIELDS names (the ones ProfileCardFilter.cls removes) and keeps their keys', () => {
        for (const path of SENSITIVE_CARD_FIELDS) {
            expect(Object.keys(minimised[path[0]])).toContain(path[1]);
            expect(valueAt(minimised, path)).toBeNull();
        }
        const expected = structuredClone(card);
        for (const [section, field] of SENSITIVE_CARD_FIELDS) (expected[section] as Record<string, unknown>)[field] = null;
        expect(minimised).toEqual(expected);
    });

    it('leaves the card it was given untouched (a cached full card stays full)', () => {
        expect(card).toEqual(mariaCard());
    });
});
