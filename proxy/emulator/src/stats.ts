import type { RouteGroup } from './context';

/** Per-route call counts, so tests can assert e.g. "exactly one upstream profile call". */
export interface EmulatorStats {
    readonly total: number;
    /** Keyed `METHOD /route/pattern`, e.g. `GET /data/core/ups/access/entities`. */
    readonly byRoute: Readonly<Record<string, number>>;
    readonly byGroup: Readonly<Partial<Record<RouteGroup, number>>>;
}

export class StatsRecorder {
    private byRoute = new Map<string, number>();
    private byGroup = new Map<RouteGroup, number>();
    private total = 0;

    record(routeKey: string, group: RouteGroup): void {
        this.total += 1;
        this.byRoute.set(routeKey, (this.byRoute.get(routeKey) ?? 0) + 1);
        this.byGroup.set(group, (this.byGroup.get(group) ?? 0) + 1);
    }

    snapshot(): EmulatorStats {
        return {
            total: this.total,
            byRoute: Object.fromEntries(this.byRoute),
            byGroup: Object.fromEntries(this.byGroup) as EmulatorStats['byGroup']
        };
    }

    reset(): void {
        this.byRoute.clear();
        this.byGroup.clear();
        this.total = 0;
    }
}
