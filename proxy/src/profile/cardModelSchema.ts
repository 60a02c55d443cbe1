/**
 * The card model as JSON Schema (draft 2020-12), generated from the zod contract so the two cannot
 * differ. Exports: cardModelJsonSchema(): object, cardModelJsonSchemaText(): string (the committed file's text).
 */
import { z } from 'zod';
import { CARD_MAX_BYTES, CARD_SCHEMA_VERSION, CardModel } from './cardModel';

export function cardModelJsonSchema(): Record<string, unknown> {
    return {
        ...z.toJSONSchema(CardModel),
        $id: `https://customer-activity-hub.local/schemas/card-model-v${CARD_SCHEMA_VERSION}.json`,
        title: 'CardModel',
        description: `Customer Activity Hub card model v${CARD_SCHEMA_VERSION}; serialised size at most ${CARD_MAX_BYTES} bytes. Generated from proxy/src/profile/cardModel.ts by npm run schema; do not edit.`
    };
}

export function cardModelJsonSchemaText(): string {
    return `${JSON.stringify(cardModelJsonSchema(), null, 2)}\n`;
}
