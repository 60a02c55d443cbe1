/** Per-route upstream call counts (the emulator's stats), and their differences between two snapshots. */
export type RouteCounts = Record<string, number>;

export function diffCounts(after: RouteCounts, before: RouteCounts): RouteCounts {
    const out: RouteCounts = {};
    for (const [route, n] of Object.entries(after)) {
        const d = n - (before[route] ?? 0);
        if (d !== 0) out[route] = d;
    }
    return out;
}

export function totalCalls(c: RouteCounts, exclude: readonly string[] = []): number {
    return Object.entries(c).reduce((sum, [route, n]) => (exclude.includes(route) ? sum : sum + n), 0);
}

export function addCounts(into: RouteCounts, more: RouteCounts): RouteCounts {
    for (const [route, n] of Object.entries(more)) into[route] = (into[route] ?? 0) + n;
    return into;
}

/**
 * Polls a counter while load runs and reports the most calls seen inside any window of `windowMs`
 * (the sliding-window view of a rate limit). Bounded: stops when stop() is called.
 */
export class RateWatcher {
    private readonly points: { t: number; n: number }[] = [];
    private timer: NodeJS.Timeout | null = null;

    constructor(
        private readonly read: () => number,
        private readonly intervalMs = 50
    ) {}

    start(): this {
        this.sample();
        this.timer = setInterval(() => this.sample(), this.intervalMs);
        return this;
    }

    stop(windowMs = 1000): number {
        if (this.timer) clearInterval(this.timer);
        this.timer = null;
        this.sample();
        let peak = 0;
        let j = 0;
        for (let i = 0; i < this.points.length; i++) {
            const pi = this.points[i]!;
            while (j < i && pi.t - this.points[j]!.t > windowMs) j++;
            peak = Math.max(peak, pi.n - this.points[j]!.n);
        }
        return peak;
    }

    private sample(): void {
        this.points.push({ t: performance.now(), n: this.read() });
    }
}
