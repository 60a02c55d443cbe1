/**
 * Agents opening cards, in a process of their own: their latency is then what the proxy gives them, not also the
 * event loop of the bench process, which serves the emulator and drives the burst at the same time. One request:
 * `run` a closed loop of `workers` agents over `specs` (round robin) for `durationMs`; the reply is every
 * request's status and time.
 */
import { closedLoop, loadClient, type RequestSpec } from '../infra/loadGen';
import { serveParent } from '../infra/childProcess';

interface RunArgs {
    url: string;
    specs: RequestSpec[];
    workers: number;
    durationMs: number;
}

serveParent({
    run: async (args) => {
        const a = args as RunArgs;
        const client = loadClient(a.url, { connections: a.workers, timeoutMs: 15_000 });
        try {
            const samples = await closedLoop(client, {
                workers: a.workers,
                total: 10_000_000,
                maxMs: a.durationMs,
                next: (i) => a.specs[i % a.specs.length]!
            });
            return samples.map((s) => ({ status: s.status, ms: s.ms, error: s.error }));
        } finally {
            await client.close();
        }
    }
});
process.send?.({ type: 'ready', data: {} });
