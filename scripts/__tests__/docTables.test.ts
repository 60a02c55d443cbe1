import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Every table row lives in one document: a setting, a route or a fact documented twice drifts. Collects the body
 * rows of the Markdown tables in every README.md and docs/*.md of the repository (not header or separator rows,
 * which tables legitimately share) and fails on a row that appears in two places.
 */
const ROOT = join(__dirname, '..', '..');
const SKIP = new Set(['node_modules', '.git', 'dist', 'tmp', 'coverage', 'test-results', 'specs', 'results']);

function documents(dir: string, out: string[] = []): string[] {
    for (const name of readdirSync(dir)) {
        if (SKIP.has(name)) continue;
        const path = join(dir, name);
        if (statSync(path).isDirectory()) documents(path, out);
        else if (name === 'README.md' || (relative(ROOT, dir) === 'docs' && name.endsWith('.md'))) out.push(path);
    }
    return out;
}

/** Body rows of every table, normalised (cells trimmed, padding collapsed). */
export function tableRows(markdown: string): string[] {
    const rows: string[] = [];
    let inTable = false;
    let inFence = false;
    let lineInTable = 0;
    for (const line of markdown.split('\n')) {
        if (/^\s*```/.test(line)) inFence = !inFence;
        const isRow = !inFence && /^\s*\|.*\|\s*$/.test(line);
        if (!isRow) {
            inTable = false;
            continue;
        }
        lineInTable = inTable ? lineInTable + 1 : 0;
        inTable = true;
        const cells = line
            .trim()
            .slice(1, -1)
            .split('|')
            .map((c) => c.trim());
        const separator = cells.every((c) => /^:?-+:?$/.test(c));
        if (lineInTable === 0 || separator || cells.every((c) => c === '')) continue;
        rows.push(`| ${cells.join(' | ')} |`);
    }
    return rows;
}

describe('documentation tables', () => {
    it('finds the READMEs and docs', () => {
        const found = documents(ROOT).map((p) => relative(ROOT, p));
        expect(found).toEqual(expect.arrayContaining(['README.md', 'proxy/README.md', 'proxy/emulator/README.md', 'docs/architecture.md']));
    });

    it('reads body rows only', () => {
        expect(tableRows('| a | b |\n| - | :-: |\n|  x  | y |\n\n```\n| not | a row |\n```\n| c | d |\n| - | - |\n| e | f |\n')).toEqual([
            '| x | y |',
            '| e | f |'
        ]);
    });

    it('has no row in two documents (or twice in one)', () => {
        const seen = new Map<string, string>();
        const duplicates: string[] = [];
        for (const file of documents(ROOT)) {
            const name = relative(ROOT, file);
            for (const row of tableRows(readFileSync(file, 'utf8'))) {
                const first = seen.get(row);
                if (first) duplicates.push(`${row}\n    in ${first} and ${name}`);
                else seen.set(row, name);
            }
        }
        expect(duplicates).toEqual([]);
    });
});
