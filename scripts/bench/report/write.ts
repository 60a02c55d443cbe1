import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { renderMarkdown } from './markdown';
import type { BenchReport } from './types';

/** Writes `<name>.md` and `<name>.json` into `dir`; returns their paths. */
export async function writeReport(report: BenchReport, dir: string, name = 'latest'): Promise<{ markdown: string; json: string }> {
    await mkdir(dir, { recursive: true });
    const markdown = join(dir, `${name}.md`);
    const json = join(dir, `${name}.json`);
    await writeFile(markdown, renderMarkdown(report), 'utf8');
    await writeFile(json, `${JSON.stringify(report, null, 2)}\n`, 'utf8');
    return { markdown, json };
}
