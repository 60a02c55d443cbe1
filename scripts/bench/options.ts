import type { RecordKind } from './infra/benchEmulator';

/** Sizes and durations of one bench run. `full` is the committed run (~3 min on 2 cores); `smoke` takes seconds. */
export interface BenchOptions {
    mode: 'full' | 'smoke';
    outDir: string;
    /** AEP documents ~500 ms for a hub look-up; 150 ms is a fast, realistic round trip. */
    realisticLatencyMs: number;
    overhead: { warmupLookups: number; runs: { latencyMs: number; record: RecordKind; lookups: number }[]; maxSecondsPerRun: number };
    cacheHit: { connections: number; warmupSeconds: number; durationSeconds: number; rounds: number };
    coalescing: { profiles: number; agentsPerProfile: number; waves: number };
    shielding: {
        maxRps: number;
        multiplier: number;
        durationSeconds: number;
        stalePool: number;
        clientTimeoutMs: number;
        connections: number;
    };
    size: {
        events: number;
        audiences: number;
        fillProfiles: number;
        fillTemplates: number;
        fillWorkers: number;
        fillMaxSeconds: number;
        residencySample: number;
    };
    scaleOut: {
        profiles: number;
        agentsPerProfile: number;
        sharedHitProfiles: number;
        connectionsPerInstance: number;
        durationSeconds: number;
        /** The fleet's AEP budget: AEP_MAX_RPS for both instances, `multiplier` x that many look-ups per second. */
        budget: { maxRps: number; multiplier: number; durationSeconds: number };
    };
    burst: {
        /** Clients of the burst, each a closed loop (the next look-up once the previous one answered). */
        connections: number;
        durationSeconds: number;
        /** Share of the burst's look-ups that are customers never seen (cache misses). */
        missShare: number;
        /** Agents of the normal traffic, opening cards of `normalProfiles` customers cached before the burst. */
        normalAgents: number;
        normalProfiles: number;
        /** Normal traffic alone, before the burst: its latency for comparison. */
        quietSeconds: number;
    };
    timeToCard: {
        /** AEP's answer time while the card is timed (Adobe documents about 500 ms for a hub look-up). */
        latencyMs: number;
        /** Records timed per case (cold, warm, warmed by arrival, utility bar). */
        samples: number;
    };
    /** When set, every proxy instance writes a V8 CPU profile (--cpu-prof) into this directory. */
    cpuProfileDir: string | null;
}

export function benchOptions(mode: 'full' | 'smoke', outDir: string, cpuProfileDir: string | null = null): BenchOptions {
    const full = mode === 'full';
    return {
        mode,
        outDir,
        realisticLatencyMs: 150,
        overhead: {
            warmupLookups: full ? 30 : 3,
            runs: [
                { latencyMs: 0, record: 'lead', lookups: full ? 150 : 5 },
                { latencyMs: 150, record: 'lead', lookups: full ? 40 : 3 },
                // A Contact whose Id is no AEP identity: its profile is found by Email, not by the top candidate.
                { latencyMs: 150, record: 'contact', lookups: full ? 30 : 2 }
            ],
            maxSecondsPerRun: full ? 40 : 10
        },
        cacheHit: { connections: 10, warmupSeconds: full ? 2 : 0.5, durationSeconds: full ? 9 : 1, rounds: full ? 3 : 1 },
        coalescing: { profiles: full ? 5 : 2, agentsPerProfile: full ? 100 : 10, waves: 2 },
        shielding: {
            maxRps: 20,
            multiplier: 10,
            durationSeconds: full ? 10 : 2,
            stalePool: full ? 30 : 4,
            clientTimeoutMs: 10_000,
            connections: 1024
        },
        size: {
            events: 1000,
            audiences: 200,
            fillProfiles: full ? 100_000 : 300,
            fillTemplates: full ? 200 : 20,
            fillWorkers: 32,
            fillMaxSeconds: full ? 120 : 20,
            residencySample: full ? 2000 : 50
        },
        scaleOut: {
            profiles: full ? 5 : 2,
            agentsPerProfile: full ? 50 : 6,
            sharedHitProfiles: full ? 50 : 4,
            connectionsPerInstance: 5,
            durationSeconds: full ? 6 : 1,
            budget: { maxRps: 20, multiplier: 10, durationSeconds: full ? 10 : 2 }
        },
        burst: {
            connections: 200,
            durationSeconds: full ? 15 : 2,
            missShare: 0.9,
            normalAgents: 5,
            normalProfiles: full ? 20 : 4,
            quietSeconds: full ? 3 : 1
        },
        timeToCard: { latencyMs: 500, samples: full ? 20 : 3 },
        cpuProfileDir
    };
}
