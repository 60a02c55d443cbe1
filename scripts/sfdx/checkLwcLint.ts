import * as fs from 'node:fs';
import * as path from 'node:path';
import { runNodeJson } from './nodeRunner';
import { lwcDirectories, relative, type Problem } from './problem';

interface LintResult {
    filePath: string;
    messages: { line: number; ruleId: string | null; message: string }[];
}

/**
 * Every LWC passes the project's ESLint flat config (eslint.config.mjs, @salesforce/eslint-config-lwc recommended),
 * run through ESLint's Node API. Warnings count as problems: the recipes repos keep LWC lint-clean.
 */
export async function checkLwcLint(root: string): Promise<Problem[]> {
    const lwcDirs = lwcDirectories(root);
    if (lwcDirs.length === 0) return [];
    const configFile = path.join(root, 'eslint.config.mjs');
    if (!fs.existsSync(configFile)) {
        return [
            {
                check: 'lwc-lint',
                file: 'eslint.config.mjs',
                message: 'missing: the LWC ESLint configuration (@salesforce/eslint-config-lwc)'
            }
        ];
    }
    const results = await runNodeJson<LintResult[]>(
        'eslintCheck.mjs',
        { configFile, patterns: lwcDirs.map((dir) => `${relative(root, dir)}/**/*.js`) },
        root
    );
    const problems: Problem[] = [];
    for (const result of results) {
        for (const m of result.messages) {
            problems.push({
                check: 'lwc-lint',
                file: relative(root, result.filePath),
                line: m.line,
                message: `${m.ruleId ?? 'parse'}: ${m.message}`
            });
        }
    }
    return problems;
}
