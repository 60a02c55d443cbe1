/** Latency summary in milliseconds; nearest-rank percentiles over the recorded samples. */
export interface LatencySummary {
    count: number;
    min: number;
    p50: number;
    p95: number;
    p99: number;
    max: number;
    mean: number;
}

export function percentile(sorted: readonly number[], p: number): number {
    if (sorted.length === 0) return Number.NaN;
    const rank = Math.ceil((p / 100) * sorted.length);
    return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] as number;
}

export function summarise(values: readonly number[]): LatencySummary {
    const sorted = [...values].sort((a, b) => a - b);
    const sum = sorted.reduce((s, v) => s + v, 0);
    return {
        count: sorted.length,
        min: round(sorted[0] ?? Number.NaN),
        p50: round(percentile(sorted, 50)),
        p95: round(percentile(sorted, 95)),
        p99: round(percentile(sorted, 99)),
        max: round(sorted[sorted.length - 1] ?? Number.NaN),
        mean: round(sorted.length ? sum / sorted.length : Number.NaN)
    };
}

export function round(v: number, digits = 2): number {
    if (!Number.isFinite(v)) return v;
    const f = 10 ** digits;
    return Math.round(v * f) / f;
}

export function ratio(a: number, b: number, digits = 3): number {
    return b === 0 ? Number.NaN : round(a / b, digits);
}
