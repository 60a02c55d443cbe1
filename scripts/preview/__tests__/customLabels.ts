import { readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';

/** Reads one label's text in one language straight from force-app, so the browser test checks real strings. */
const SOURCE = path.resolve(__dirname, '../../../force-app/main/default');
const TRANSLATIONS = path.resolve(__dirname, '../../../force-app/translations/translations');
const parser = new XMLParser({ ignoreAttributes: true, parseTagValue: false, isArray: (n) => n === 'labels' || n === 'customLabels' });

export function labelText(name: string, language: string): string {
    if (language === 'en_US') {
        const doc = parser.parse(readFileSync(path.join(SOURCE, 'labels/CustomLabels.labels-meta.xml'), 'utf8'));
        const label = (doc.CustomLabels.labels as { fullName: string; value: string }[]).find((l) => l.fullName === name);
        if (!label) throw new Error(`no label ${name}`);
        return label.value;
    }
    const doc = parser.parse(readFileSync(path.join(TRANSLATIONS, `${language}.translation-meta.xml`), 'utf8'));
    const entry = (doc.Translations.customLabels as { name: string; label: string }[]).find((l) => l.name === name);
    if (!entry) throw new Error(`no ${language} translation of ${name}`);
    return entry.label;
}
