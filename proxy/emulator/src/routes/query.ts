/** A parsed query string as Fastify hands it over: repeated parameters arrive as arrays. */
export type Query = Record<string, string | string[] | undefined>;

/** First value of a query parameter (AEP takes the first when a single-valued parameter repeats). */
export function one(query: Query, name: string): string | undefined {
    const value = query[name];
    return Array.isArray(value) ? value[0] : value;
}

/** Every value of a repeatable query parameter (e.g. `property`). */
export function all(query: Query, name: string): string[] {
    const value = query[name];
    if (value === undefined) return [];
    return Array.isArray(value) ? value : [value];
}
