/**
 * `npm run bench`: runs the proxy benchmark (bench/README.md) and writes bench/results/latest.md + latest.json.
 *
 *   npm run bench                      full run (~3 minutes on 2 cores)
 *   npm run bench -- --smoke           tiny sizes and durations (seconds), e.g. to check the harness
 *   npm run bench -- --out <dir>       another output directory
 *   npm run bench -- --cpu-prof        every proxy instance writes a V8 CPU profile into <out>/profiles/<instance>,
 *                                      summarised (self time by package and function) in <out>/profiles/summary.md
 */
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { runBench } from './bench';
import { summariseProfileDir } from './infra/cpuProfileSummary';
import { benchOptions } from './options';
import { goalsTable } from './report/markdown';
import { writeReport } from './report/write';

async function main(): Promise<void> {
    const args = process.argv.slice(2);
    const unknown = args.filter((a, i) => !['--smoke', '--cpu-prof', '--out'].includes(a) && args[i - 1] !== '--out');
    if (unknown.length > 0) throw new Error(`unknown argument(s): ${unknown.join(' ')} (use --smoke, --out <dir>, --cpu-prof)`);
    const outIndex = args.indexOf('--out');
    if (outIndex >= 0 && !args[outIndex + 1]) throw new Error('--out needs a directory');
    const outDir = resolve(outIndex >= 0 ? args[outIndex + 1]! : join(__dirname, '..', '..', 'bench', 'results'));
    const opts = benchOptions(
        args.includes('--smoke') ? 'smoke' : 'full',
        outDir,
        args.includes('--cpu-prof') ? join(outDir, 'profiles') : null
    );

    const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
    log(`${opts.mode} run; report into ${outDir}`);
    const report = await runBench(opts, log);
    const files = await writeReport(report, outDir);
    if (opts.cpuProfileDir) {
        const summary = join(opts.cpuProfileDir, 'summary.md');
        await writeFile(summary, summariseProfileDir(opts.cpuProfileDir), 'utf8');
        log(`CPU profiles summarised in ${summary}`);
    }
    process.stdout.write(`\n${goalsTable(report.goals)}\n\nReport: ${files.markdown}\n        ${files.json}\n`);
    const failed = (['overhead', 'cacheHit', 'coalescing', 'shielding', 'size', 'scaleOut'] as const).filter((k) => !report[k].ok);
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
