import * as path from 'node:path';
import { listSourceFiles, relative, type Problem } from './problem';
import { asArray, readXml, text } from './xml';

type Xml = Record<string, unknown>;

/** One length limit: `element` (a path of child elements under the root, `[]` = every repetition) of a type. */
interface LengthRule {
    suffix: string;
    element: string;
    max: number;
    /** Where the limit is documented; "conservative" where only a sibling type's limit is documented. */
    source: string;
}

const FIELD_REFERENCE =
    'https://developer.salesforce.com/docs/platform/field-reference/references/field-reference/salesforce-field-reference';

/**
 * Limits of text fields the Metadata API enforces only at deploy time, as documented in Salesforce's field and
 * object references and Help. Where a type's own limit is not documented, the limit of its nearest documented
 * sibling applies (marked conservative): a description that fits it fits anywhere.
 */
export const LENGTH_RULES: readonly LengthRule[] = [
    { suffix: '.permissionset-meta.xml', element: 'description', max: 255, source: `${FIELD_REFERENCE}-permissionset.html` },
    { suffix: '.permissionset-meta.xml', element: 'label', max: 80, source: `${FIELD_REFERENCE}-permissionset.html` },
    { suffix: '.customPermission-meta.xml', element: 'description', max: 255, source: `${FIELD_REFERENCE}-custompermission.html` },
    { suffix: '.customPermission-meta.xml', element: 'label', max: 80, source: `${FIELD_REFERENCE}-custompermission.html` },
    { suffix: '.namedCredential-meta.xml', element: 'description', max: 255, source: `${FIELD_REFERENCE}-namedcredential.html` },
    { suffix: '.externalCredential-meta.xml', element: 'description', max: 255, source: 'conservative: NamedCredential.Description' },
    { suffix: '.cachePartition-meta.xml', element: 'description', max: 255, source: 'conservative: NamedCredential.Description' },
    { suffix: '.app-meta.xml', element: 'description', max: 255, source: 'conservative: NamedCredential.Description' },
    { suffix: '.flexipage-meta.xml', element: 'description', max: 255, source: 'conservative: NamedCredential.Description' },
    { suffix: '.object-meta.xml', element: 'description', max: 255, source: 'conservative: NamedCredential.Description' },
    { suffix: '.object-meta.xml', element: 'label', max: 40, source: 'Help: custom object Label, 40 characters' },
    { suffix: '.object-meta.xml', element: 'pluralLabel', max: 40, source: 'Help: custom object Plural Label, 40 characters' },
    { suffix: '.field-meta.xml', element: 'label', max: 40, source: 'Help: custom field Field Label, 40 characters' },
    { suffix: '.field-meta.xml', element: 'description', max: 1000, source: 'Help: custom field Description, 1,000 characters' },
    { suffix: '.field-meta.xml', element: 'inlineHelpText', max: 510, source: 'Help: custom field Help Text, 510 characters' },
    { suffix: '.md-meta.xml', element: 'label', max: 40, source: 'Help: custom metadata record Label, 40 characters' },
    { suffix: '.labels-meta.xml', element: 'labels[].value', max: 1000, source: 'Help: Custom Labels, value up to 1,000 characters' },
    {
        suffix: '.labels-meta.xml',
        element: 'labels[].shortDescription',
        max: 80,
        source: 'Help: Custom Labels, Short Description 80 characters'
    },
    { suffix: '.labels-meta.xml', element: 'labels[].fullName', max: 80, source: 'Help: Custom Labels, Name 80 characters' },
    {
        suffix: '.translation-meta.xml',
        element: 'customLabels[].label',
        max: 1000,
        source: 'Help: Custom Labels, value up to 1,000 characters'
    }
];

/** The values at `element` under the root element, with a name for the message (label name for repeated entries). */
function valuesAt(rootElement: Xml, element: string): { where: string; value: string }[] {
    const [listName, leaf] = element.includes('[].') ? element.split('[].') : [undefined, element];
    if (!listName) {
        const value = text(rootElement[leaf as string]);
        return value === undefined ? [] : [{ where: element, value }];
    }
    return asArray(rootElement[listName] as Xml[]).flatMap((entry) => {
        const value = text(entry[leaf as string]);
        const name = text(entry.fullName) ?? text(entry.name) ?? '?';
        return value === undefined ? [] : [{ where: `${listName} ${name}: ${leaf}`, value }];
    });
}

/**
 * Text that exceeds its field's length fails the deploy, and only in the org. Counts characters as Salesforce does
 * (UTF-16 code units are close enough for the Latin, Hangul and Han texts here; every limit has room to spare).
 * Also checks custom metadata records against their own Text fields' declared lengths.
 */
export function checkFieldLengths(root: string): Problem[] {
    const problems: Problem[] = [];
    const files = listSourceFiles(root, (n) => n.endsWith('-meta.xml'));
    const parse = (file: string): Xml | undefined => {
        try {
            const doc = readXml(file);
            const name = Object.keys(doc).find((k) => k !== '?xml');
            return name ? ((doc[name] ?? {}) as Xml) : undefined;
        } catch {
            return undefined; // malformed XML is reported by checkMetadata
        }
    };

    for (const file of files) {
        const rules = LENGTH_RULES.filter((r) => file.endsWith(r.suffix));
        if (rules.length === 0) continue;
        const rootElement = parse(file);
        if (!rootElement) continue;
        for (const rule of rules) {
            for (const { where, value } of valuesAt(rootElement, rule.element)) {
                if (value.length > rule.max) {
                    problems.push({
                        check: 'field-lengths',
                        file: relative(root, file),
                        message: `${where} is ${value.length} characters; the limit is ${rule.max} (${rule.source})`
                    });
                }
            }
        }
    }

    // Custom metadata records: each Text value fits its field's <length>.
    const textLengths = new Map<string, number>();
    for (const file of files.filter((f) => f.endsWith('.field-meta.xml'))) {
        const field = parse(file);
        const length = Number(text(field?.length));
        if (text(field?.type) === 'Text' && Number.isFinite(length)) {
            const object = path.basename(path.dirname(path.dirname(file)));
            textLengths.set(`${object}.${path.basename(file, '.field-meta.xml')}`, length);
        }
    }
    for (const file of files.filter((f) => f.endsWith('.md-meta.xml'))) {
        const record = parse(file);
        const type = `${path.basename(file).split('.')[0]}__mdt`;
        for (const entry of asArray(record?.values as Xml[])) {
            const field = text(entry.field);
            const value = text(entry.value);
            const max = textLengths.get(`${type}.${field}`);
            if (value !== undefined && max !== undefined && value.length > max) {
                problems.push({
                    check: 'field-lengths',
                    file: relative(root, file),
                    message: `${field} is ${value.length} characters; the field holds ${max}`
                });
            }
        }
    }
    return problems;
}
