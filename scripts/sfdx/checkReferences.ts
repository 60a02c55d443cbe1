import * as fs from 'node:fs';
import * as path from 'node:path';
import { listFiles, packageDirectories, relative, type PackageDirectory, type Problem } from './problem';
import { asArray, readXml, text } from './xml';

type Xml = Record<string, unknown>;

/** Metadata of one package directory, by name: what other files may point at. */
interface PackageIndex {
    externalCredentials: Map<string, Xml>;
    principals: Set<string>;
    classes: Set<string>;
    customPermissions: Set<string>;
    applications: Map<string, Xml>;
    flexipages: Map<string, Xml>;
    /** Object API name -> its field names (custom objects, custom metadata types, platform events). */
    objects: Map<string, Set<string>>;
    /** LWC bundle name -> js-meta.xml file. */
    lwcBundles: Map<string, string>;
}

/** `<dir>/**\/<Name><suffix>` files as Name -> file; malformed XML is checkMetadata's job. */
function filesBySuffix(dir: string, suffix: string): Map<string, string> {
    return new Map(listFiles(dir, (n) => n.endsWith(suffix)).map((file) => [path.basename(file, suffix), file]));
}

function rootElement(file: string): Xml | undefined {
    try {
        const doc = readXml(file);
        const name = Object.keys(doc).find((k) => k !== '?xml');
        return name ? ((doc[name] ?? {}) as Xml) : undefined;
    } catch {
        return undefined;
    }
}

function parsed(files: Map<string, string>): Map<string, Xml> {
    const out = new Map<string, Xml>();
    for (const [name, file] of files) {
        const xml = rootElement(file);
        if (xml) out.set(name, xml);
    }
    return out;
}

function indexPackage(dir: string): PackageIndex {
    const externalCredentials = parsed(filesBySuffix(dir, '.externalCredential-meta.xml'));
    const principals = new Set<string>();
    for (const [name, ec] of externalCredentials) {
        for (const p of asArray(ec.externalCredentialParameters as Xml[])) {
            const type = text(p.parameterType);
            if (type === 'NamedPrincipal' || type === 'PerUserPrincipal') principals.add(`${name}-${text(p.parameterName)}`);
        }
    }
    const objects = new Map<string, Set<string>>();
    for (const name of filesBySuffix(dir, '.object-meta.xml').keys()) objects.set(name, new Set());
    for (const file of listFiles(dir, (n) => n.endsWith('.field-meta.xml'))) {
        // objects/<Object>/fields/<Field>.field-meta.xml
        const object = path.basename(path.dirname(path.dirname(file)));
        const fields = objects.get(object) ?? new Set<string>();
        fields.add(path.basename(file, '.field-meta.xml'));
        objects.set(object, fields);
    }
    return {
        externalCredentials,
        principals,
        classes: new Set(filesBySuffix(dir, '.cls').keys()),
        customPermissions: new Set(filesBySuffix(dir, '.customPermission-meta.xml').keys()),
        applications: parsed(filesBySuffix(dir, '.app-meta.xml')),
        flexipages: parsed(filesBySuffix(dir, '.flexipage-meta.xml')),
        objects,
        lwcBundles: filesBySuffix(dir, '.js-meta.xml')
    };
}

/** What a package directory can point at: itself and the default directory, which every deploy has before it. */
function visible(own: PackageIndex, core: PackageIndex | undefined): PackageIndex {
    if (!core || core === own) return own;
    const union = <T>(a: Set<T>, b: Set<T>) => new Set([...a, ...b]);
    const merge = <K, V>(a: Map<K, V>, b: Map<K, V>) => new Map([...b, ...a]);
    return {
        externalCredentials: merge(own.externalCredentials, core.externalCredentials),
        principals: union(own.principals, core.principals),
        classes: union(own.classes, core.classes),
        customPermissions: union(own.customPermissions, core.customPermissions),
        applications: merge(own.applications, core.applications),
        flexipages: merge(own.flexipages, core.flexipages),
        objects: merge(own.objects, core.objects),
        lwcBundles: merge(own.lwcBundles, core.lwcBundles)
    };
}

/**
 * Names that metadata files use to point at each other resolve inside the project: a deploy would otherwise fail
 * on the first dangling name, and only in an org. Each package directory resolves in itself and in the default
 * directory, never in another optional one, so the default directory deploys alone and each optional one deploys
 * right after it. Covers Named -> External Credential, permission set -> class, custom permission, custom metadata
 * type, app and credential principal, FlexiPage -> LWC bundle and its design properties, app -> FlexiPage, custom
 * metadata record -> type and fields, trigger -> custom object or platform event.
 */
