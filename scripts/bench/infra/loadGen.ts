import { Pool } from 'undici';

/** One HTTP exchange as the client saw it. status 0 = no answer (timeout or connection error). */
export interface Sample {
    startedAt: number;
    ms: number;
    status: number;
    retryAfter: string | null;
    body: string;
    error: 'timeout' | 'connection' | null;
}

/** Answers counted by status; a request that got none is counted by why (`no answer (timeout)`). */
export function countStatuses(samples: readonly Pick<Sample, 'status' | 'error'>[]): Record<string, number> {
    const out: Record<string, number> = {};
    for (const s of samples) {
        const key = s.status === 0 ? `no answer (${s.error})` : String(s.status);
        out[key] = (out[key] ?? 0) + 1;
    }
    return out;
}

export interface RequestSpec {
    path: string;
    method?: 'GET' | 'POST';
    headers?: Record<string, string>;
    body?: string;
}

export interface LoadClient {
    send(spec: RequestSpec): Promise<Sample>;
    close(): Promise<void>;
}

/**
 * A keep-alive client with per-request timing, status, Retry-After and body: what the scenarios need to
 * tell a fast 429 from a slow 200 (autocannon aggregates those away). Every request is bounded by timeoutMs.
 */
export function loadClient(origin: string, opts: { connections: number; timeoutMs: number }): LoadClient {
    const pool = new Pool(origin, { connections: opts.connections, pipelining: 1, keepAliveTimeout: 30_000 });
    return {
        async send(spec) {
            const startedAt = performance.now();
            try {
                const res = await pool.request({
                    path: spec.path,
                    method: spec.method ?? 'POST',
                    headers: spec.headers,
                    body: spec.body,
                    headersTimeout: opts.timeoutMs,
                    bodyTimeout: opts.timeoutMs
                });
                const body = await res.body.text();
                const ra = res.headers['retry-after'];
                return {
                    startedAt,
                    ms: performance.now() - startedAt,
                    status: res.statusCode,
                    retryAfter: Array.isArray(ra) ? (ra[0] ?? null) : (ra ?? null),
                    body,
                    error: null
                };
            } catch (err) {
                const code = (err as { code?: string }).code ?? '';
                const timeout = /TIMEOUT/i.test(code) || /timeout/i.test((err as Error).message);
                return {
                    startedAt,
                    ms: performance.now() - startedAt,
                    status: 0,
                    retryAfter: null,
                    body: '',
                    error: timeout ? 'timeout' : 'connection'
                };
            }
        },
        close: () => pool.close()
    };
}

/**
 * Closed loop: `workers` virtual agents, each sending its next request when the previous one answered,
 * until `total` requests were sent or `maxMs` passed.
 */
export async function closedLoop(
    client: LoadClient,
    o: { workers: number; total: number; maxMs: number; next: (i: number) => RequestSpec }
): Promise<Sample[]> {
    const samples: Sample[] = [];
    const deadline = performance.now() + o.maxMs;
    let issued = 0;
    const worker = async () => {
        while (issued < o.total && performance.now() < deadline) {
            const i = issued++;
            samples.push(await client.send(o.next(i)));
        }
    };
    await Promise.all(Array.from({ length: Math.max(1, o.workers) }, worker));
    return samples;
}

/**
 * Open loop at a fixed arrival rate (requests do not wait for earlier answers, as with many agents
 * clicking independently), bounded by `durationMs` and `maxRequests`; resolves when every request answered
 * or hit the client timeout.
 */
export async function openLoop(
    client: LoadClient,
    o: { ratePerSecond: number; durationMs: number; maxRequests: number; next: (i: number) => RequestSpec }
): Promise<Sample[]> {
    const samples: Promise<Sample>[] = [];
    const t0 = performance.now();
    const total = Math.min(o.maxRequests, Math.floor((o.durationMs / 1000) * o.ratePerSecond));
    await new Promise<void>((resolve) => {
        const tick = () => {
            const due = Math.min(total, Math.floor(((performance.now() - t0) / 1000) * o.ratePerSecond) + 1);
            while (samples.length < due) samples.push(client.send(o.next(samples.length)));
            if (samples.length >= total || performance.now() - t0 > o.durationMs + 1000) resolve();
            else setTimeout(tick, 2);
        };
        tick();
    });
    return Promise.all(samples);
}
