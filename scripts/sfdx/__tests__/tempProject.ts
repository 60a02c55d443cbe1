import * as fs from 'node:fs';
import * as path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

/**
 * A throw-away SFDX project with only the given files, under the repo's git-ignored tmp/ so that ESLint's config
 * and the prettier plugin resolve from this checkout's node_modules.
 */
export function makeProject(files: Record<string, string>): string {
    const base = path.join(REPO_ROOT, 'tmp');
    fs.mkdirSync(base, { recursive: true });
    const root = fs.mkdtempSync(path.join(base, 'sfdx-check-'));
    const all: Record<string, string> = {
        'sfdx-project.json': JSON.stringify({ packageDirectories: [{ path: 'force-app', default: true }], sourceApiVersion: '66.0' }),
        '.prettierrc.json': fs.readFileSync(path.join(REPO_ROOT, '.prettierrc.json'), 'utf8'),
        ...files
    };
    for (const [rel, content] of Object.entries(all)) {
        const file = path.join(root, rel);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, content);
    }
    return root;
}

export function removeProject(root: string): void {
    fs.rmSync(root, { recursive: true, force: true });
}

export const CLASSES = 'force-app/main/default/classes';
export const LWC = 'force-app/main/default/lwc';

export function classMeta(version = '66.0'): string {
    return `<?xml version="1.0" encoding="UTF-8"?>
<ApexClass xmlns="http://soap.sforce.com/2006/04/metadata">
    <apiVersion>${version}</apiVersion>
    <status>Active</status>
</ApexClass>
`;
}

/** A small, correctly formatted class that passes every check. */
export const GOOD_CLASS = `/**
 * @description Greets.
 */
public with sharing class Greeter {
    /**
     * @description Says hello.
     * @param name who to greet
     * @return the greeting
     */
    public static String greet(String name) {
        return 'Hello, ' + name;
    }
}
`;
