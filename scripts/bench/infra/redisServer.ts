import { spawn } from 'node:child_process';
import { stopProcess } from './childProcess';
import { freeLoopbackPort } from './freePort';

export interface RunningRedis {
    url: string;
    port: number;
    pid: number;
    stop(): Promise<void>;
}

/**
 * Starts Debian's redis-server on a free loopback port, in memory only (no RDB snapshots, no AOF), and
 * resolves once it accepts connections. The bench owns this process and always stops it.
 */
export async function startRedis(opts: { binary?: string; readyTimeoutMs?: number } = {}): Promise<RunningRedis> {
    const binary = opts.binary ?? 'redis-server';
    let lastError: Error | null = null;
    // A port picked by freeLoopbackPort can be taken before redis binds it; try a few.
    for (let attempt = 0; attempt < 3; attempt++) {
        const port = await freeLoopbackPort();
        try {
            return await launch(binary, port, opts.readyTimeoutMs ?? 10_000);
        } catch (err) {
            lastError = err as Error;
        }
    }
    throw new Error(`redis-server did not start: ${lastError?.message ?? 'unknown error'}`);
}

function launch(binary: string, port: number, readyTimeoutMs: number): Promise<RunningRedis> {
    const args = [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
        '--daemonize',
        'no',
        '--protected-mode',
        'yes',
        '--loglevel',
        'notice'
    ];
    const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    return new Promise((resolve, reject) => {
        let output = '';
        const timer = setTimeout(() => fail(new Error(`not ready within ${readyTimeoutMs} ms`)), readyTimeoutMs);
        const onData = (chunk: Buffer) => {
            output = (output + chunk.toString('utf8')).slice(-4000);
            if (output.includes('Ready to accept connections')) {
                clearTimeout(timer);
                child.off('error', fail);
                child.off('exit', onEarlyExit);
                child.stdout?.off('data', onData);
                child.stderr?.off('data', onData);
                child.stdout?.resume();
                child.stderr?.resume();
                // A bench that dies without reaching its finally must not leave redis-server behind.
                const killOnExit = () => child.kill('SIGKILL');
                process.once('exit', killOnExit);
                resolve({
                    url: `redis://127.0.0.1:${port}`,
                    port,
                    pid: child.pid as number,
                    stop: async () => {
                        process.off('exit', killOnExit);
                        await stopProcess(child, 5000);
                    }
                });
            }
        };
        const fail = (err: Error) => {
            clearTimeout(timer);
            child.kill('SIGKILL');
            reject(new Error(`${err.message}; last output: ${output.trim().split('\n').slice(-3).join(' | ')}`));
        };
        child.stdout?.on('data', onData);
        child.stderr?.on('data', onData);
        child.once('error', fail);
        const onEarlyExit = (code: number | null) => fail(new Error(`exited with code ${code}`));
        child.once('exit', onEarlyExit);
    });
}
