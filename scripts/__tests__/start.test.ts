import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** `npm start` as a newcomer runs it, stopped by its own checks before anything is built or listens. */
function start(env: Record<string, string>): { status: number | null; stdout: string; stderr: string } {
    const run = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'start.ts')], {
        cwd: ROOT,
        env: { PATH: process.env.PATH ?? '', ...env },
        encoding: 'utf8',
        timeout: 60_000
    });
    return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('npm start (scripts/start.ts)', () => {
    it("reads EMULATOR_* with the emulator CLI's reader and stops on an invalid value with its message, no stack trace", () => {
        const run = start({ EMULATOR_LATENCY_MS: 'slow' });
        expect(run.status).toBe(1);
        expect(run.stderr.trim()).toBe(
            'Customer Activity Hub could not start: invalid emulator environment: EMULATOR_LATENCY_MS: use a number of ms or a range like 150-500'
        );
        expect(run.stdout).not.toMatch(/listening|running/);
    });

    it('stops on an invalid PREVIEW_PORT, naming it', () => {
        const run = start({ PREVIEW_PORT: 'eighty' });
        expect(run.status).toBe(1);
        expect(run.stderr).toMatch(/PREVIEW_PORT must be a port number \(0-65535\), got "eighty"/);
    });
});
