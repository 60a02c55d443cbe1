import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';

/**
 * Twin of ProfileCardConfigController.getCardConfig (force-app/main/default/classes/ProfileCardConfigController.cls):
 * the package's next-step rules and label mappings (custom metadata records in force-app), each Custom Label resolved
 * in the preview user's language like ProfileLabelResolver (the translation when there is one, else the label's own
 * text); rows whose label does not exist are left out and named in `problems`.
 */

const FORCE_APP = path.resolve(__dirname, '../../../force-app');
const METADATA_DIR = path.join(FORCE_APP, 'main/default/customMetadata');
const LABELS_FILE = path.join(FORCE_APP, 'main/default/labels/CustomLabels.labels-meta.xml');
const TRANSLATIONS_DIR = path.join(FORCE_APP, 'translations/translations');
const MAX_CONDITIONS = 3;

export interface CardConfig {
    language: string;
    rules: { name: string; text: string; conditions: { field: string; operator: string; value: string | null }[] }[];
    labels: {
        kind: string | null;
        key: string;
        scoreKey: string | null;
        value: string | null;
        text: string;
        raisesText: string | null;
        lowersText: string | null;
        direction: string | null;
        unit: string | null;
    }[];
    problems: string[];
}

const parser = new XMLParser({
    ignoreAttributes: true,
    parseTagValue: false,
    isArray: (name) => name === 'values' || name === 'labels' || name === 'customLabels'
});

type Row = { developerName: string; values: Record<string, string | null> };

function rowsOf(type: string): Row[] {
    return readdirSync(METADATA_DIR)
        .filter((file) => file.startsWith(`${type}.`) && file.endsWith('.md-meta.xml'))
        .sort()
        .map((file) => {
            const doc = parser.parse(readFileSync(path.join(METADATA_DIR, file), 'utf8'));
            const values: Record<string, string | null> = {};
            for (const entry of doc?.CustomMetadata?.values ?? []) {
                values[String(entry.field)] = typeof entry.value === 'string' ? entry.value : null;
            }
            return { developerName: file.slice(type.length + 1, -'.md-meta.xml'.length), values };
        });
}

/** Label name -> text for the language: the translation when one exists, else the label's own (English) text. */
function labelTexts(language: string): Map<string, string> {
    const texts = new Map<string, string>();
    for (const label of parser.parse(readFileSync(LABELS_FILE, 'utf8')).CustomLabels.labels) {
        texts.set(String(label.fullName), String(label.value));
    }
    if (language !== 'en_US') {
        const file = path.join(TRANSLATIONS_DIR, `${language}.translation-meta.xml`);
        let entries: { name: unknown; label: unknown }[] = [];
        try {
            entries = parser.parse(readFileSync(file, 'utf8')).Translations?.customLabels ?? [];
        } catch {
            // A language without a translation file shows the labels' own text, as Salesforce does.
        }
        for (const entry of entries)
            if (texts.has(String(entry.name)) && String(entry.label) !== '') texts.set(String(entry.name), String(entry.label));
    }
    return texts;
}

export function readCardConfig(language: string): CardConfig {
    const texts = labelTexts(language);
    const text = (name: string | null | undefined) => (name ? (texts.get(name.trim()) ?? null) : null);
    const config: CardConfig = { language, rules: [], labels: [], problems: [] };

    const rules = rowsOf('Profile_Next_Step_Rule')
        .filter((row) => row.values.Active__c === 'true')
        .sort(
            (a, b) =>
                Number(a.values.Sort_Order__c ?? 1e6) - Number(b.values.Sort_Order__c ?? 1e6) ||
                (a.developerName < b.developerName ? -1 : 1)
        );
    for (const row of rules) {
        const ruleText = text(row.values.Label_Name__c);
        if (ruleText === null) {
            config.problems.push(`Next step rule ${row.developerName}: the Custom Label ${row.values.Label_Name__c} does not exist.`);
            continue;
        }
        const conditions: CardConfig['rules'][number]['conditions'] = [];
        for (let i = 1; i <= MAX_CONDITIONS; i++) {
            const field = row.values[`Condition_${i}_Field__c`];
            const operator = row.values[`Condition_${i}_Operator__c`];
            if (field && operator) conditions.push({ field: field.trim(), operator, value: row.values[`Condition_${i}_Value__c`] ?? null });
            else if (i === 1) break;
        }
        if (conditions.length === 0) config.problems.push(`Next step rule ${row.developerName}: condition 1 has no field or operator.`);
        else config.rules.push({ name: row.developerName, text: ruleText, conditions });
    }

    for (const row of rowsOf('Profile_Label_Mapping')) {
        const mappingText = text(row.values.Label_Name__c);
        if (mappingText === null || !row.values.Key__c) {
            config.problems.push(`Label mapping ${row.developerName}: the Custom Label ${row.values.Label_Name__c} does not exist.`);
            continue;
        }
        config.labels.push({
            kind: row.values.Kind__c ?? null,
            key: row.values.Key__c.trim(),
            scoreKey: row.values.Score_Key__c?.trim() || null,
            value: row.values.Value__c?.trim() || null,
            text: mappingText,
            raisesText: text(row.values.Raises_Label_Name__c),
            lowersText: text(row.values.Lowers_Label_Name__c),
            direction: row.values.Direction__c ?? null,
            unit: row.values.Unit__c ?? null
        });
    }
    return config;
}
