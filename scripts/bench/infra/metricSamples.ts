/** One sample of a metric as a proxy's GET /metrics shows it (Prometheus text format). */
export interface MetricSample {
    labels: Record<string, string>;
    value: number;
}

/**
 * The samples of one metric (counter or gauge: `name{label="v",...} value` lines) from a proxy's /metrics, so every
 * scenario reads the proxy's own counters the same way
 * (https://prometheus.io/docs/instrumenting/exposition_formats/#text-based-format). Label values the proxy writes
 * are plain: no escaped quotes.
 */
export async function metricSamples(proxyUrl: string, name: string): Promise<MetricSample[]> {
    const text = await (await fetch(`${proxyUrl}/metrics`)).text();
    const out: MetricSample[] = [];
    for (const line of text.split('\n')) {
        if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
        const m = /^[^{\s]+(?:\{([^}]*)\})?\s+(\S+)$/.exec(line);
        if (!m) continue;
        const labels: Record<string, string> = {};
        for (const [, key, value] of (m[1] ?? '').matchAll(/([A-Za-z_][A-Za-z0-9_]*)="([^"]*)"/g)) labels[key!] = value!;
        out.push({ labels, value: Number(m[2]) });
    }
    return out;
}
