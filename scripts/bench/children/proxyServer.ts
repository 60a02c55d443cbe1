/**
 * One proxy instance for the bench, in its own process (so its CPU and RSS are its own): the real
 * proxy started from the real config loader, exactly as `npm start` does, against the emulator whose
 * connection details the bench passes in BENCH_EMULATOR. Bench-only extras, none of which changes what
 * the proxy does: capture of its upstream calls (diagnostics channel) and memory figures over IPC.
 */
import { loadConfig, type EmulatorConnection } from '../../../proxy/src/config';
import { startProxy } from '../../../proxy/src/server';
import { serveParent } from '../infra/childProcess';
import { UpstreamCapture } from './upstreamCapture';

async function main(): Promise<void> {
    const capture = new UpstreamCapture();
    const emulator = JSON.parse(process.env.BENCH_EMULATOR ?? 'null') as EmulatorConnection | null;
    if (!emulator) throw new Error('BENCH_EMULATOR is not set');
    const config = loadConfig(process.env, { emulator });
    const proxy = await startProxy(config);

    serveParent({
        captureStart: () => capture.start(),
        captureStop: () => capture.stop(),
        memory: () => {
            global.gc?.();
            return process.memoryUsage();
        }
    });
    const shutdown = () => {
        proxy.close().then(
            () => process.exit(0),
            () => process.exit(1)
        );
    };
    process.on('SIGTERM', shutdown);
    process.send?.({ type: 'ready', data: { url: proxy.url } });
}

main().catch((err: unknown) => {
    process.send?.({ type: 'fatal', error: err instanceof Error ? err.message : String(err) });
    process.exit(1);
});
