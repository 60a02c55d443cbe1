import { join } from 'node:path';
import type { BenchEmulator } from './infra/benchEmulator';
import { launchProxy, type ProxyInstance } from './infra/proxyInstance';
import type { BenchOptions } from './options';

/** What every scenario gets: options, the emulator, and a way to start proxy instances it must stop. */
export interface BenchContext {
    readonly opts: BenchOptions;
    readonly emulator: BenchEmulator;
    /** Adds a line to the report's notes (facts worth knowing when reading the figures). */
    note(text: string): void;
    log(text: string): void;
    startProxy(name: string, env?: Record<string, string>, opts?: { countLogBytes?: boolean }): Promise<ProxyInstance>;
}

export function createContext(opts: BenchOptions, emulator: BenchEmulator, notes: string[], log: (t: string) => void): BenchContext {
    return {
        opts,
        emulator,
        note: (t) => notes.push(t),
        log,
        startProxy: (name, env, o) =>
            launchProxy({
                name,
                aep: emulator.aepEnv,
                env,
                countLogBytes: o?.countLogBytes,
                nodeArgs: cpuProfileArgs(opts, name)
            })
    };
}

/**
 * Node flags that make a child write its V8 CPU profile under `--cpu-prof` (none otherwise): one directory per
 * server, as the tsx loader thread writes a profile of its own next to the main one (summarised by run.ts).
 */
export function cpuProfileArgs(opts: BenchOptions, name: string): string[] {
    return opts.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${join(opts.cpuProfileDir, name)}`] : [];
}

/** Runs `fn` with a proxy instance and always stops it. */
export async function withProxy<T>(
    ctx: BenchContext,
    name: string,
    env: Record<string, string>,
    fn: (p: ProxyInstance) => Promise<T>,
    opts: { countLogBytes?: boolean } = {}
): Promise<T> {
    const proxy = await ctx.startProxy(name, env, opts);
    try {
        return await fn(proxy);
    } finally {
        await proxy.stop();
    }
}
