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
/** Each build lives in dist/<source hash>/, so a running server never serves a half-written bundle. */
export const DEFAULT_DIST_ROOT = path.join(__dirname, 'dist');
/**
 * The LWC engine's mode: development (its checks, warnings and performance marks, as an org runs components with
 * Debug Mode on) or production (what an org serves agents by default; the bench times the card in it).
 * Production builds live under <dist root>/production/.
 */
export type LwcMode = 'development' | 'production';
const PRODUCTION_DIR = 'production';
const BUILD_INFO = 'build-info.json';

const INPUTS = [
    'force-app/main/default/lwc',
    'force-app/main/default/labels',
    'force-app/translations/translations',
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

export async function sourceHash(mode: LwcMode = 'development'): Promise<string> {
    const hash = createHash('sha256');
    if (mode === 'production') hash.update('lwc-mode:production\0');
    const files = (await Promise.all(INPUTS.map(filesUnder))).flat().sort();
    for (const file of files) {
        hash.update(file)
            .update('\0')
            .update(await fs.readFile(path.join(ROOT, file)))
            .update('\0');
    }
    return hash.digest('hex');
}

export interface BuildResult {
    distDir: string;
    hash: string;
    built: boolean;
    ms: number;
}

function bundleDir(distRoot: string, hash: string): string {
    return path.join(distRoot, hash.slice(0, 16));
}

/** The bundle built from the current sources, or null when there is none yet. */
export async function currentBundle(distRoot: string = DEFAULT_DIST_ROOT, hash?: string): Promise<string | null> {
    const wanted = hash ?? (await sourceHash());
    const dir = bundleDir(distRoot, wanted);
    const info = await fs.readFile(path.join(dir, BUILD_INFO), 'utf8').then(JSON.parse, () => null);
    return info?.hash === wanted && existsSync(path.join(dir, 'main.js')) ? dir : null;
}

/**
 * Returns the bundle folder for the current sources, building it first when missing. build-info.json is
 * written last, so an interrupted build is never taken for a finished one. Older builds are removed.
 */
export async function ensurePreviewBundle(
    opts: { distRoot?: string; force?: boolean; log?: (line: string) => void; mode?: LwcMode } = {}
): Promise<BuildResult> {
    const mode = opts.mode ?? 'development';
    const baseRoot = opts.distRoot ?? DEFAULT_DIST_ROOT;
    const distRoot = mode === 'production' ? path.join(baseRoot, PRODUCTION_DIR) : baseRoot;
    const started = Date.now();
    const hash = await sourceHash(mode);
    const existing = opts.force ? null : await currentBundle(distRoot, hash);
    if (existing) return { distDir: existing, hash, built: false, ms: Date.now() - started };

    opts.log?.('preview: building the console bundle (rollup + LWC compiler, about 30 s)...');
    const distDir = bundleDir(distRoot, hash);
    await fs.rm(distDir, { recursive: true, force: true });
    await fs.mkdir(distRoot, { recursive: true });
    await runRollup(distDir, mode);
    await fs.writeFile(path.join(distDir, BUILD_INFO), JSON.stringify({ hash, builtAt: new Date().toISOString() }, null, 2));
    for (const entry of await fs.readdir(distRoot)) {
        if (entry !== path.basename(distDir) && entry !== PRODUCTION_DIR)
            await fs.rm(path.join(distRoot, entry), { recursive: true, force: true });
    }
    return { distDir, hash, built: true, ms: Date.now() - started };
}

function runRollup(outDir: string, mode: LwcMode): Promise<void> {
    const rollupBin = require.resolve('rollup/dist/bin/rollup');
    return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [rollupBin, '-c', path.join(__dirname, 'rollup.config.mjs'), '--silent'], {
            cwd: ROOT,
            env: { ...process.env, PREVIEW_DIST_DIR: outDir, PREVIEW_LWC_MODE: mode },
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
        .then((r) =>
            console.log(
                r.built
                    ? `preview: built ${path.relative(ROOT, r.distDir)} in ${(r.ms / 1000).toFixed(1)} s`
                    : `preview: ${path.relative(ROOT, r.distDir)} is up to date`
            )
        )
        .catch((err: unknown) => {
            console.error(err instanceof Error ? err.message : err);
            process.exitCode = 1;
        });
}
