import { readFileSync } from 'node:fs';

/** Resident set size of any process in bytes, read from /proc so it counts what the kernel counts. */
export function rssOf(pid: number): number | null {
    try {
        const status = readFileSync(`/proc/${pid}/status`, 'utf8');
        const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
        return m ? Number(m[1]) * 1024 : null;
    } catch {
        return null;
    }
}

/**
 * CPU time (user + system, seconds) a process has used, from /proc/<pid>/stat (fields 14 and 15, in clock ticks
 * of 1/100 s on Linux). Compared with the wall time of a run it tells a busy process from a starved one.
 */
export function cpuSecondsOf(pid: number): number | null {
    try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        return (Number(fields[11]) + Number(fields[12])) / 100;
    } catch {
        return null;
    }
}

export interface RssTrace {
    startBytes: number | null;
    peakBytes: number | null;
    endBytes: number | null;
    samples: number;
}

/** Samples a process's RSS on an interval until stopped; keeps only start, peak and end. */
export class RssSampler {
    private timer: NodeJS.Timeout | null = null;
    private trace: RssTrace = { startBytes: null, peakBytes: null, endBytes: null, samples: 0 };

    constructor(
        private readonly pid: number,
        private readonly intervalMs = 200
    ) {}

    start(): this {
        this.sample();
        this.trace.startBytes = this.trace.endBytes;
        this.timer = setInterval(() => this.sample(), this.intervalMs);
        this.timer.unref();
        return this;
    }

    stop(): RssTrace {
        if (this.timer) clearInterval(this.timer);
        this.timer = null;
        this.sample();
        return { ...this.trace };
    }

    private sample(): void {
        const rss = rssOf(this.pid);
        if (rss === null) return;
        this.trace.samples += 1;
        this.trace.endBytes = rss;
        this.trace.peakBytes = Math.max(this.trace.peakBytes ?? 0, rss);
    }
}

export const mib = (bytes: number | null): number | null => (bytes === null ? null : Math.round((bytes / 1048576) * 10) / 10);
