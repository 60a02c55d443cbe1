/**
 * Reads the package's Custom Labels and their translations from force-app, so the preview shows exactly
 * the strings an org shows (translations live in their own package directory). Returns Map<labelName, { en_US: value, ko: value, ... }>.
 */
import fs from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';

const parser = new XMLParser({
    ignoreAttributes: true,
    parseTagValue: false,
    trimValues: false,
    isArray: (name) => name === 'labels' || name === 'customLabels'
});

function parseXml(file) {
    try {
        return parser.parse(fs.readFileSync(file, 'utf8'));
    } catch (e) {
        throw new Error(`cannot read ${file}: ${e.message}`);
    }
}

function text(value) {
    return value === undefined || value === null ? '' : String(value);
}

export function readLabels(sourceDir, translationsDir) {
    const labelsFile = path.join(sourceDir, 'labels', 'CustomLabels.labels-meta.xml');
    const labels = new Map();
    if (!fs.existsSync(labelsFile)) {
        return labels;
    }
    for (const label of parseXml(labelsFile).CustomLabels?.labels ?? []) {
        const name = text(label.fullName).trim();
        if (!name) {
            throw new Error(`${labelsFile}: a label has no fullName`);
        }
        const language = text(label.language).trim() || 'en_US';
        labels.set(name, { [language]: text(label.value), en_US: text(label.value) });
    }
    if (!fs.existsSync(translationsDir)) {
        return labels;
    }
    for (const file of fs
        .readdirSync(translationsDir)
        .filter((f) => f.endsWith('.translation-meta.xml'))
        .sort()) {
        const language = file.replace(/\.translation-meta\.xml$/, '');
        for (const entry of parseXml(path.join(translationsDir, file)).Translations?.customLabels ?? []) {
            const name = text(entry.name).trim();
            const translations = labels.get(name);
            // A translation of a label that does not exist is the checker's business (scripts/sfdx/checkLabels.ts), not a preview failure.
            if (translations && text(entry.label) !== '') {
                translations[language] = text(entry.label);
            }
        }
    }
    return labels;
}
