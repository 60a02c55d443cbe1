import { readFileSync } from 'node:fs';
import YAML from 'yaml';
import { OPENAPI_FILE, openApiSchemas, openApiText } from '../generate';

describe('the OpenAPI document (proxy/openapi/proxy.openapi.yaml)', () => {
    const committed = readFileSync(OPENAPI_FILE, 'utf8');

    it('holds the schemas generated from the zod contracts (run npm run contracts after changing them)', () => {
        const doc = YAML.parse(committed);
        for (const [name, schema] of Object.entries(openApiSchemas())) expect(doc.components.schemas[name]).toEqual(schema);
    });

    it('keeps the hand-written parts when the schemas are regenerated', () => {
        const regenerated = YAML.parse(openApiText(committed));
        const original = YAML.parse(committed);
        expect(regenerated.paths).toEqual(original.paths);
        expect(regenerated.components.responses).toEqual(original.components.responses);
        expect(regenerated.components.schemas.Readiness).toEqual(original.components.schemas.Readiness);
    });
});
