import * as fs from 'node:fs';
import * as path from 'node:path';
import { listFiles, listSourceFiles, lwcDirectories, packageDirectories, relative, type Problem } from './problem';
import { asArray, readXml, text } from './xml';

/** The languages of the blueprint: English is the CustomLabels default, the others are translation files. */
export const TRANSLATION_LANGUAGES = ['ko', 'nl_NL', 'de', 'fr', 'zh_TW'] as const;

const LABEL_IMPORT = /from\s+['"]@salesforce\/label\/c\.([A-Za-z0-9_]+)['"]/g;
const LABELS_FILE = 'CustomLabels.labels-meta.xml';
const TRANSLATION_SUFFIX = '.translation-meta.xml';

/** Custom metadata fields that name a Custom Label resolved at run time (ProfileLabelResolver.cls). */
const LABEL_NAME_FIELD = /Label_Name__c$/;

/**
 * Label names custom metadata records name (Profile_Next_Step_Rule__mdt, Profile_Label_Mapping__mdt), with the
 * record file and the line of the value: Apex resolves them in the user's language, so they need the same checks as
 * the labels the LWC imports.
 */
export function metadataLabels(root: string): Map<string, { file: string; line: number }> {
    const out = new Map<string, { file: string; line: number }>();
    for (const file of listSourceFiles(root, (n) => n.endsWith('.md-meta.xml')).sort()) {
        const source = fs.readFileSync(file, 'utf8');
        let doc: Record<string, unknown>;
        try {
            doc = readXml(file).CustomMetadata as Record<string, unknown>;
        } catch {
            continue; // a malformed record is the metadata check's to report
        }
        for (const entry of asArray(doc?.values as Record<string, unknown>[])) {
            const field = text(entry.field) ?? '';
            const name = text(entry.value)?.trim();
            if (!LABEL_NAME_FIELD.test(field) || !name || out.has(name)) continue;
            const index = source.indexOf(name);
            out.set(name, { file, line: index < 0 ? 1 : source.slice(0, index).split('\n').length });
        }
    }
    return out;
}

/** Label names imported by the LWC sources, with the first file and line that imports each. */
export function importedLabels(lwcDirs: string[]): Map<string, { file: string; line: number }> {
    const out = new Map<string, { file: string; line: number }>();
    for (const file of lwcDirs.flatMap((dir) => listFiles(dir, (n) => n.endsWith('.js')))) {
        const source = fs.readFileSync(file, 'utf8');
        for (const match of source.matchAll(LABEL_IMPORT)) {
            const name = match[1] as string;
            if (!out.has(name)) out.set(name, { file, line: source.slice(0, match.index).split('\n').length });
        }
    }
    return out;
}

/**
 * Every label an LWC imports (`@salesforce/label/c.X`) or a custom metadata record names (a `*Label_Name__c` field,
 * resolved by Apex at run time) exists in CustomLabels with a non-empty English value and is translated, non-empty,
 * in all five translation files. The English labels must sit in the default package
 * directory (they deploy into every org); the translation files may sit in another one, deployed once Translation
 * Workbench is on.
 */
export function checkLabels(root: string): Problem[] {
    const problems: Problem[] = [];
    const imports = importedLabels(lwcDirectories(root));
    for (const [name, where] of metadataLabels(root)) if (!imports.has(name)) imports.set(name, where);
    if (imports.size === 0) return problems;

    const core = packageDirectories(root).find((d) => d.isDefault);
    const labelsFile = core ? listFiles(core.dir, (n) => n === LABELS_FILE)[0] : undefined;
    const english = new Map<string, string>();
    if (!labelsFile) {
        problems.push({
            check: 'labels',
            file: core?.path ?? 'sfdx-project.json',
            message: `has no labels/${LABELS_FILE}, but the LWC imports labels (the English values belong to the default package directory)`
        });
    } else {
        try {
            const doc = readXml(labelsFile).CustomLabels as Record<string, unknown>;
            for (const label of asArray(doc?.labels as Record<string, unknown>[])) {
                english.set(text(label.fullName) ?? '', text(label.value) ?? '');
            }
        } catch (err) {
            problems.push({ check: 'labels', file: relative(root, labelsFile), message: (err as Error).message });
        }
    }

    const translationFiles = listSourceFiles(root, (n) => n.endsWith(TRANSLATION_SUFFIX));
    const translations = new Map<string, Map<string, string>>();
    for (const language of TRANSLATION_LANGUAGES) {
        const names = new Map<string, string>();
        translations.set(language, names);
        const file = translationFiles.find((f) => path.basename(f) === `${language}${TRANSLATION_SUFFIX}`);
        if (!file) {
            problems.push({
                check: 'labels',
                file: `${language}${TRANSLATION_SUFFIX}`,
                message: `missing from every package directory: the ${language} translation of the card's labels`
            });
            continue;
        }
        try {
            const doc = readXml(file).Translations as Record<string, unknown>;
            for (const label of asArray(doc?.customLabels as Record<string, unknown>[])) {
                names.set(text(label.name) ?? '', text(label.label) ?? '');
            }
        } catch (err) {
            problems.push({ check: 'labels', file: relative(root, file), message: (err as Error).message });
        }
    }

    for (const [name, where] of [...imports].sort(([a], [b]) => a.localeCompare(b))) {
        const at = { check: 'labels', file: relative(root, where.file), line: where.line };
        if (!english.has(name)) {
            problems.push({ ...at, message: `imports label c.${name}, which is not in ${LABELS_FILE}` });
            continue;
        }
        if (!english.get(name)?.trim()) problems.push({ ...at, message: `label c.${name} has an empty English value` });
        const missing = TRANSLATION_LANGUAGES.filter((language) => !translations.get(language)?.get(name)?.trim());
        if (missing.length > 0) problems.push({ ...at, message: `label c.${name} has no translation for ${missing.join(', ')}` });
    }
    return problems;
}
