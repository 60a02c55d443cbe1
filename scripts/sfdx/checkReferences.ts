import * as fs from 'node:fs';
import * as path from 'node:path';
import { listFiles, relative, sourceDir, type Problem } from './problem';
import { asArray, readXml, text } from './xml';

type Xml = Record<string, unknown>;

/** Reads `<dir>/<Name><suffix>` files into a map Name -> root element; malformed files are checkMetadata's job. */
function readAll(dir: string, suffix: string): Map<string, Xml> {
    const out = new Map<string, Xml>();
    for (const file of listFiles(dir, (n) => n.endsWith(suffix))) {
        try {
            const doc = readXml(file);
            const rootName = Object.keys(doc).find((k) => k !== '?xml');
            if (rootName) out.set(path.basename(file, suffix), (doc[rootName] ?? {}) as Xml);
        } catch {
            // reported by checkMetadata
        }
    }
    return out;
}

/**
 * Names that metadata files use to point at each other resolve inside the project: a deploy would otherwise fail
 * on the first dangling name, and only in an org. Covers Named -> External Credential, permission set -> class,
 * custom permission, custom metadata type and credential principal, FlexiPage -> LWC bundle and its design
 * properties, app -> FlexiPage, custom metadata record -> type and fields.
 */
export function checkReferences(root: string): Problem[] {
    const src = sourceDir(root);
    const problems: Problem[] = [];
    const add = (file: string, message: string) => problems.push({ check: 'references', file: relative(root, file), message });

    const externalCredentials = readAll(path.join(src, 'externalCredentials'), '.externalCredential-meta.xml');
    const principals = new Set<string>();
    for (const [name, ec] of externalCredentials) {
        for (const p of asArray(ec.externalCredentialParameters as Xml[])) {
            const type = text(p.parameterType);
            if (type === 'NamedPrincipal' || type === 'PerUserPrincipal') principals.add(`${name}-${text(p.parameterName)}`);
        }
    }

    const ncDir = path.join(src, 'namedCredentials');
    for (const [name, nc] of readAll(ncDir, '.namedCredential-meta.xml')) {
        for (const p of asArray(nc.namedCredentialParameters as Xml[])) {
            const ec = text(p.externalCredential);
            if (text(p.parameterType) === 'Authentication' && ec && !externalCredentials.has(ec)) {
                add(
                    path.join(ncDir, `${name}.namedCredential-meta.xml`),
                    `external credential ${ec} does not exist in externalCredentials/`
                );
            }
        }
    }

    const exists = (...parts: string[]) => fs.existsSync(path.join(src, ...parts));
    const psDir = path.join(src, 'permissionsets');
    for (const [name, ps] of readAll(psDir, '.permissionset-meta.xml')) {
        const file = path.join(psDir, `${name}.permissionset-meta.xml`);
        for (const c of asArray(ps.classAccesses as Xml[])) {
            const cls = text(c.apexClass);
            if (cls && !exists('classes', `${cls}.cls`)) add(file, `class ${cls} does not exist`);
        }
        for (const c of asArray(ps.customPermissions as Xml[])) {
            const cp = text(c.name);
            if (cp && !exists('customPermissions', `${cp}.customPermission-meta.xml`)) add(file, `custom permission ${cp} does not exist`);
        }
        for (const c of asArray(ps.customMetadataTypeAccesses as Xml[])) {
            const type = text(c.name);
            if (type && !exists('objects', type)) add(file, `custom metadata type ${type} does not exist`);
        }
        for (const c of asArray(ps.externalCredentialPrincipalAccesses as Xml[])) {
            const principal = text(c.externalCredentialPrincipal);
            if (principal && !principals.has(principal)) {
                add(file, `external credential principal ${principal} does not exist (expected <ExternalCredential>-<principal name>)`);
            }
        }
    }

    const lwcDir = path.join(src, 'lwc');
    const flexiDir = path.join(src, 'flexipages');
    const flexipages = readAll(flexiDir, '.flexipage-meta.xml');
    for (const [name, page] of flexipages) {
        const file = path.join(flexiDir, `${name}.flexipage-meta.xml`);
        for (const region of asArray(page.flexiPageRegions as Xml[])) {
            for (const item of asArray(region.itemInstances as Xml[])) {
                const instance = item.componentInstance as Xml | undefined;
                const component = text(instance?.componentName);
                if (!instance || !component || component.includes(':')) continue;
                const metaFile = path.join(lwcDir, component, `${component}.js-meta.xml`);
                if (!fs.existsSync(metaFile)) {
                    add(file, `component ${component} is not an LWC bundle of this project`);
                    continue;
                }
                let bundle: Xml;
                try {
                    bundle = (readXml(metaFile).LightningComponentBundle ?? {}) as Xml;
                } catch {
                    continue;
                }
                if (text(bundle.isExposed) !== 'true') add(file, `component ${component} is not exposed (isExposed)`);
                const designProperties = new Set<string>();
                const targetConfigs = (bundle.targetConfigs ?? {}) as Xml;
                for (const tc of asArray(targetConfigs.targetConfig as Xml[])) {
                    for (const prop of asArray(tc.property as Xml[])) designProperties.add(String(prop['@_name']));
                }
                for (const prop of asArray(instance.componentInstanceProperties as Xml[])) {
                    const propName = text(prop.name);
                    if (text(prop.type) === 'decorator' || !propName) continue;
                    if (!designProperties.has(propName)) add(file, `property ${propName} is not a design property of ${component}`);
                }
            }
        }
    }

    const appDir = path.join(src, 'applications');
    for (const [name, app] of readAll(appDir, '.app-meta.xml')) {
        const file = path.join(appDir, `${name}.app-meta.xml`);
        const pages = [
            text(app.utilityBar),
            ...asArray(app.actionOverrides as Xml[])
                .filter((o) => text(o.type) === 'Flexipage')
                .map((o) => text(o.content))
        ];
        for (const page of pages) {
            if (page && !flexipages.has(page)) add(file, `FlexiPage ${page} does not exist`);
        }
    }

    const cmdtDir = path.join(src, 'customMetadata');
    for (const [name, record] of readAll(cmdtDir, '.md-meta.xml')) {
        const file = path.join(cmdtDir, `${name}.md-meta.xml`);
        const type = `${name.split('.')[0]}__mdt`;
        if (!exists('objects', type)) {
            add(file, `custom metadata type ${type} does not exist`);
            continue;
        }
        for (const value of asArray(record.values as Xml[])) {
            const field = text(value.field);
            if (field && !exists('objects', type, 'fields', `${field}.field-meta.xml`)) add(file, `field ${type}.${field} does not exist`);
        }
    }
    return problems;
}
