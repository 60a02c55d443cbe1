import { readFileSync } from 'node:fs';
import path from 'node:path';
import OpenAPIBackend, { ValidationContext } from 'openapi-backend';
import YAML from 'yaml';

/*
 * openapi-backend requires @apidevtools/json-schema-ref-parser, which ships ESM only; the shared jest config
 * transforms only jose from node_modules, so jest cannot load it. In quick mode with an object
 * definition openapi-backend only calls its `parse` (identity for an object) and dereferences with the
 * synchronous `dereference-json-schema` instead, so this loader shim changes nothing that is validated.
 * Remove it once '@apidevtools/json-schema-ref-parser' is added to the ESM transform list in jest.config.js.
 * It is mocked where openapi-backend finds it: package.json's overrides pin it, and npm installs it under
 * openapi-backend's own node_modules.
 */
jest.mock(require.resolve('@apidevtools/json-schema-ref-parser', { paths: [require.resolve('openapi-backend')] }), () => {
    const unavailable = async (): Promise<never> => {
        throw new Error('json-schema-ref-parser is not loadable under jest (ESM only); use quick mode with an object definition');
    };
    return { __esModule: true, default: { parse: async (doc: unknown) => doc, dereference: unavailable, resolve: unavailable } };
});

/** Adobe's OpenAPI files, byte-for-byte copies kept in the repo (provenance and sha256 in specs/adobe/SOURCES.md). */
export const SPEC_DIR = path.resolve(__dirname, '../specs/adobe');

export type SpecName = 'profile.yaml' | 'history/profile@83027f4d.yaml' | 'identity-service.yaml' | 'segmentation.yaml';

/**
 * openapi-backend's own YAML loader fails on Adobe's files ("deficient indentation"), and its definition
 * check rejects them (Adobe's profile.yaml has schema errors unrelated to the routes we use), so we parse
 * with `yaml` and start in quick mode (no whole-document check; every response is still validated by ajv).
 * Examples are dropped first: segmentation.yaml examples carry `$ref: https://ns.adobe.com/...` strings
 * that the synchronous dereferencer tries to follow. Examples play no part in validation.
 */
export function loadDefinition(name: SpecName): Record<string, unknown> {
    const doc = YAML.parse(readFileSync(path.join(SPEC_DIR, name), 'utf8'), { strict: false, uniqueKeys: false }) as Record<
        string,
        unknown
    >;
    return stripExamples(doc) as Record<string, unknown>;
}

function stripExamples(value: unknown, parentKey?: string): unknown {
    if (Array.isArray(value)) return value.map((v) => stripExamples(v));
    if (typeof value !== 'object' || value === null) return value;
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) {
        // Under `properties`, "example" would be a field name, not an example.
        if ((key === 'example' || key === 'examples') && parentKey !== 'properties') continue;
        out[key] = stripExamples(child, key);
    }
    return out;
}

const cache = new Map<string, Promise<OpenAPIBackend>>();

/**
 * The spec as openapi-backend serves it. `patch` exists for the proxy's request checks (proxy/test/aepContract.test.ts
 * documents its one deviation); the emulator's own response checks never patch Adobe's schemas.
 */
export function specApi(name: SpecName, patch?: (doc: Record<string, unknown>) => void): Promise<OpenAPIBackend> {
    const key = patch ? `${name}#patched` : name;
    let api = cache.get(key);
    if (!api) {
        const definition = loadDefinition(name);
        patch?.(definition);
        const backend = new OpenAPIBackend({ definition: definition as never, quick: true, strict: true, ajvOpts: { strict: false } });
        api = backend.init();
        cache.set(key, api);
    }
    return api;
}

/** Validates a response body against the spec's schema for (operation, status); throws with ajv's errors. */
export async function expectValidResponse(name: SpecName, operationId: string, status: number, body: unknown): Promise<void> {
    const api = await specApi(name);
    assertValid(api, operationId, status, body, name);
}

export function assertValid(api: OpenAPIBackend, operationId: string, status: number, body: unknown, label: string): void {
    const operation = api.getOperation(operationId);
    if (!operation) throw new Error(`${label}: no operation ${operationId}`);
    const responses = (operation.responses ?? {}) as Record<string, unknown>;
    if (!(String(status) in responses))
        throw new Error(`${label}: ${operationId} documents no ${status} response (has ${Object.keys(responses).join(',')})`);
    const result = api.validateResponse(body, operation, status);
    if (!result.valid)
        throw new Error(`${label} ${operationId} ${status}: ${JSON.stringify(result.errors)}\nbody: ${JSON.stringify(body).slice(0, 500)}`);
}

/**
 * Validates `value` against one schema of the spec as Adobe wrote it, found by its path in the (dereferenced)
 * document, e.g. ['components', 'schemas', 'GraphResponse', 'properties', 'graphs']. For answers whose documented
 * media type openapi-backend does not validate (it reads only `application/json`), or whose spec contradicts its
 * own examples so that the whole body cannot match (then each part is checked against the part the spec describes).
 */
export async function expectValidAgainst(name: SpecName, path: readonly string[], value: unknown): Promise<void> {
    const api = await specApi(name);
    let schema: unknown = api.document;
    for (const key of path) schema = (schema as Record<string, unknown> | undefined)?.[key];
    if (typeof schema !== 'object' || schema === null) throw new Error(`${name}: no schema at ${path.join('/')}`);
    // The schema's $refs point into the document (#/components/...): compile it with the document's components beside it.
    const components = (api.document as { components?: unknown }).components;
    const validate = api.validator.getAjv(ValidationContext.Response).compile({ ...(schema as object), components });
    if (!validate(value))
        throw new Error(`${name} ${path.join('/')}: ${JSON.stringify(validate.errors)}\nvalue: ${JSON.stringify(value).slice(0, 500)}`);
}
