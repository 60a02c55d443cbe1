import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { z } from 'zod';
import { AuditViewsRequest } from '../src/http/auditViewsRequest';
import { LookupRequest } from '../src/http/lookupRequest';
import { CandidateProfile, CardModel, IdentityTried } from '../src/profile/cardModel';

/**
 * Writes the zod contracts into proxy.openapi.yaml as OpenAPI 3.0 schemas, so the served document never
 * hand-copies the card model. Run: `npx tsx proxy/openapi/generateSchemas.ts`. A test compares the file
 * with `generatedSchemas()` and fails on drift.
 */
export const OPENAPI_FILE = join(__dirname, 'proxy.openapi.yaml');

export function generatedSchemas(): Record<string, unknown> {
    const gen = (schema: z.ZodType) => z.toJSONSchema(schema, { target: 'openapi-3.0', io: 'input', unrepresentable: 'any' });
    return {
        LookupRequest: gen(LookupRequest),
        AuditViewsRequest: gen(AuditViewsRequest),
        CardModel: gen(CardModel),
        CandidateProfile: gen(CandidateProfile),
        IdentityTried: gen(IdentityTried)
    };
}

if (require.main === module) {
    const doc = YAML.parseDocument(readFileSync(OPENAPI_FILE, 'utf8'));
    for (const [name, schema] of Object.entries(generatedSchemas()))
        doc.setIn(['components', 'schemas', name], doc.createNode(schema, { flow: false }));
    writeFileSync(OPENAPI_FILE, doc.toString({ lineWidth: 0 }));
    console.log(`updated ${OPENAPI_FILE}`);
}
