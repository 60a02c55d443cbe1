/*
 * Custom Labels for jest: sfdx-lwc-jest turns `@salesforce/label/c.X` into the string "c.X" unless the
 * module is mocked. We register every label of CustomLabels.labels-meta.xml (or of one translation) with
 * its real text, so tests assert what an agent reads and placeholders ({0}) are exercised for real.
 * Replaces the default of @lwc/jest-transformer's label-scoped-import transform.
 */
const fs = require('fs');
const path = require('path');
const { XMLParser } = require('fast-xml-parser');

const METADATA_DIR = path.resolve(__dirname, '../../main/default');
// Translations are their own package directory (deployed once Translation Workbench is on).
const TRANSLATIONS_DIR = path.resolve(__dirname, '../../translations/translations');
const parser = new XMLParser({
    isArray: (name) => name === 'labels' || name === 'customLabels',
    parseTagValue: false,
    trimValues: false
});

/** Label name -> text for `en_US` (the CustomLabels file) or a translation language (ko, nl_NL, de, fr, zh_TW). */
function labelsFor(language = 'en_US') {
    if (language === 'en_US') {
        const xml = fs.readFileSync(path.join(METADATA_DIR, 'labels/CustomLabels.labels-meta.xml'), 'utf8');
        const labels = parser.parse(xml).CustomLabels.labels;
        return Object.fromEntries(labels.map((label) => [label.fullName, label.value]));
    }
    const file = path.join(TRANSLATIONS_DIR, `${language}.translation-meta.xml`);
    const entries = parser.parse(fs.readFileSync(file, 'utf8')).Translations.customLabels;
    return Object.fromEntries(entries.map((entry) => [entry.name, entry.label]));
}

/** Makes `import X from '@salesforce/label/c.<name>'` return the given text in modules required afterwards. */
function registerLabels(labels) {
    for (const [name, text] of Object.entries(labels)) {
        jest.doMock(`@salesforce/label/c.${name}`, () => ({ __esModule: true, default: text }), { virtual: true });
    }
}

module.exports = { labelsFor, registerLabels };
