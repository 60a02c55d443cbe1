/**
 * SOQL literal quoting. Values end up inside '...' in a query string sent over REST, so every
 * character SOQL treats specially inside a string literal is escaped
 * (https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_quotedstringescapes.htm).
 */
const ESCAPES: Record<string, string> = {
    '\\': '\\\\',
    "'": "\\'",
    '"': '\\"',
    '\n': '\\n',
    '\r': '\\r',
    '\t': '\\t',
    '\b': '\\b',
    '\f': '\\f'
};

export function soqlString(value: string): string {
    return `'${value.replace(/[\\'"\n\r\t\b\f]/g, (ch) => ESCAPES[ch] ?? ch)}'`;
}

export function soqlStringList(values: readonly string[]): string {
    if (values.length === 0) throw new Error('SOQL IN list needs at least one value');
    return `(${values.map(soqlString).join(', ')})`;
}
