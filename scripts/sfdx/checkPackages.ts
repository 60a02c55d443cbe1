import * as fs from 'node:fs';
import * as path from 'node:path';
import { ComponentSetBuilder, ForceIgnore, MetadataConverter, type SourceComponent } from '@salesforce/source-deploy-retrieve';
import { listFiles, packageDirectories, relative, type Problem } from './problem';

/**
 * Converts every package directory to Metadata API format with @salesforce/source-deploy-retrieve, the library the
 * sf CLI deploys with, so what would fail or vanish in `sf project deploy start` fails here:
 * - a folder or suffix SDR cannot map to a metadata type (TypeInferenceError, the CLI's own message);
 * - a file that no metadata component claims (a class without its -meta.xml, `X.permissionset.xml` instead of
 *   `X.permissionset-meta.xml`...): the CLI would silently leave it out of the deploy;
 * - the same component in two package directories (the later deploy would overwrite the earlier one);
 * - sfdx-project.json with no or several default directories, a missing or nested directory.
 * SDR does not validate the XML inside a file: checkMetadata, checkReferences and checkFieldLengths do that part.
 */
export interface ConvertedPackage {
    path: string;
    /** `Type:Name` of every component, sorted. */
    components: string[];
}

export async function checkPackages(root: string): Promise<{ problems: Problem[]; packages: ConvertedPackage[] }> {
    const problems: Problem[] = [];
    const add = (file: string, message: string) => problems.push({ check: 'packages', file, message });
    const dirs = packageDirectories(root);
    const defaults = dirs.filter((d) => d.isDefault);
    if (dirs.length === 0) add('sfdx-project.json', 'packageDirectories is empty');
    if (dirs.length > 1 && defaults.length !== 1) {
        add('sfdx-project.json', `exactly one package directory must be "default": true (found ${defaults.length})`);
    }
    for (const d of dirs) {
        const nestedIn = dirs.find((o) => o !== d && d.dir.startsWith(o.dir + path.sep));
        if (nestedIn) add('sfdx-project.json', `package directory ${d.path} lies inside ${nestedIn.path}; make them siblings`);
    }

    const packages: ConvertedPackage[] = [];
    const owner = new Map<string, string>();
    for (const d of dirs) {
        if (!fs.existsSync(d.dir)) {
            add('sfdx-project.json', `package directory ${d.path} does not exist`);
            continue;
        }
        let components: SourceComponent[];
        try {
            const set = await ComponentSetBuilder.build({ sourcepath: [d.dir], projectDir: root });
            components = set.getSourceComponents().toArray();
            // The conversion the CLI runs before a deploy; in memory, nothing is written.
            await new MetadataConverter().convert(set, 'metadata', { type: 'zip' });
        } catch (err) {
            add(d.path, `cannot be converted for deploy: ${sdrMessage(root, err)}`);
            continue;
        }
        if (components.length === 0) add(d.path, 'holds no metadata component; remove it from sfdx-project.json or add its metadata');

        const names = components.map((c) => `${c.type.name}:${c.fullName}`).sort();
        packages.push({ path: d.path, components: names });
        for (const name of names) {
            const first = owner.get(name);
            if (first) add(d.path, `${name} is also in ${first}: deploying one directory would overwrite the other's copy`);
            else owner.set(name, d.path);
        }

        const claimed = new Set(components.flatMap(filesOf));
        const forceIgnore = ForceIgnore.findAndCreate(d.dir);
        for (const file of listFiles(d.dir, () => true)) {
            if (claimed.has(file) || forceIgnore.denies(file)) continue;
            add(relative(root, file), 'belongs to no metadata component, so a deploy would leave it out (check its folder and suffix)');
        }
    }
    return { problems, packages };
}

/** Every file a component (and its decomposed children, such as an object's fields) brings into the deploy. */
function filesOf(component: SourceComponent): string[] {
    const own = [component.xml, ...(component.content ? component.walkContent() : [])].filter((f): f is string => !!f);
    return [...own, ...component.getChildren().flatMap(filesOf)];
}

/** SDR's messages carry absolute paths; keep them relative to the project like every other check. */
function sdrMessage(root: string, err: unknown): string {
    const e = err as { name?: string; message?: string };
    const message = (e.message ?? String(err)).split(path.resolve(root) + path.sep).join('');
    return e.name && e.name !== 'Error' ? `${e.name}: ${message}` : message;
}
