import { fork, type ChildProcess } from 'node:child_process';

/** Messages a bench child sends: one `ready` at start, then replies to requests by id. */
export type ChildMessage =
    | { type: 'ready'; data: unknown }
    | { type: 'reply'; id: number; ok: true; data: unknown }
    | { type: 'reply'; id: number; ok: false; error: string }
    | { type: 'fatal'; error: string };

export interface BenchChild<TReady> {
    readonly pid: number;
    readonly ready: TReady;
    /** Sends a request to the child and waits (bounded) for its reply. */
    call<T = unknown>(op: string, args?: unknown, timeoutMs?: number): Promise<T>;
    /** Bytes the child wrote to stdout so far (0 unless started with `countStdout`). */
    stdoutBytes(): number;
    stop(): Promise<void>;
}

export interface StartChildOptions {
    env?: Record<string, string>;
    readyTimeoutMs?: number;
    /** Extra node flags, e.g. --cpu-prof for profiling a proxy instance. */
    nodeArgs?: string[];
    /** Where the child's stderr goes; a bench child logs nothing on success. */
    label: string;
    /** Count (and discard) what the child writes to stdout, e.g. a proxy's log lines; otherwise stdout is ignored. */
    countStdout?: boolean;
}

/**
 * Runs a TypeScript module in its own Node process (through tsx, as `npm start` does) so that a server's
 * CPU and RSS are its own and not the load generator's. The child speaks a tiny request/reply protocol
 * over the IPC channel.
 */
export async function startChild<TReady>(modulePath: string, opts: StartChildOptions): Promise<BenchChild<TReady>> {
    const child = fork(modulePath, [], {
        execArgv: ['--import', 'tsx', ...(opts.nodeArgs ?? [])],
        env: { ...process.env, ...opts.env },
        stdio: ['ignore', opts.countStdout ? 'pipe' : 'ignore', 'pipe', 'ipc']
    });
    let stdoutBytes = 0;
    child.stdout?.on('data', (c: Buffer) => {
        stdoutBytes += c.length;
    });
    let stderr = '';
    child.stderr?.on('data', (c: Buffer) => {
        stderr = (stderr + c.toString('utf8')).slice(-8000);
    });

    const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }>();
    let nextId = 1;
    let exited = false;
    child.once('exit', (code, signal) => {
        exited = true;
        for (const p of pending.values()) {
            clearTimeout(p.timer);
            p.reject(new Error(`${opts.label} exited (${signal ?? code}) ${tail(stderr)}`));
        }
        pending.clear();
    });

    const ready = await new Promise<TReady>((resolve, reject) => {
        const timer = setTimeout(() => {
            child.kill('SIGKILL');
            reject(new Error(`${opts.label} not ready within ${opts.readyTimeoutMs ?? 30_000} ms ${tail(stderr)}`));
        }, opts.readyTimeoutMs ?? 30_000);
        const onMessage = (m: ChildMessage) => {
            if (m.type === 'ready') {
                clearTimeout(timer);
                resolve(m.data as TReady);
            } else if (m.type === 'fatal') {
                clearTimeout(timer);
                reject(new Error(`${opts.label} failed to start: ${m.error}`));
            }
        };
        child.on('message', onMessage);
        child.once('exit', (code) => {
            clearTimeout(timer);
            reject(new Error(`${opts.label} exited with ${code} before ready ${tail(stderr)}`));
        });
    });

    child.on('message', (m: ChildMessage) => {
        if (m.type !== 'reply') return;
        const p = pending.get(m.id);
        if (!p) return;
        pending.delete(m.id);
        clearTimeout(p.timer);
        if (m.ok) p.resolve(m.data);
        else p.reject(new Error(`${opts.label}: ${m.error}`));
    });

    return {
        pid: child.pid as number,
        ready,
        call<T>(op: string, args?: unknown, timeoutMs = 60_000): Promise<T> {
            if (exited) return Promise.reject(new Error(`${opts.label} is not running ${tail(stderr)}`));
            const id = nextId++;
            return new Promise<T>((resolve, reject) => {
                const timer = setTimeout(() => {
                    pending.delete(id);
                    reject(new Error(`${opts.label}: ${op} got no reply within ${timeoutMs} ms`));
                }, timeoutMs);
                pending.set(id, { resolve: resolve as (v: unknown) => void, reject, timer });
                child.send({ type: 'request', id, op, args });
            });
        },
        stdoutBytes: () => stdoutBytes,
        // SIGTERM lets the server close gracefully (and --cpu-prof write its profile).
        stop: () => stopProcess(child, 8000)
    };
}

/** SIGTERM, then SIGKILL when the process has not exited within `graceMs`; resolves once it has exited. */
export async function stopProcess(child: ChildProcess, graceMs: number): Promise<void> {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const late = await Promise.race([exited.then(() => false), new Promise<boolean>((r) => setTimeout(() => r(true), graceMs).unref())]);
    if (late) {
        child.kill('SIGKILL');
        await exited;
    }
}

function tail(text: string): string {
    const t = text.trim();
    return t ? `; stderr: ${t.split('\n').slice(-5).join(' | ')}` : '';
}

/** Child side: answer requests from the parent with the given handlers. */
export function serveParent(handlers: Record<string, (args: unknown) => unknown>): void {
    process.on('message', (m: { type?: string; id?: number; op?: string; args?: unknown }) => {
        if (m?.type !== 'request' || typeof m.id !== 'number' || typeof m.op !== 'string') return;
        const id = m.id;
        const handler = handlers[m.op];
        if (!handler) {
            process.send?.({ type: 'reply', id, ok: false, error: `unknown op ${m.op}` });
            return;
        }
        Promise.resolve()
            .then(() => handler(m.args))
            .then(
                (data) => process.send?.({ type: 'reply', id, ok: true, data }),
                (err: unknown) => process.send?.({ type: 'reply', id, ok: false, error: err instanceof Error ? err.message : String(err) })
            );
    });
    // The parent going away (crash, Ctrl-C) must not leave servers behind.
    process.on('disconnect', () => process.exit(0));
}