export function checkReferences(root: string): Problem[] {
    const problems: Problem[] = [];
    const add = (file: string, message: string) => problems.push({ check: 'references', file: relative(root, file), message });
    const dirs = packageDirectories(root);
    const indexes = new Map<PackageDirectory, PackageIndex>(dirs.map((d) => [d, indexPackage(d.dir)]));
    const coreDir = dirs.find((d) => d.isDefault);
    const core = coreDir ? indexes.get(coreDir) : undefined;
    for (const dir of dirs) {
        checkPackage(dir.dir, visible(indexes.get(dir)!, core), add);
    }
    return problems;
}

function checkPackage(dir: string, names: PackageIndex, add: (file: string, message: string) => void): void {
    for (const file of filesBySuffix(dir, '.namedCredential-meta.xml').values()) {
        const nc = rootElement(file);
        for (const p of asArray(nc?.namedCredentialParameters as Xml[])) {
            const ec = text(p.externalCredential);
            if (text(p.parameterType) === 'Authentication' && ec && !names.externalCredentials.has(ec)) {
                add(file, `external credential ${ec} does not exist in this package directory or the default one`);
            }
        }
    }

    for (const file of filesBySuffix(dir, '.permissionset-meta.xml').values()) {
        const ps = rootElement(file) ?? {};
        for (const c of asArray(ps.applicationVisibilities as Xml[])) {
            const app = text(c.application);
            // Standard apps (standard__LightningService...) are the org's own.
            if (app && !app.startsWith('standard__') && !names.applications.has(app)) add(file, `application ${app} does not exist`);
        }
        for (const c of asArray(ps.classAccesses as Xml[])) {
            const cls = text(c.apexClass);
            if (cls && !names.classes.has(cls)) add(file, `class ${cls} does not exist`);
        }
        for (const c of asArray(ps.customPermissions as Xml[])) {
            const cp = text(c.name);
            if (cp && !names.customPermissions.has(cp)) add(file, `custom permission ${cp} does not exist`);
        }
        for (const c of asArray(ps.customMetadataTypeAccesses as Xml[])) {
            const type = text(c.name);
            if (type && !names.objects.has(type)) add(file, `custom metadata type ${type} does not exist`);
        }
        for (const c of asArray(ps.externalCredentialPrincipalAccesses as Xml[])) {
            const principal = text(c.externalCredentialPrincipal);
            if (principal && !names.principals.has(principal)) {
                add(file, `external credential principal ${principal} does not exist (expected <ExternalCredential>-<principal name>)`);
            }
        }
    }

    for (const file of filesBySuffix(dir, '.flexipage-meta.xml').values()) {
        const page = rootElement(file) ?? {};
        for (const region of asArray(page.flexiPageRegions as Xml[])) {
            for (const item of asArray(region.itemInstances as Xml[])) {
                const instance = item.componentInstance as Xml | undefined;
                const component = text(instance?.componentName);
                if (!instance || !component || component.includes(':')) continue;
                const metaFile = names.lwcBundles.get(component);
                if (!metaFile) {
                    add(file, `component ${component} is not an LWC bundle of this project`);
                    continue;
                }
                const bundle = rootElement(metaFile);
                if (!bundle) continue;
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

    for (const [name, file] of filesBySuffix(dir, '.app-meta.xml')) {
        const app = rootElement(file) ?? {};
        const pages = [
            text(app.utilityBar),
            ...asArray(app.actionOverrides as Xml[])
                .filter((o) => text(o.type) === 'Flexipage')
                .map((o) => text(o.content))
        ];
        for (const page of pages) {
            if (page && !names.flexipages.has(page)) add(file, `FlexiPage ${page} does not exist (${name})`);
        }
    }

    for (const [name, file] of filesBySuffix(dir, '.md-meta.xml')) {
        const record = rootElement(file) ?? {};
        const type = `${name.split('.')[0]}__mdt`;
        const fields = names.objects.get(type);
        if (!fields) {
            add(file, `custom metadata type ${type} does not exist`);
            continue;
        }
        for (const value of asArray(record.values as Xml[])) {
            const field = text(value.field);
            if (field && !fields.has(field)) add(file, `field ${type}.${field} does not exist`);
        }
    }

    for (const file of listFiles(dir, (n) => n.endsWith('.trigger'))) {
        const source = fs.readFileSync(file, 'utf8');
        const object = /\btrigger\s+\w+\s+on\s+(\w+)/i.exec(source)?.[1];
        if (object && /__(c|e|mdt)$/i.test(object) && !names.objects.has(object)) add(file, `object ${object} does not exist`);
    }
}
