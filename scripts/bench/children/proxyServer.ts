/**
 * One proxy instance for the bench, in its own process (so its CPU and RSS are its own): the real
 * proxy started from the real config loader, exactly as proxy/src/main.ts does, against the emulator whose
 * AEP_* settings the bench puts in this process's environment. Bench-only extras, none of which changes what
 * the proxy does: capture of its upstream calls (diagnostics channel) and memory figures over IPC.
 */
import { loadConfig, startProxy } from '../../../proxy/src/index';
import { serveParent } from '../infra/childProcess';
import { UpstreamCapture } from './upstreamCapture';

async function main(): Promise<void> {
    const capture = new UpstreamCapture();
    const config = loadConfig(process.env);
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
