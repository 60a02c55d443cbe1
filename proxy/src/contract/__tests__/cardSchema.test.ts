import { readFileSync } from 'node:fs';
import { CARD_LIMITS, CARD_MAX_BYTES, CardModel } from '../cardModel';
import { CARD_SCHEMA_FILE, cardModelJsonSchema, cardModelJsonSchemaText } from '../generate';
import { maximalInstance } from './support/maximalInstance';

const bytes = (v: unknown) => Buffer.byteLength(JSON.stringify(v), 'utf8');

describe('card model JSON Schema', () => {
    it('is committed exactly as generated (run npm run contracts after changing cardModel.ts)', () => {
        const committed = readFileSync(CARD_SCHEMA_FILE, 'utf8');
        expect(committed).toBe(cardModelJsonSchemaText());
    });

    it('bounds every list and string', () => {
        // maximalInstance throws on an array without maxItems, a string without maxLength or an open record.
        expect(() => maximalInstance(cardModelJsonSchema(), (n) => 'x'.repeat(n))).not.toThrow();
    });
});

describe('CARD_MAX_BYTES', () => {
    it('holds a card with every list at its cap and every string at its maximum length', () => {
        const card = maximalInstance(cardModelJsonSchema(), (n) => 'x'.repeat(n)) as CardModel;
        expect(CardModel.safeParse(card).success).toBe(true);
        expect(card.events.items).toHaveLength(CARD_LIMITS.events);
        expect(card.audiences).toHaveLength(CARD_LIMITS.audiences);
        expect(card.match.identitiesTried).toHaveLength(CARD_LIMITS.identitiesTried);
        expect(card.scores[0]!.factors).toHaveLength(CARD_LIMITS.factorsPerScore);
        expect(bytes(card)).toBeLessThanOrEqual(CARD_MAX_BYTES);
    });
});
