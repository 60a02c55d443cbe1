import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const MAIN = join(ROOT, 'proxy', 'src', 'main.ts');

interface Exit {
    code: number | null;
    stdout: string;
    stderr: string;
}

/**
 * Runs main.ts until it exits. With `whileListening`, that runs against the proxy's URL once it listens,
 * then the process gets SIGTERM (graceful stop).
 */
function runMain(env: Record<string, string>, whileListening?: (url: string) => Promise<void>): Promise<Exit> {
    return new Promise((resolve, reject) => {
        // A clean environment: nothing from the developer's shell (AEP_*, PROXY_*) leaks into the process.
        const child = spawn(process.execPath, ['--import', 'tsx', MAIN], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env } });
        let stdout = '';
        let stderr = '';
        let visited = false;
        let failure: unknown = null;
        child.stdout.on('data', (d: Buffer) => {
            stdout += d.toString();
            const url = /AEP profile proxy listening on (\S+)/.exec(stdout)?.[1];
            if (url && whileListening && !visited) {
                visited = true;
                whileListening(url)
                    .catch((err: unknown) => (failure = err))
                    .finally(() => child.kill('SIGTERM'));
            }
        });
        child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
        const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
        child.on('error', reject);
        child.on('exit', (code) => {
            clearTimeout(timer);
            if (failure) reject(failure);
            else resolve({ code, stdout, stderr });
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
        const run = await runMain({
            NODE_ENV: 'production',
            PROXY_SHARED_SECRET: 'a-long-enough-shared-secret',
            PROXY_PORT: '0',
            AEP_CLIENT_ID: 'abc123'
        });
        expect(run.code).toBe(1);
        expect(run.stderr).toMatch(/AEP_CLIENT_SECRET is required/);
        expect(run.stderr).toMatch(/AEP_ORG_ID is required/);
        expect(run.stdout).not.toMatch(/emulator listening/);
    });

    it('takes the caller secret from PROXY_CONFIG_FILE in emulator mode instead of generating one', async () => {
        const dir = mkdtempSync(join(tmpdir(), 'cah-main-'));
        const file = join(dir, 'proxy.json');
        const secret = 'secret-from-the-config-file-0123';
        writeFileSync(file, JSON.stringify({ PROXY_SHARED_SECRET: secret, PROXY_LOG_LEVEL: 'silent' }));
        let status = 0;
        const run = await runMain({ PROXY_CONFIG_FILE: file, PROXY_PORT: '0', EMULATOR_PORT: '0' }, async (url) => {
            const res = await fetch(`${url}/v1/profiles/lookup`, {
                method: 'POST',
                headers: { 'content-type': 'application/json', 'x-proxy-key': secret, 'x-agent-id': '0058c00000AgentAAA' },
                body: JSON.stringify({
                    record: { objectApiName: 'Contact', recordId: '0038c00002JaneDAAR', fields: { Email: 'jane.doe@example.com' } }
                })
            });
            status = res.status;
        });
        expect(run.stdout).toMatch(/AEP emulator listening/);
        expect(run.stdout).not.toMatch(/local proxy key/);
        expect(status).toBe(200);
        expect(run.code).toBe(0);
    });

    it('reads EMULATOR_* as the emulator CLI does, refusing an invalid latency with its message', async () => {
        const run = await runMain({ PROXY_SHARED_SECRET: 'a-long-enough-shared-secret', PROXY_PORT: '0', EMULATOR_LATENCY_MS: 'slow' });
        expect(run.code).toBe(1);
        expect(run.stderr).toMatch(/EMULATOR_LATENCY_MS: use a number of ms or a range like 150-500/);
    });
});
