import type { CardModel } from '../contract/cardModel';

/**
 * The card without its sensitive fields (SENSITIVE_CARD_FIELDS in proxy/src/contract/cardModel.ts), for a
 * look-up that did not ask for them (`includeSensitive`), so they never cross into Salesforce for agents without
 * the permission. Keys stay, with null values: the card model declares them nullable.
 */
export function withoutSensitiveFields(card: CardModel): CardModel {
    return {
        ...card,
        person: { ...card.person, birthDate: null, gender: null },
        contactPoints: { ...card.contactPoints, address: null }
    };
}
