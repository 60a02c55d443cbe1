import type { CardModel } from './cardModel';

/**
 * The card fields only agents with Salesforce's View_Sensitive_Profile_Fields permission see: birth date,
 * gender and home address. The proxy leaves them out unless the look-up asks for them (`includeSensitive`), so
 * they never cross into Salesforce for other agents; the Apex relay's ProfileCardFilter removes the same fields
 * again as a second line of defence. Keys stay, with null values: the card model declares them nullable.
 */
export const SENSITIVE_CARD_FIELDS = [
    ['person', 'birthDate'],
    ['person', 'gender'],
    ['contactPoints', 'address']
] as const;

export function withoutSensitiveFields(card: CardModel): CardModel {
    return {
        ...card,
        person: { ...card.person, birthDate: null, gender: null },
        contactPoints: { ...card.contactPoints, address: null }
    };
}
