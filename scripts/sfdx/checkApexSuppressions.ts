import * as fs from 'node:fs';
import { isApexSource, listSourceFiles, relative, type Problem } from './problem';

const SUPPRESS = /@SuppressWarnings\s*\(/i;
const COMMENT = /^\s*(\/\/|\*|\/\*)/;

/**
 * A PMD suppression hides a finding from every later review, so each @SuppressWarnings must say why: a comment
 * on the line itself or directly above it (a `//` line or the end of an ApexDoc block).
 */
export function checkApexSuppressions(root: string): Problem[] {
    const problems: Problem[] = [];
    for (const file of listSourceFiles(root, isApexSource)) {
        const lines = fs.readFileSync(file, 'utf8').split('\n');
        lines.forEach((text, index) => {
            if (!SUPPRESS.test(text)) return;
            const sameLine = /\/\/.*\S/.test(text.slice(text.search(SUPPRESS)));
            const previous = index > 0 ? (lines[index - 1] ?? '') : '';
            if (sameLine || COMMENT.test(previous)) return;
            problems.push({
                check: 'suppressions',
                file: relative(root, file),
                line: index + 1,
                message: '@SuppressWarnings without a reason: add a comment on the line above explaining why the rule does not apply'
            });
        });
    }
    return problems;
}
