import { join } from 'node:path';
import type { AepEnv } from '../../../proxy/emulator/src/index';
import type { CapturedCall } from '../children/upstreamCapture';
import { startChild, type BenchChild } from './childProcess';
import type { RequestSpec } from './loadGen';

/** The caller credential every bench instance accepts (External Credential "Custom" protocol). */
export const BENCH_SHARED_SECRET = 'bench-shared-secret-0123456789abcdef';
/** A Salesforce user id for the audit line (never PII). */
export const BENCH_AGENT_ID = '0058c00000BenchAAA';

export interface ProxyInstance {
    readonly name: string;
    readonly url: string;
    readonly pid: number;
    captureStart(): Promise<void>;
    captureStop(): Promise<CapturedCall[]>;
    memory(): Promise<NodeJS.MemoryUsage>;
    /** Bytes of log the instance wrote so far (launched with `countLogBytes`; 0 otherwise). */
    logBytes(): number;
    stop(): Promise<void>;
}

export interface ProxyLaunch {
    name: string;
    /** Where AEP is: the bench emulator's `AEP_*` settings. */
    aep: AepEnv;
    /** Proxy env vars (AEP_MAX_RPS, CACHE_TTL_SECONDS, REDIS_URL, ...) on top of the bench defaults. */
    env?: Record<string, string>;
    /** Node flags for the instance, e.g. --cpu-prof --cpu-prof-dir=... */
    nodeArgs?: string[];
    /** Count the bytes of its stdout (its log) instead of discarding them unread. */
    countLogBytes?: boolean;
}

/** Bench defaults: what differs from a production deployment is only the port (AEP is the emulator, by its AEP_* settings). */
export const PROXY_BENCH_ENV: Record<string, string> = {
    PROXY_HOST: '127.0.0.1',
    PROXY_PORT: '0',
    PROXY_SHARED_SECRET: BENCH_SHARED_SECRET,
    PROXY_LOG_LEVEL: 'info'
};

export async function launchProxy(l: ProxyLaunch): Promise<ProxyInstance> {
    const child: BenchChild<{ url: string }> = await startChild(join(__dirname, '..', 'children', 'proxyServer.ts'), {
        label: `proxy ${l.name}`,
        env: { ...PROXY_BENCH_ENV, ...l.aep, ...l.env },
        nodeArgs: ['--expose-gc', ...(l.nodeArgs ?? [])],
        readyTimeoutMs: 30_000,
        countStdout: l.countLogBytes
    });
    return {
        name: l.name,
        url: child.ready.url,
        pid: child.pid,
        captureStart: () => child.call('captureStart'),
        captureStop: () => child.call<CapturedCall[]>('captureStop'),
        memory: () => child.call<NodeJS.MemoryUsage>('memory'),
        logBytes: () => child.stdoutBytes(),
        stop: () => child.stop()
    };
}

export function lookupSpec(body: unknown): RequestSpec {
    return {
        path: '/v1/profiles/lookup',
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-proxy-key': BENCH_SHARED_SECRET, 'x-agent-id': BENCH_AGENT_ID },
        body: JSON.stringify(body)
    };
}
