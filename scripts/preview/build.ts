import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';

/**
 * Builds the console preview bundle with rollup (rollup.config.mjs) unless the bundle on disk was built from
 * the same sources. The hash covers the force-app LWC bundles, labels and translations, the preview's own
 * browser code and build config, and the lock file, so a stale bundle is never served.
 *
 * CLI: `npm run preview:build` (add `--force` to rebuild anyway).
 */

const ROOT = path.resolve(__dirname, '../..');
export const DEFAULT_DIST_DIR = path.join(__dirname, 'dist');
const BUILD_INFO = 'build-info.json';

const INPUTS = [
    'force-app/main/default/lwc',
    'force-app/main/default/labels',
    'force-app/main/default/translations',
    'scripts/preview/src',
    'scripts/preview/platform',
    'scripts/preview/build',
    'scripts/preview/rollup.config.mjs',
    'package-lock.json'
];

async function filesUnder(relative: string): Promise<string[]> {
    const full = path.join(ROOT, relative);
    const stat = await fs.stat(full).catch(() => null);
    if (!stat) return [];
    if (stat.isFile()) return [relative];
    const out: string[] = [];
    for (const entry of await fs.readdir(full, { withFileTypes: true })) {
        // Jest tests are not part of what an org (or the preview) runs.
        if (entry.name === '__tests__' || entry.name.startsWith('.')) continue;
        out.push(...(await filesUnder(path.join(relative, entry.name))));
    }
    return out;
}

export async function sourceHash(): Promise<string> {
    const hash = createHash('sha256');
    const files = (await Promise.all(INPUTS.map(filesUnder))).flat().sort();
    for (const file of files) {
        hash.update(file).update('\0').update(await fs.readFile(path.join(ROOT, file))).update('\0');
    }
    return hash.digest('hex');
}

export interface BuildResult {
    distDir: string;
    hash: string;
    built: boolean;
    ms: number;
}

export async function isBundleCurrent(distDir: string = DEFAULT_DIST_DIR, hash?: string): Promise<boolean> {
    const wanted = hash ?? (await sourceHash());
    const info = await fs.readFile(path.join(distDir, BUILD_INFO), 'utf8').then(JSON.parse, () => null);
    return info?.hash === wanted && existsSync(path.join(distDir, 'main.js'));
}

/** Builds into a scratch folder and swaps it in, so a running server never serves a half-written bundle. */
export async function ensurePreviewBundle(opts: { distDir?: string; force?: boolean; log?: (line: string) => void } = {}): Promise<BuildResult> {
    const distDir = opts.distDir ?? DEFAULT_DIST_DIR;
    const started = Date.now();
    const hash = await sourceHash();
    if (!opts.force && (await isBundleCurrent(distDir, hash))) return { distDir, hash, built: false, ms: Date.now() - started };

    opts.log?.('preview: building the console bundle (rollup + LWC compiler, about 30 s)...');
    const scratch = `${distDir}.build-${process.pid}-${Date.now()}`;
    await runRollup(scratch);
    await fs.writeFile(path.join(scratch, BUILD_INFO), JSON.stringify({ hash, builtAt: new Date().toISOString() }, null, 2));
    await fs.rm(distDir, { recursive: true, force: true });
    await fs.rename(scratch, distDir);
    return { distDir, hash, built: true, ms: Date.now() - started };
}

function runRollup(outDir: string): Promise<void> {
    const rollupBin = require.resolve('rollup/dist/bin/rollup');
    return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [rollupBin, '-c', path.join(__dirname, 'rollup.config.mjs'), '--silent'], {
            cwd: ROOT,
            env: { ...process.env, PREVIEW_DIST_DIR: outDir },
            stdio: ['ignore', 'pipe', 'pipe']
        });
        let output = '';
        child.stdout.on('data', (d: Buffer) => (output += d.toString()));
        child.stderr.on('data', (d: Buffer) => (output += d.toString()));
        child.on('error', reject);
        child.on('close', (code) => {
            if (code === 0) return resolve();
            void fs.rm(outDir, { recursive: true, force: true });
            reject(new Error(`preview build failed (rollup exit ${code}):\n${output.slice(-4000)}`));
        });
    });
}

if (require.main === module) {
    ensurePreviewBundle({ force: process.argv.includes('--force'), log: (l) => console.log(l) })
        .then((r) => console.log(r.built ? `preview: built ${path.relative(ROOT, r.distDir)} in ${(r.ms / 1000).toFixed(1)} s` : `preview: ${path.relative(ROOT, r.distDir)} is up to date`))
        .catch((err: unknown) => {
            console.error(err instanceof Error ? err.message : err);
            process.exitCode = 1;
        });
}
