import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBench } from '../bench';
import { benchOptions } from '../options';
import type { BenchReport } from '../report/types';
import { writeReport } from '../report/write';
import { describeWithTools } from '../../systemTools';

/**
 * Runs the whole bench at smoke size (tiny durations and counts) against the real proxy, emulator and
 * redis-server, and checks the report: both files written, every scenario ran, every figure a number.
 * No timing asserts: the figures themselves are for `npm run bench` on a quiet machine.
 */
const SCENARIOS = ['overhead', 'cacheHit', 'coalescing', 'shielding', 'size', 'scaleOut', 'burst'] as const;

/** Every number-typed leaf of a section, with its path, so a missing figure names itself. */
function numericLeaves(value: unknown, path: string, out: Array<[string, unknown]> = []): Array<[string, unknown]> {
    if (Array.isArray(value)) value.forEach((v, i) => numericLeaves(v, `${path}[${i}]`, out));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) numericLeaves(v, `${path}.${k}`, out);
    else out.push([path, value]);
    return out;
}

describeWithTools(['redis-server'], 'npm run bench (smoke size)', () => {
    let dir: string;
    let report: BenchReport;
    let markdown: string;
    let json: BenchReport;

    beforeAll(async () => {
        dir = await mkdtemp(join(tmpdir(), 'bench-smoke-'));
        report = await runBench(benchOptions('smoke', dir));
        const files = await writeReport(report, dir);
        markdown = await readFile(files.markdown, 'utf8');
        json = JSON.parse(await readFile(files.json, 'utf8')) as BenchReport;
    }, 240_000);

    afterAll(async () => {
        if (dir) await rm(dir, { recursive: true, force: true });
    });

    it('runs every scenario without error', () => {
        const failures = SCENARIOS.filter((k) => !report[k].ok).map((k) => `${k}: ${(report[k] as { error: string }).error}`);
        expect(failures).toEqual([]);
    });

    it('writes the JSON report with numeric figures in every section', () => {
        expect(json.meta.mode).toBe('smoke');
        for (const key of SCENARIOS) {
            const leaves = numericLeaves(json[key], key).filter(([, v]) => typeof v !== 'string' && typeof v !== 'boolean');
            expect(leaves.length).toBeGreaterThan(3);
            // null is allowed only where a figure can be unknown (RSS of a process that already exited).
            const notNumbers = leaves.filter(([p, v]) => typeof v !== 'number' && !(v === null && /rss|Rss|heap|usedMemory/.test(p)));
            expect(notNumbers).toEqual([]);
        }
        expect(json.overhead.ok && json.overhead.runs.map((r) => r.emulatorLatencyMs)).toEqual([0, 150, 150]);
        expect(json.cacheHit.ok && json.cacheHit.proxy.requests).toBeGreaterThan(0);
        // The duties reference let the bench's key through: every answer a 200, like the proxy's.
        expect(json.cacheHit.ok && json.cacheHit.fastifyWithDuties.requests).toBeGreaterThan(0);
        expect(json.cacheHit.ok && json.cacheHit.fastifyWithDuties.non2xx).toBe(0);
        expect(json.size.ok && json.size.cardBytes).toBeGreaterThan(0);
        expect(json.burst.ok && json.burst.burst.requests).toBeGreaterThan(0);
        expect(json.burst.ok && json.burst.log.bytesPerLookup).toBeGreaterThan(0);
    });

    it('evaluates every goal to a figure and a verdict', () => {
        expect(json.goals.length).toBeGreaterThanOrEqual(15);
        for (const g of json.goals) {
            expect(typeof g.value).toBe('number');
            expect(typeof g.met).toBe('boolean');
        }
    });

    it('writes the Markdown report with every section and the goals table', () => {
        for (const heading of [
            '## Goals',
            '## 1. Overhead on a cache miss',
            '## 2. Cache-hit throughput',
            '## 3. Coalescing',
            '## 4. Load shielding',
            '## 5. Size',
            '## 6. Scale-out',
            '## 7. Burst'
        ]) {
            expect(markdown).toContain(heading);
        }
        expect(markdown).not.toContain('Scenario failed');
        expect(markdown).toMatch(/\| 2 cache hit \| cache-hit throughput \/ bare node:http \| >= 0\.7 \| [\d.]+ x \| (met|NOT met) \|/);
    });
});
