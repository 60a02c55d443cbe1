import * as fs from 'node:fs';
import * as path from 'node:path';
import { isApexSource, listSourceFiles, lwcDirectories, relative, type Problem } from './problem';
import { readXml, text } from './xml';

const METADATA_NAMESPACE = 'http://soap.sforce.com/2006/04/metadata';

/** -meta.xml suffixes whose metadata type carries an apiVersion, with the root element each must have. */
const VERSIONED_TYPES: Record<string, string> = {
    '.cls-meta.xml': 'ApexClass',
    '.trigger-meta.xml': 'ApexTrigger',
    '.js-meta.xml': 'LightningComponentBundle',
    '.page-meta.xml': 'ApexPage',
    '.component-meta.xml': 'ApexComponent'
};

function projectApiVersion(root: string): string | undefined {
    const file = path.join(root, 'sfdx-project.json');
    if (!fs.existsSync(file)) return undefined;
    return (JSON.parse(fs.readFileSync(file, 'utf8')) as { sourceApiVersion?: string }).sourceApiVersion;
}

/**
 * Metadata files are well-formed XML in the metadata namespace; types with an API version name it, equal to
 * sfdx-project.json's sourceApiVersion (a newer version than the org's fails the deploy); every class and
 * trigger has its -meta.xml (the sf CLI silently drops a class without one); every LWC bundle has a js-meta.xml.
 */
export function checkMetadata(root: string): Problem[] {
    const problems: Problem[] = [];
    const expectedVersion = projectApiVersion(root);
    if (!expectedVersion) {
        problems.push({ check: 'metadata', file: 'sfdx-project.json', message: 'sourceApiVersion is missing' });
    }

    const metaFiles = listSourceFiles(root, (name) => name.endsWith('-meta.xml'));
    for (const file of metaFiles) {
        const rel = relative(root, file);
        let doc: Record<string, unknown>;
        try {
            doc = readXml(file);
        } catch (err) {
            const line = (err as { line?: number }).line;
            problems.push({ check: 'metadata', file: rel, line, message: (err as Error).message });
            continue;
        }
        const rootName = Object.keys(doc).find((k) => k !== '?xml');
        if (!rootName) {
            problems.push({ check: 'metadata', file: rel, message: 'no root element' });
            continue;
        }
        const rootElement = doc[rootName] as Record<string, unknown>;
        if (rootElement?.['@_xmlns'] !== METADATA_NAMESPACE) {
            problems.push({ check: 'metadata', file: rel, message: `root <${rootName}> must declare xmlns="${METADATA_NAMESPACE}"` });
        }
        const suffix = Object.keys(VERSIONED_TYPES).find((s) => file.endsWith(s));
        if (!suffix) continue;
        if (rootName !== VERSIONED_TYPES[suffix]) {
            problems.push({
                check: 'metadata',
                file: rel,
                message: `root element is <${rootName}>, expected <${VERSIONED_TYPES[suffix]}>`
            });
        }
        const version = text(rootElement?.apiVersion);
        if (!version) {
            problems.push({
                check: 'metadata',
                file: rel,
                message: `<apiVersion> is missing (use ${expectedVersion ?? 'the project version'})`
            });
        } else if (expectedVersion && version !== expectedVersion) {
            problems.push({ check: 'metadata', file: rel, message: `<apiVersion> is ${version}, the project uses ${expectedVersion}` });
        }
    }

    for (const file of listSourceFiles(root, isApexSource)) {
        if (!fs.existsSync(`${file}-meta.xml`)) {
            problems.push({
                check: 'metadata',
                file: relative(root, file),
                message: `has no ${path.basename(file)}-meta.xml (the deploy would skip it)`
            });
        }
    }
    for (const file of metaFiles) {
        const source = file.slice(0, -'-meta.xml'.length);
        if (isApexSource(source) && !fs.existsSync(source)) {
            problems.push({ check: 'metadata', file: relative(root, file), message: `has no ${path.basename(source)} beside it` });
        }
    }

    for (const lwcDir of lwcDirectories(root)) {
        for (const entry of fs.readdirSync(lwcDir, { withFileTypes: true })) {
            if (!entry.isDirectory() || entry.name.startsWith('.') || entry.name === '__tests__') continue;
            const meta = path.join(lwcDir, entry.name, `${entry.name}.js-meta.xml`);
            if (!fs.existsSync(meta)) {
                problems.push({
                    check: 'metadata',
                    file: relative(root, path.join(lwcDir, entry.name)),
                    message: `LWC bundle has no ${entry.name}.js-meta.xml`
                });
            }
        }
    }
    return problems;
}
