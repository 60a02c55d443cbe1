import * as fs from 'node:fs';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', parseTagValue: false, trimValues: true });

/** Parses a metadata XML file; throws with fast-xml-parser's line-precise message when it is not well-formed. */
export function readXml(file: string): Record<string, unknown> {
    const text = fs.readFileSync(file, 'utf8');
    const valid = XMLValidator.validate(text);
    if (valid !== true) {
        throw new XmlError(`malformed XML: ${valid.err.msg}`, valid.err.line);
    }
    return parser.parse(text) as Record<string, unknown>;
}

export class XmlError extends Error {
    constructor(
        message: string,
        readonly line: number
    ) {
        super(message);
        this.name = 'XmlError';
    }
}

/** Repeated elements parse to an array, single ones to a value: always work with an array. */
export function asArray<T>(value: T | T[] | undefined): T[] {
    if (value === undefined || value === null || (value as unknown) === '') return [];
    return Array.isArray(value) ? value : [value];
}

export function text(value: unknown): string | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'object') {
        const inner = (value as Record<string, unknown>)['#text'];
        return inner === undefined ? undefined : String(inner);
    }
    return String(value);
}
