import * as fs from 'node:fs';
import * as path from 'node:path';

/** One finding of an offline check, phrased so a developer can fix it without rerunning anything. */
export interface Problem {
    /** Which check found it (apex-syntax, apex-format, pmd, metadata, labels, lwc-lint, suppressions). */
    check: string;
    /** Path relative to the project root. */
    file: string;
    line?: number;
    message: string;
}

export function formatProblem(p: Problem): string {
    return `[${p.check}] ${p.file}${p.line === undefined ? '' : `:${p.line}`} ${p.message}`;
}

/** One entry of sfdx-project.json's packageDirectories, resolved against the project root. */
export interface PackageDirectory {
    /** As written in sfdx-project.json, e.g. force-app/main. */
    path: string;
    /** Absolute folder. */
    dir: string;
    isDefault: boolean;
}

/**
 * The package directories every check reads, in sfdx-project.json order (the deploy order). A project without
 * the file is read as the single default directory force-app, as the sf CLI would create it.
 */
export function packageDirectories(root: string): PackageDirectory[] {
    const file = path.join(root, 'sfdx-project.json');
    const declared = fs.existsSync(file)
        ? ((JSON.parse(fs.readFileSync(file, 'utf8')) as { packageDirectories?: { path: string; default?: boolean }[] })
              .packageDirectories ?? [])
        : [{ path: 'force-app', default: true }];
    return declared.map((d, i) => ({
        path: d.path,
        dir: path.resolve(root, d.path),
        // With one directory the default is implied (sfdx-project.json reference).
        isDefault: d.default === true || declared.length === 1 || (i === 0 && !declared.some((x) => x.default === true))
    }));
}

/** Files of every package directory whose name passes the filter. */
export function listSourceFiles(root: string, filter: (name: string) => boolean): string[] {
    return packageDirectories(root).flatMap((d) => listFiles(d.dir, filter));
}

/** The LWC folders (`.../lwc`) of every package directory. */
export function lwcDirectories(root: string): string[] {
    const found: string[] = [];
    const walk = (dir: string) => {
        if (!fs.existsSync(dir)) return;
        for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
            if (!entry.isDirectory() || entry.name === 'node_modules' || entry.name === '__tests__') continue;
            const full = path.join(dir, entry.name);
            if (entry.name === 'lwc') found.push(full);
            else walk(full);
        }
    };
    packageDirectories(root).forEach((d) => walk(d.dir));
    return found.sort();
}

export function relative(root: string, file: string): string {
    return path.relative(root, file).split(path.sep).join('/');
}

/** Files under dir (recursively) whose name passes the filter; node_modules and __tests__ are never part of metadata. */
export function listFiles(dir: string, filter: (name: string) => boolean): string[] {
    if (!fs.existsSync(dir)) return [];
    const out: string[] = [];
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) {
            if (entry.name === 'node_modules' || entry.name === '__tests__') continue;
            out.push(...listFiles(full, filter));
        } else if (filter(entry.name)) {
            out.push(full);
        }
    }
    return out.sort();
}

export const isApexSource = (name: string): boolean => name.endsWith('.cls') || name.endsWith('.trigger');
