import * as fs from 'node:fs';
import * as path from 'node:path';
import * as prettier from 'prettier';
import { isApexSource, listFiles, relative, sourceDir, type Problem } from './problem';

const APEX_PLUGIN = require.resolve('prettier-plugin-apex');

/**
 * Every .cls/.trigger is formatted as prettier-plugin-apex would write it, with the project's .prettierrc.json
 * (4-space indent for Apex). A file prettier cannot parse is reported too, with prettier's message.
 */
export async function checkApexFormat(root: string): Promise<Problem[]> {
    const problems: Problem[] = [];
    for (const file of listFiles(sourceDir(root), isApexSource)) {
        const source = fs.readFileSync(file, 'utf8');
        const options = (await prettier.resolveConfig(file, { editorconfig: false, config: path.join(root, '.prettierrc.json') })) ?? {};
        // The plugin is resolved from this repository, so temp copies of a project outside it work too.
        try {
            const formatted = await prettier.check(source, { ...options, filepath: file, plugins: [APEX_PLUGIN] });
            if (!formatted) {
                problems.push({
                    check: 'apex-format',
                    file: relative(root, file),
                    message: 'not prettier-plugin-apex formatted; run `npx prettier --write ' + relative(root, file) + '`'
                });
            }
        } catch (err) {
            const message = err instanceof Error ? err.message.split('\n')[0] : String(err);
            problems.push({ check: 'apex-format', file: relative(root, file), message: `prettier cannot parse it: ${message}` });
        }
    }
    return problems;
}
