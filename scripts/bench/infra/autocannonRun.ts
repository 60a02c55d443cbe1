import autocannon from 'autocannon';
import type { ThroughputSummary } from '../report/types';
import { round } from './stats';
import type { RequestSpec } from './loadGen';

/** A closed-loop autocannon run of one fixed request; bounded by duration (and autocannon's own timeout). */
export async function autocannonRun(
    origin: string,
    spec: RequestSpec,
    o: { connections: number; durationSeconds: number }
): Promise<ThroughputSummary> {
    const r = await autocannon({
        url: `${origin}${spec.path}`,
        method: spec.method ?? 'POST',
        headers: spec.headers,
        body: spec.body,
        connections: o.connections,
        duration: o.durationSeconds,
        timeout: 10
    });
    return {
        connections: o.connections,
        durationSeconds: r.duration,
        requests: r.requests.total,
        requestsPerSecond: round(r.requests.total / r.duration, 0),
        latencyMs: { p50: r.latency.p50, p90: r.latency.p90, p99: r.latency.p99, max: r.latency.max, mean: round(r.latency.mean) },
        non2xx: r.non2xx,
        errors: r.errors,
        timeouts: r.timeouts
    };
}
