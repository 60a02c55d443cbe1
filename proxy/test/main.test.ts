import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { aepEnvFor, startEmulator, type RunningEmulator } from '../emulator/src/index';

const ROOT = join(__dirname, '..', '..');
const MAIN = join(ROOT, 'proxy', 'src', 'main.ts');

// Each test starts node processes (through tsx) one after the other: on a busy machine that takes seconds.
jest.setTimeout(45_000);

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
    it('refuses to start without AEP credentials, naming the variables to set, and starts no other AEP', async () => {
        for (const env of [{}, { NODE_ENV: 'production' }] as Record<string, string>[]) {
            const run = await runMain({ ...env, PROXY_SHARED_SECRET: 'a-long-enough-shared-secret', PROXY_PORT: '0' });
            expect(run.code).toBe(1);
            expect(run.stderr).toMatch(/no AEP credentials: set AEP_CLIENT_ID, AEP_CLIENT_SECRET and AEP_ORG_ID/);
            expect(run.stdout).not.toMatch(/listening/);
        }
    });

    it('names the missing variable when the AEP credentials are incomplete', async () => {
        const run = await runMain({
            NODE_ENV: 'production',
            PROXY_SHARED_SECRET: 'a-long-enough-shared-secret',
            PROXY_PORT: '0',
            AEP_CLIENT_ID: 'abc123'
        });
        expect(run.code).toBe(1);
        expect(run.stderr).toMatch(/AEP_CLIENT_SECRET is required/);
        expect(run.stderr).toMatch(/AEP_ORG_ID is required/);
        expect(run.stdout).not.toMatch(/listening/);
    });

    describe('against an AEP at a loopback URL (the emulator, by its AEP_* settings)', () => {
        let emulator: RunningEmulator;
        beforeAll(async () => {
            emulator = await startEmulator();
        });
        afterAll(async () => {
            await emulator?.close();
        });

        it('serves cards with the settings and caller secret of PROXY_CONFIG_FILE', async () => {
            const dir = mkdtempSync(join(tmpdir(), 'cah-main-'));
            const file = join(dir, 'proxy.json');
            const secret = 'secret-from-the-config-file-0123';
            writeFileSync(file, JSON.stringify({ ...aepEnvFor(emulator), PROXY_SHARED_SECRET: secret, PROXY_LOG_LEVEL: 'silent' }));
            let status = 0;
            const run = await runMain({ PROXY_CONFIG_FILE: file, PROXY_PORT: '0' }, async (url) => {
                const res = await fetch(`${url}/v1/profiles/lookup`, {
                    method: 'POST',
                    headers: { 'content-type': 'application/json', 'x-proxy-key': secret, 'x-agent-id': '0058c00000AgentAAA' },
                    body: JSON.stringify({
                        record: { objectApiName: 'Contact', recordId: '0038c00002JaneDAAR', fields: { Email: 'jane.doe@example.com' } }
                    })
                });
                status = res.status;
            });
            expect(status).toBe(200);
            expect(run.code).toBe(0);
        });

        it('names PROXY_PORT, without a stack trace, when its port is taken', async () => {
            const taken = await occupiedPort();
            try {
                const run = await runMain({
                    ...aepEnvFor(emulator),
                    PROXY_SHARED_SECRET: 'a-long-enough-shared-secret',
                    PROXY_LOG_LEVEL: 'silent',
                    PROXY_PORT: String(taken.port)
                });
                expect(run.code).toBe(1);
                expect(run.stderr.trim()).toBe(
                    `proxy failed to start: the proxy cannot listen on 127.0.0.1:${taken.port}: the port is in use; stop the other process or set PROXY_PORT to a free port (0 picks one)`
                );
            } finally {
                taken.server.close();
            }
        });
    });
});

async function occupiedPort(): Promise<{ server: Server; port: number }> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    return { server, port: address.port };
}
