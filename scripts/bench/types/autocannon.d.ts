// autocannon 8 ships no TypeScript types; this declares only the part of its API the bench uses.
declare module 'autocannon' {
    interface Histogram {
        average: number;
        mean: number;
        stddev: number;
        min: number;
        max: number;
        p50: number;
        p90: number;
        p97_5: number;
        p99: number;
        p99_9: number;
        total: number;
    }
    interface Result {
        duration: number;
        errors: number;
        timeouts: number;
        non2xx: number;
        mismatches: number;
        latency: Histogram;
        requests: Histogram & { sent: number };
        throughput: Histogram;
        statusCodeStats: Record<string, { count: number }>;
        '2xx': number;
    }
    interface Options {
        url: string;
        method?: 'GET' | 'POST';
        headers?: Record<string, string>;
        body?: string;
        connections?: number;
        pipelining?: number;
        duration?: number;
        amount?: number;
        timeout?: number;
        workers?: number;
        expectBody?: string;
    }
    interface Instance extends PromiseLike<Result> {
        stop(): void;
    }
    function autocannon(opts: Options): Instance & Promise<Result>;
    export = autocannon;
}
