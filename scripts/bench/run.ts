/**
 * `npm run bench`: runs the proxy benchmark (bench/README.md) and writes bench/results/latest.md + latest.json.
 *
 *   npm run bench                      full run (~3 minutes on 2 cores)
 *   npm run bench -- --smoke           tiny sizes and durations (seconds), e.g. to check the harness
 *   npm run bench -- --out <dir>       another output directory
 *   npm run bench -- --cpu-prof        every proxy instance writes a V8 CPU profile into <out>/profiles/<instance>,
 *                                      summarised (self time by package and function) in <out>/profiles/summary.md
 *   npm run bench -- --only burst      only the named scenario(s), comma-separated (overhead, cacheHit, coalescing,
 *                                      shielding, size, scaleOut, burst, timeToCard); the report is written as only-<names>.md/.json
 *                                      next to latest.* and leaves those untouched
 */
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { runBench, SCENARIO_KEYS, type ScenarioKey } from './bench';
import { summariseProfileDir } from './infra/cpuProfileSummary';
import { benchOptions } from './options';
import { goalsTable } from './report/markdown';
import { writeReport } from './report/write';

async function main(): Promise<void> {
    const args = process.argv.slice(2);
    const valued = ['--out', '--only'];
    const unknown = args.filter((a, i) => !['--smoke', '--cpu-prof', ...valued].includes(a) && !valued.includes(args[i - 1] ?? ''));
    if (unknown.length > 0)
        throw new Error(`unknown argument(s): ${unknown.join(' ')} (use --smoke, --out <dir>, --cpu-prof, --only <scenarios>)`);
    const outIndex = args.indexOf('--out');
    if (outIndex >= 0 && !args[outIndex + 1]) throw new Error('--out needs a directory');
    const onlyIndex = args.indexOf('--only');
    const only = onlyIndex >= 0 ? (args[onlyIndex + 1] ?? '').split(',').filter(Boolean) : null;
    if (only && (only.length === 0 || only.some((k) => !(SCENARIO_KEYS as readonly string[]).includes(k))))
        throw new Error(`--only takes scenario names, comma-separated: ${SCENARIO_KEYS.join(', ')}`);
    const outDir = resolve(outIndex >= 0 ? args[outIndex + 1]! : join(__dirname, '..', '..', 'bench', 'results'));
    const opts = benchOptions(
        args.includes('--smoke') ? 'smoke' : 'full',
        outDir,
        args.includes('--cpu-prof') ? join(outDir, 'profiles') : null
    );

    const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
    log(`${opts.mode} run; report into ${outDir}`);
    const report = await runBench(opts, log, only as ScenarioKey[] | null);
    const files = await writeReport(report, outDir, only ? `only-${only.join('-')}` : 'latest');
    if (opts.cpuProfileDir) {
        const summary = join(opts.cpuProfileDir, 'summary.md');
        await writeFile(summary, summariseProfileDir(opts.cpuProfileDir), 'utf8');
        log(`CPU profiles summarised in ${summary}`);
    }
    process.stdout.write(`\n${goalsTable(report.goals)}\n\nReport: ${files.markdown}\n        ${files.json}\n`);
    const failed = SCENARIO_KEYS.filter((k) => {
        const section = report[k];
        return !section.ok && !section.skipped;
    });
    // Goals are figures, not asserts; only a scenario that could not run makes the command fail.
    if (failed.length > 0) {
        process.stderr.write(`[bench] scenario(s) failed: ${failed.join(', ')}\n`);
        process.exitCode = 1;
    }
}

main().catch((err: unknown) => {
    process.stderr.write(`[bench] ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
});
