/*
 * The next-step rules engine: the admin's rules (Profile_Next_Step_Rule__mdt, delivered in Sort Order with their text
 * already in the agent's language by ProfileCardConfigController) evaluated against a card model. Pure: no DOM, no
 * Apex. The first rule whose conditions all hold wins; no rule, no suggestion.
 *
 * Card fields a condition can name:
 *   score.KEY.level (low, medium, high)   score.KEY.value (0-100)
 *   loyalty.tier  loyalty.points          lifetimeValue.amount  lifetimeValue.tier
 *   audience (a current audience's name or id)   attribute.NAME (a computed attribute)
 *   consent.CHANNEL (y, n, ...)           preferredChannel      campaign.reached (a campaign's furthest step)
 */

const NUMBER = /^\s*-?\d+(\.\d+)?\s*$/;

function scoreOf(card, key) {
    return (card?.scores ?? []).find((score) => score.key === key) ?? null;
}

/**
 * The values a card field holds: a list, since some fields hold several (every current audience, every campaign).
 * An unknown field holds nothing, so its rule never matches (an admin's typo hides a suggestion, it never shows a wrong one).
 */
export function fieldValues(card, field) {
    const [root, key, leaf] = String(field ?? '')
        .trim()
        .split('.');
    const one = (value) => (value === null || value === undefined || value === '' ? [] : [value]);
    switch (root) {
        case 'score': {
            const score = scoreOf(card, key);
            if (!score) {
                return [];
            }
            return leaf === 'level' ? one(score.level) : leaf === 'value' ? one(score.score) : [];
        }
        case 'loyalty':
            return key === 'tier' ? one(card?.loyalty?.tier) : key === 'points' ? one(card?.loyalty?.points) : [];
        case 'lifetimeValue':
            return key === 'amount' ? one(card?.lifetimeValue?.value?.amount) : key === 'tier' ? one(card?.lifetimeValue?.valueTier) : [];
        case 'audience':
            return (card?.audiences ?? []).filter((a) => a.status !== 'exited').flatMap((a) => [a.name, a.id]);
        case 'attribute': {
            const attribute = (card?.computedAttributes ?? []).find((a) => a.name === key);
            return attribute ? one(attribute.value) : [];
        }
        case 'consent':
            return one(card?.contactPoints?.marketingConsent?.[key]);
        case 'preferredChannel':
            return one(card?.contactPoints?.preferredChannel);
        case 'campaign':
            return key === 'reached' ? (card?.campaigns ?? []).map((c) => c.reached) : [];
        default:
            return [];
    }
}

function equalsValue(actual, expected) {
    if (NUMBER.test(String(actual)) && NUMBER.test(String(expected ?? ''))) {
        return Number(actual) === Number(expected);
    }
    return (
        String(actual).trim().toLowerCase() ===
        String(expected ?? '')
            .trim()
            .toLowerCase()
    );
}

function numeric(actual, expected, compare) {
    return NUMBER.test(String(actual)) && NUMBER.test(String(expected ?? '')) && compare(Number(actual), Number(expected));
}

/** Whether one condition holds for the card. An unknown operator never holds. */
export function conditionHolds(card, condition) {
    const values = fieldValues(card, condition?.field);
    const expected = condition?.value;
    switch (condition?.operator) {
        case 'Equals':
            return values.some((v) => equalsValue(v, expected));
        case 'Not_Equals':
            return !values.some((v) => equalsValue(v, expected));
        case 'At_Least':
            return values.some((v) => numeric(v, expected, (a, b) => a >= b));
        case 'At_Most':
            return values.some((v) => numeric(v, expected, (a, b) => a <= b));
        case 'Exists':
            return values.length > 0;
        case 'Not_Exists':
            return values.length === 0;
        default:
            return false;
    }
}

/** The first rule whose conditions all hold, or null. A rule without conditions never matches. */
export function firstMatchingRule(rules, card) {
    if (!card) {
        return null;
    }
    for (const rule of rules ?? []) {
        const conditions = rule?.conditions ?? [];
        if (conditions.length > 0 && rule.text && conditions.every((condition) => conditionHolds(card, condition))) {
            return rule;
        }
    }
    return null;
}
