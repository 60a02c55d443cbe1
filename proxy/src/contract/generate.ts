import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { z } from 'zod';
import { AuditViewsRequest } from './auditViewsRequest';
import { CandidateProfile, CARD_MAX_BYTES, CARD_SCHEMA_VERSION, CardModel, IdentityTried } from './cardModel';
import { ErrorBody } from './errors';
import { LookupRequest } from './lookupRequest';
import { WarmRequest } from './warmRequest';

/**
 * `npm run contracts`: writes what is generated from the zod contracts in this folder, so no shape is copied by
 * hand: the card model as JSON Schema (cardModel.schema.json, draft 2020-12) and the schemas of the proxy's
 * OpenAPI document (proxy/openapi/proxy.openapi.yaml, served at /openapi.yaml). Tests compare both files with
 * these functions and fail on drift.
 */
export const CARD_SCHEMA_FILE = join(__dirname, 'cardModel.schema.json');
export const OPENAPI_FILE = join(__dirname, '..', '..', 'openapi', 'proxy.openapi.yaml');

export function cardModelJsonSchema(): Record<string, unknown> {
    return {
        ...z.toJSONSchema(CardModel),
        $id: `https://customer-activity-hub.local/schemas/card-model-v${CARD_SCHEMA_VERSION}.json`,
        title: 'CardModel',
        description: `Customer Activity Hub card model v${CARD_SCHEMA_VERSION}; serialised size at most ${CARD_MAX_BYTES} bytes. Generated from proxy/src/contract/cardModel.ts by npm run contracts; do not edit.`
    };
}

export function cardModelJsonSchemaText(): string {
    return `${JSON.stringify(cardModelJsonSchema(), null, 2)}\n`;
}

/** The OpenAPI 3.0 `components.schemas` entries generated from the contracts. */
export function openApiSchemas(): Record<string, unknown> {
    const gen = (schema: z.ZodType) => z.toJSONSchema(schema, { target: 'openapi-3.0', io: 'input', unrepresentable: 'any' });
    return {
        ErrorResponse: gen(ErrorBody),
        LookupRequest: gen(LookupRequest),
        WarmRequest: gen(WarmRequest),
        AuditViewsRequest: gen(AuditViewsRequest),
        CardModel: gen(CardModel),
        CandidateProfile: gen(CandidateProfile),
        IdentityTried: gen(IdentityTried)
    };
}

/** The OpenAPI document's text with its generated schemas replaced; everything hand-written is kept. */
export function openApiText(current: string): string {
    const doc = YAML.parseDocument(current);
    for (const [name, schema] of Object.entries(openApiSchemas()))
        doc.setIn(['components', 'schemas', name], doc.createNode(schema, { flow: false }));
    return doc.toString({ lineWidth: 0 });
}

if (require.main === module) {
    writeFileSync(CARD_SCHEMA_FILE, cardModelJsonSchemaText());
    writeFileSync(OPENAPI_FILE, openApiText(readFileSync(OPENAPI_FILE, 'utf8')));
    console.log(`wrote ${CARD_SCHEMA_FILE}\nwrote ${OPENAPI_FILE}`);
}
