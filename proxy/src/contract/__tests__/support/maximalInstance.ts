/**
 * Builds the largest JSON value a JSON Schema allows: every array at maxItems, every string at
 * maxLength, every nullable filled, every optional property present, the longest enum value and the
 * longest number literal. Used to prove the card's caps fit CARD_MAX_BYTES.
 */
type Schema = Record<string, unknown>;

/** The longest finite number literal JSON.stringify can print. */
const LONGEST_NUMBER = -1.2345678901234567e-300;

export function maximalInstance(schema: Schema, fill: (maxLength: number) => string, root: Schema = schema): unknown {
    if (typeof schema.$ref === 'string') {
        const name = schema.$ref.replace(/^#\/(\$defs|definitions)\//, '');
        const defs = (root.$defs ?? root.definitions) as Record<string, Schema>;
        return maximalInstance(defs[name] as Schema, fill, root);
    }
    for (const key of ['anyOf', 'oneOf'] as const) {
        const options = schema[key] as Schema[] | undefined;
        if (options) {
            const values = options.map((o) => maximalInstance(o, fill, root));
            return values.reduce((a, b) => (JSON.stringify(b).length > JSON.stringify(a).length ? b : a));
        }
    }
    if ('const' in schema) return schema.const;
    if (Array.isArray(schema.enum)) {
        return (schema.enum as unknown[]).reduce((a, b) => (JSON.stringify(b).length > JSON.stringify(a).length ? b : a));
    }
    if (Array.isArray(schema.type)) {
        const types = (schema.type as string[]).filter((t) => t !== 'null');
        return maximalInstance({ ...schema, type: types[0] ?? 'null' }, fill, root);
    }
    switch (schema.type) {
        case 'object': {
            const out: Record<string, unknown> = {};
            for (const [key, sub] of Object.entries((schema.properties ?? {}) as Record<string, Schema>)) {
                out[key] = maximalInstance(sub, fill, root);
            }
            const additional = schema.additionalProperties;
            const names = schema.propertyNames as Schema | undefined;
            if (additional && typeof additional === 'object' && names && Array.isArray(names.enum)) {
                for (const key of names.enum as string[]) out[key] = maximalInstance(additional as Schema, fill, root);
            } else if (additional && typeof additional === 'object') {
                throw new Error('unbounded record in the card schema: its size cannot be capped');
            }
            return out;
        }
        case 'array': {
            if (typeof schema.maxItems !== 'number') throw new Error('array without maxItems in the card schema');
            return Array.from({ length: schema.maxItems }, () => maximalInstance(schema.items as Schema, fill, root));
        }
        case 'string': {
            if (typeof schema.maxLength !== 'number') throw new Error('string without maxLength in the card schema');
            return fill(schema.maxLength);
        }
        case 'number':
        case 'integer': {
            const min = typeof schema.minimum === 'number' ? schema.minimum : undefined;
            const max = typeof schema.maximum === 'number' ? schema.maximum : undefined;
            if (schema.type === 'integer') return max ?? Number.MIN_SAFE_INTEGER;
            // Within bounds, a value with all 17 significant digits is the longest literal.
            return min !== undefined && max !== undefined ? min + (max - min) * 0.12345678901234567 : LONGEST_NUMBER;
        }
        case 'boolean':
            return false;
        case 'null':
            return null;
        default:
            throw new Error(`unhandled schema: ${JSON.stringify(schema).slice(0, 200)}`);
    }
}
