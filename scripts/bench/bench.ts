import { execFileSync } from 'node:child_process';
import { cpus, loadavg, platform, release } from 'node:os';
import { relative } from 'node:path';
import { createContext, type BenchContext } from './context';
import { startBenchEmulator, type BenchEmulator } from './infra/benchEmulator';
import { startRedis, type RunningRedis } from './infra/redisServer';
import { PROXY_BENCH_ENV } from './infra/proxyInstance';
import type { BenchOptions } from './options';
import { evaluateGoals } from './report/goals';
import type { BenchReport, Section } from './report/types';
import { runBurst } from './scenarios/burst';
import { runCacheHit } from './scenarios/cacheHit';
import { runCoalescing } from './scenarios/coalescing';
import { runOverhead } from './scenarios/overhead';
import { runScaleOut } from './scenarios/scaleOut';
import { runShielding } from './scenarios/shielding';
import { runSize } from './scenarios/size';
import { runTimeToCard } from './scenarios/timeToCard';

/** Hands out generated customers in order, so no scenario ever meets a profile another one cached. */
class ProfileAllocator {
    private nextIndex: number;
    constructor(
        start: number,
        private readonly end: number
    ) {
        this.nextIndex = start;
    }
    next(): number {
        if (this.nextIndex >= this.end) throw new Error(`the generated data set has no unused customer left (${this.end}); raise its size`);
        return this.nextIndex++;
    }
}

/** The scenarios, in the order they run; `--only` picks some of them by these names. */
export const SCENARIO_KEYS = ['overhead', 'cacheHit', 'coalescing', 'shielding', 'size', 'scaleOut', 'burst', 'timeToCard'] as const;
export type ScenarioKey = (typeof SCENARIO_KEYS)[number];

/**
 * One bench run: the emulator in this process, Redis from Debian, proxy instances and the baseline in
 * child processes; the scenarios one after the other (they share two cores, so never in parallel), all of
 * them or those `only` names. A scenario that fails is reported as failed; the others still run and the
 * report is still written.
 */
export async function runBench(
    opts: BenchOptions,
    log: (line: string) => void = () => undefined,
    only: readonly ScenarioKey[] | null = null
): Promise<BenchReport> {
    const started = new Date();
    const t0 = performance.now();
    const notes: string[] = [];
    const loadAtStart = loadavg().map((v) => Math.round(v * 100) / 100);
    // Customers 0 .. fill-1 are for the cache fill; the rest for the other scenarios.
    const fillCount = opts.size.fillProfiles;
    const dataset = { generatedProfiles: fillCount + 20_000, eventsPerProfile: 20 };
    let emulator: BenchEmulator | null = null;
    let redis: RunningRedis | null = null;
    try {
        emulator = await startBenchEmulator({
            seed: 6,
            profiles: dataset.generatedProfiles,
            eventsPerProfile: dataset.eventsPerProfile,
            heavyEvents: opts.size.events,
            heavyAudiences: opts.size.audiences
        });
        const ctx: BenchContext = createContext(opts, emulator, notes, log);
        const profiles = new ProfileAllocator(fillCount, dataset.generatedProfiles);

        const run = <T>(key: ScenarioKey, name: string, fn: () => Promise<T>): Promise<Section<T>> =>
            only === null || only.includes(key) ? attempt(name, log, fn) : Promise.resolve(skipped(key));
        const overhead = await run('overhead', 'overhead', () => runOverhead(ctx, profiles));
        const cacheHit = await run('cacheHit', 'cache hit', () => runCacheHit(ctx, profiles.next()));
        const coalescing = await run('coalescing', 'coalescing', () => runCoalescing(ctx, profiles));
        const shielding = await run('shielding', 'shielding', () => runShielding(ctx, profiles));
        const needsRedis = only === null || only.includes('size') || only.includes('scaleOut');
        const redisStart = needsRedis ? await attempt('redis', log, async () => ({ server: await startRedis() })) : null;
        if (redisStart?.ok) redis = redisStart.server;
        const noRedis = () => Promise.reject(new Error(`redis-server did not start: ${redisStart?.ok === false ? redisStart.error : ''}`));
        const size = await run('size', 'size', () => (redis ? runSize(ctx, { start: 0, count: fillCount }, redis) : noRedis()));
        const scaleOut = await run('scaleOut', 'scale-out', () =>
            redis ? runScaleOut(ctx, redis, profiles, cacheHit.ok ? cacheHit.proxy.requestsPerSecond : null) : noRedis()
        );
        const burst = await run('burst', 'burst', () => runBurst(ctx, profiles));
        const timeToCard = await run('timeToCard', 'time to card', () => runTimeToCard(ctx, profiles));
        const sections = { overhead, cacheHit, coalescing, shielding, size, scaleOut, burst, timeToCard };
        if (cpus().length <= 2 && scaleOut.ok) {
            notes.push(
                `this machine has ${cpus().length} CPU(s): in scale-out, two proxy processes and the load generator share them, so its throughput and p99 show CPU contention, not what N instances on their own hosts achieve`
            );
        }
        return {
            meta: {
                schemaVersion: 1,
                mode: opts.mode,
                startedAt: started.toISOString(),
                finishedAt: new Date().toISOString(),
                durationSeconds: Math.round((performance.now() - t0) / 100) / 10,
                node: process.versions.node,
                platform: `${platform()} ${release()}`,
                cpus: cpus().length,
                cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
                commit: gitCommit(),
                // Other work on the machine skews throughput figures; the 1/5/15-minute load shows how much there was.
                loadAverage: { atStart: loadAtStart, atEnd: loadavg().map((v) => Math.round(v * 100) / 100) },
                settings: {
                    ...opts,
                    outDir: relative(process.cwd(), opts.outDir) || '.',
                    cpuProfileDir: opts.cpuProfileDir && relative(process.cwd(), opts.cpuProfileDir),
                    proxyEnv: { ...PROXY_BENCH_ENV, PROXY_SHARED_SECRET: '[bench secret]' },
                    dataset,
                    only
                }
            },
            goals: evaluateGoals(sections, opts.realisticLatencyMs),
            ...sections,
            notes
        };
    } finally {
        await (redis as RunningRedis | null)?.stop();
        await emulator?.close();
    }
}

function skipped(key: ScenarioKey): { ok: false; error: string; skipped: true } {
    return { ok: false, error: `not run (--only left out ${key})`, skipped: true };
}

async function attempt<T>(name: string, log: (line: string) => void, fn: () => Promise<T>): Promise<Section<T>> {
    const t = performance.now();
    try {
        const value = await fn();
        log(`${name}: done in ${((performance.now() - t) / 1000).toFixed(1)} s`);
        return { ok: true, ...value } as Section<T>;
    } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        log(`${name}: FAILED ${message}`);
        return { ok: false, error: message };
    }
}

function gitCommit(): string | null {
    try {
        return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
        return null;
    }
}
