import { conditionHolds, fieldValues, firstMatchingRule } from 'c/profileNextStep';

// A card with the fields the package's rules read (the real shape: customerProfileCard/__tests__/data/janeDoe.json).
const JANE = require('../../customerProfileCard/__tests__/data/janeDoe.json').card;
const MARIA_LIKE = {
    ...JANE,
    scores: [{ ...JANE.scores[0], score: 87, level: 'high' }],
    computedAttributes: [{ name: 'supportCallsLast30d', label: 'Support calls', value: 3, kind: 'number' }]
};
const EN = require('../../customerProfileCard/__tests__/data/config/cardConfig.en_US.json');
const DE = require('../../customerProfileCard/__tests__/data/config/cardConfig.de.json');

const rule = (name, text, ...conditions) => ({
    name,
    text,
    conditions: conditions.map(([field, operator, value]) => ({ field, operator, value }))
});

describe('c/profileNextStep', () => {
    describe('firstMatchingRule', () => {
        it('returns the first rule whose conditions all hold, in the order given', () => {
            const rules = [
                rule('A', 'first', ['score.churn.level', 'Equals', 'high'], ['attribute.supportCallsLast30d', 'At_Least', '2']),
                rule('B', 'second', ['score.churn.level', 'Equals', 'high']),
                rule('C', 'third', ['loyalty.tier', 'Equals', 'gold'])
            ];
            expect(firstMatchingRule(rules, JANE).name).toBe('B');
            expect(firstMatchingRule(rules, MARIA_LIKE).name).toBe('A');
        });

        it('returns null when no rule applies, for no rules, and for no card', () => {
            const rules = [
                rule('A', 'x', ['score.conversion.level', 'Equals', 'high']),
                rule('B', 'y', ['loyalty.tier', 'Equals', 'platinum'])
            ];
            expect(firstMatchingRule(rules, JANE)).toBeNull();
            expect(firstMatchingRule([], JANE)).toBeNull();
            expect(firstMatchingRule(undefined, JANE)).toBeNull();
            expect(firstMatchingRule(rules, null)).toBeNull();
        });

        it('never matches a rule without conditions or without text', () => {
            expect(firstMatchingRule([{ name: 'Empty', text: 'always?', conditions: [] }], JANE)).toBeNull();
            expect(firstMatchingRule([rule('NoText', '', ['loyalty.tier', 'Equals', 'gold'])], JANE)).toBeNull();
        });

        it("gives the rule's text in the language the configuration was resolved in", () => {
            // The same rules, texts resolved by Apex for an English and a German user: the engine picks the same rule.
            const en = firstMatchingRule(EN.rules, JANE);
            const de = firstMatchingRule(DE.rules, JANE);
            expect(en.name).toBe('Gold_Retention');
            expect(de.name).toBe('Gold_Retention');
            expect(en.text).toMatch(/^Offer the Acme Rewards retention bundle/);
            expect(de.text).toMatch(/^Bieten Sie vor Vertragsende das Acme-Rewards-Treuepaket an/);
        });

        it("picks the package's rule for each demo customer, and none for a calm one", () => {
            expect(firstMatchingRule(EN.rules, MARIA_LIKE).name).toBe('Resolve_First');
            const kenji = require('../../customerProfileCard/__tests__/data/kenjiSato.json').card;
            expect(firstMatchingRule(EN.rules, kenji).name).toBe('Convert_Lead');
            expect(firstMatchingRule(EN.rules, { ...JANE, scores: [], loyalty: null })).toBeNull();
        });
    });

    describe('conditions', () => {
        const holds = (field, operator, value, card = JANE) => conditionHolds(card, { field, operator, value });

        it('compares text without regard to case and numbers as numbers', () => {
            expect(holds('loyalty.tier', 'Equals', 'GOLD')).toBe(true);
            expect(holds('loyalty.tier', 'Not_Equals', 'silver')).toBe(true);
            expect(holds('score.churn.value', 'Equals', '72.0')).toBe(true);
            expect(holds('score.churn.value', 'At_Least', '70')).toBe(true);
            expect(holds('score.churn.value', 'At_Most', '70')).toBe(false);
            expect(holds('lifetimeValue.amount', 'At_Least', '10000')).toBe(true);
            expect(holds('loyalty.points', 'At_Most', 'lots')).toBe(false);
        });

        it('reads audiences by name or id, current memberships only', () => {
            expect(holds('audience', 'Equals', 'gold loyalty members')).toBe(true);
            expect(holds('audience', 'Equals', JANE.audiences[0].id)).toBe(true);
            expect(holds('audience', 'Equals', 'Cart abandoners – last 7 days')).toBe(false);
            expect(holds('audience', 'Not_Equals', 'Cart abandoners – last 7 days')).toBe(true);
        });

        it('reads consent, preferred channel, computed attributes and campaigns', () => {
            expect(holds('consent.call', 'Equals', 'n')).toBe(true);
            expect(holds('preferredChannel', 'Equals', 'email')).toBe(true);
            expect(holds('attribute.supportCallsLast30d', 'Equals', '1')).toBe(true);
            expect(holds('campaign.reached', 'Equals', 'converted')).toBe(true);
        });

        it('treats fields the card does not have as empty, so a typo never shows a suggestion', () => {
            expect(fieldValues(JANE, 'score.nonexistent.level')).toEqual([]);
            expect(fieldValues(JANE, 'loyalty.tierr')).toEqual([]);
            expect(holds('bogus.field', 'Equals', 'x')).toBe(false);
            expect(holds('bogus.field', 'Not_Exists', null)).toBe(true);
            expect(holds('loyalty.tier', 'Exists', null)).toBe(true);
            expect(holds('loyalty.tier', 'Sounds_Like', 'gold')).toBe(false);
        });
    });
});
