import * as path from 'node:path';
import { runNodeJson } from './nodeRunner';
import { isApexSource, listSourceFiles, relative, type Problem } from './problem';

interface FormatResult {
    file: string;
    status: 'ok' | 'unformatted' | 'error';
    message?: string;
}

/**
 * Every .cls/.trigger is formatted as prettier-plugin-apex would write it, with the project's .prettierrc.json
 * (4-space indent for Apex), checked with prettier's API (`prettier.check`). A file prettier cannot parse is
 * reported too, with prettier's message.
 */
export async function checkApexFormat(root: string): Promise<Problem[]> {
    const files = listSourceFiles(root, isApexSource);
    if (files.length === 0) return [];
    const results = await runNodeJson<FormatResult[]>('prettierCheck.mjs', { files, config: path.join(root, '.prettierrc.json') }, root);
    const problems: Problem[] = [];
    for (const r of results) {
        const rel = relative(root, r.file);
        if (r.status === 'unformatted') {
            problems.push({
                check: 'apex-format',
                file: rel,
                message: `not prettier-plugin-apex formatted; run \`npx prettier --write ${rel}\``
            });
        } else if (r.status === 'error') {
            problems.push({ check: 'apex-format', file: rel, message: `prettier cannot parse it: ${r.message ?? 'unknown error'}` });
        }
    }
    return problems;
}
