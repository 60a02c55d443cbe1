import { spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const MAIN = join(ROOT, 'proxy', 'src', 'main.ts');

interface Exit {
    code: number | null;
    stdout: string;
    stderr: string;
}

function runMain(env: Record<string, string>): Promise<Exit> {
    return new Promise((resolve, reject) => {
        // A clean environment: nothing from the developer's shell (AEP_*, PROXY_*) leaks into the process.
        const child = spawn(process.execPath, ['--import', 'tsx', MAIN], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env } });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
        child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
        const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
        child.on('error', reject);
        child.on('exit', (code) => {
            clearTimeout(timer);
            resolve({ code, stdout, stderr });
        });
    });
}

describe('proxy entry point (proxy/src/main.ts)', () => {
    it('exits with a clear message instead of starting the emulator under NODE_ENV=production without AEP credentials', async () => {
        const run = await runMain({ NODE_ENV: 'production', PROXY_SHARED_SECRET: 'a-long-enough-shared-secret', PROXY_PORT: '0' });
        expect(run.code).toBe(1);
        expect(run.stderr).toMatch(/no AEP credentials are set: set AEP_CLIENT_ID, AEP_CLIENT_SECRET and AEP_ORG_ID/);
        expect(run.stdout).not.toMatch(/emulator listening/);
    });

    it('names the missing variable when the AEP credentials are incomplete, without starting the emulator', async () => {
        const run = await runMain({ NODE_ENV: 'production', PROXY_SHARED_SECRET: 'a-long-enough-shared-secret', PROXY_PORT: '0', AEP_CLIENT_ID: 'abc123' });
        expect(run.code).toBe(1);
        expect(run.stderr).toMatch(/AEP_CLIENT_SECRET is required/);
        expect(run.stderr).toMatch(/AEP_ORG_ID is required/);
        expect(run.stdout).not.toMatch(/emulator listening/);
    });
});
