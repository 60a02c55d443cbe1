import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parseDockerfile } from './support/dockerfile';

/**
 * The compiled proxy as the image runs it: `npm run build`, then the Dockerfile's own CMD (with this Node in place
 * of `node`) in production mode, against an AEP emulator in a process of its own that it reaches only through the
 * AEP_* settings the emulator prints. scripts/ci/with-node-lts.sh runs this file again on the image's Node LTS.
 */
const ROOT = join(__dirname, '..', '..');
const DIST = join(ROOT, 'proxy', 'dist');
const SECRET = 'built-proxy-test-secret-0123456789';

interface Started {
    child: ChildProcessWithoutNullStreams;
    output(): string;
    exited: Promise<number | null>;
}

/** Spawns `args` and resolves once its stdout matches `ready`; fails with its output when it exits or takes too long. */
function startProcess(
    args: string[],
    env: Record<string, string>,
    ready: RegExp,
    timeoutMs = 30_000
): Promise<Started & { match: RegExpExecArray }> {
    const child = spawn(process.execPath, args, { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env } });
    let stdout = '';
    let stderr = '';
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
            child.kill('SIGKILL');
            reject(new Error(`${args.join(' ')} not ready within ${timeoutMs} ms:\n${stdout}\n${stderr}`));
        }, timeoutMs);
        child.stdout.on('data', (d: Buffer) => {
            stdout += d.toString();
            const match = ready.exec(stdout);
            if (match) {
                clearTimeout(timer);
                resolve({ child, match, exited, output: () => stdout + stderr });
            }
        });
        child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
        void exited.then((code) => {
            clearTimeout(timer);
            reject(new Error(`${args.join(' ')} exited with ${code}:\n${stdout}\n${stderr}`));
        });
    });
}

function filesUnder(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true, recursive: true })
        .filter((e) => e.isFile())
        .map((e) => relative(dir, join(e.parentPath, e.name)));
}

describe('the built proxy (npm run build, then the Dockerfile CMD)', () => {
    let emulator: Started | null = null;
    let proxy: (Started & { url: string }) | null = null;
    const aepEnv: Record<string, string> = {};
    const tmp = mkdtempSync(join(tmpdir(), 'cah-built-'));

    beforeAll(async () => {
        const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, encoding: 'utf8', env: process.env });
        if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}\n${build.stderr}`);

        const emu = await startProcess(
            ['--import', 'tsx', join(ROOT, 'proxy', 'emulator', 'src', 'main.ts')],
            { EMULATOR_PORT: '0', EMULATOR_LATENCY_MS: '0' },
            /AEP_TENANT=\S+/
        );
        emulator = emu;
        for (const [, name, value] of emu.output().matchAll(/^\s+(AEP_[A-Z_]+)=(\S+)$/gm)) aepEnv[name!] = value!;

        const cmd = parseDockerfile().cmd;
        if (!cmd || cmd[0] !== 'node') throw new Error(`the Dockerfile's CMD must run node in exec form, found ${JSON.stringify(cmd)}`);
        const started = await startProcess(
            cmd.slice(1),
            {
                ...aepEnv,
                NODE_ENV: 'production',
                PROXY_PORT: '0',
                PROXY_SHARED_SECRET: SECRET,
                PROXY_LOG_LEVEL: 'info',
                // Whatever the process writes to its temporary directory lands here (nothing, below).
                TMPDIR: tmp
            },
            /AEP profile proxy listening on (\S+)/
        );
        proxy = { ...started, url: started.match[1]! };
    }, 240_000);

    afterAll(async () => {
        for (const p of [proxy, emulator]) {
            if (p && p.child.exitCode === null) {
                p.child.kill('SIGKILL');
                await p.exited;
            }
        }
    });

    it('compiled every source module to JavaScript with a source map, and nothing else', () => {
        const files = filesUnder(DIST);
        expect(files).toContain('main.js');
        expect(files.filter((f) => f.endsWith('.ts'))).toEqual([]);
        expect(files.filter((f) => f.includes('__tests__') || f.startsWith('contract/generate'))).toEqual([]);
        for (const js of files.filter((f) => f.endsWith('.js'))) {
            expect(files).toContain(`${js}.map`);
            expect(existsSync(join(ROOT, 'proxy', 'src', js.replace(/\.js$/, '.ts')))).toBe(true);
        }
        const map = JSON.parse(readFileSync(join(DIST, 'main.js.map'), 'utf8')) as { sources: string[] };
        expect(map.sources).toEqual(['../src/main.ts']);
    });

    it('requires only Node built-ins and production dependencies (the image installs no others)', () => {
        const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
        const required = new Set<string>();
        for (const js of filesUnder(DIST).filter((f) => f.endsWith('.js'))) {
            for (const [, spec] of readFileSync(join(DIST, js), 'utf8').matchAll(/require\("([^"]+)"\)/g)) {
                if (!spec!.startsWith('.'))
                    required.add(spec!.startsWith('@') ? spec!.split('/').slice(0, 2).join('/') : spec!.split('/')[0]!);
            }
        }
        const outside = [...required].filter((m) => !m.startsWith('node:') && !builtinModules.includes(m) && !(m in pkg.dependencies));
        expect(outside).toEqual([]);
        expect(required).toContain('fastify');
    });

    it("serves Jane's card in production mode", async () => {
        const res = await fetch(`${proxy!.url}/v1/profiles/lookup`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-proxy-key': SECRET, 'x-agent-id': '0058c00000AgentAAA' },
            body: JSON.stringify({
                record: {
                    objectApiName: 'Contact',
                    recordId: '0038c00002JaneDAAR',
                    fields: { Email: 'jane.doe@example.com', Phone: '(415) 555-0123', Id: '0038c00002JaneDAAR' }
                }
            })
        });
        expect(res.status).toBe(200);
        const card = (await res.json()) as { person: { displayName: string }; freshness: { stale: boolean } };
        expect(card.person.displayName).toBe('Jane Doe');
        expect(card.freshness.stale).toBe(false);
    });

    it('answers its probes and serves its OpenAPI document from next to the build output', async () => {
        const health = (await (await fetch(`${proxy!.url}/healthz`)).json()) as { aep: { status: string } };
        expect(health.aep.status).toBe('ok');
        expect((await fetch(`${proxy!.url}/readyz`)).status).toBe(200);
        const openapi = await fetch(`${proxy!.url}/openapi.yaml`);
        expect(openapi.status).toBe(200);
        expect(await openapi.text()).toMatch(/^openapi: 3\./);
    });

    it('logs JSON lines without the AEP client secret or the caller secret, and writes no temporary files', () => {
        const lines = proxy!
            .output()
            .split('\n')
            .filter((l) => l.startsWith('{'));
        expect(lines.length).toBeGreaterThan(0);
        for (const line of lines) expect(() => JSON.parse(line) as unknown).not.toThrow();
        expect(proxy!.output()).not.toContain(aepEnv.AEP_CLIENT_SECRET);
        expect(proxy!.output()).not.toContain(SECRET);
        expect(readdirSync(tmp)).toEqual([]);
    });

    it('stops cleanly on SIGTERM', async () => {
        proxy!.child.kill('SIGTERM');
        expect(await proxy!.exited).toBe(0);
    });
});
