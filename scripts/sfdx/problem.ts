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

/** The Salesforce DX source folder every check reads. */
export function sourceDir(root: string): string {
    return path.join(root, 'force-app', 'main', 'default');
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
