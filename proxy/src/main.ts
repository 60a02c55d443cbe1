import { randomBytes } from 'node:crypto';
import { ConfigError, configSource, loadConfig, usesEmulator, type EmulatorConnection } from './config';
import { startProxy, type RunningProxy } from './server';

/**
 * Process entry point: `tsx proxy/src/main.ts`. Without AEP_* credentials it starts the AEP emulator
 * in-process and points the proxy at it (local development; refused under NODE_ENV=production); with them
 * it talks to Adobe.
 * SIGTERM/SIGINT: stop accepting, let in-flight look-ups finish (fastify close), close pools and Redis.
 */
const SHUTDOWN_GRACE_MS = 10_000;

async function main(): Promise<void> {
    // Environment over PROXY_CONFIG_FILE, read once: every decision below sees what loadConfig will see.
    const env = configSource(process.env);
    let closeEmulator: (() => Promise<void>) | null = null;
    let emulator: EmulatorConnection | undefined;

    if (usesEmulator(env)) {
        const { startEmulator, connectionFor } = await import('../emulator/src/index');
        const { loadCliConfig } = await import('../emulator/src/cliConfig');
        // The emulator CLI's own reading of EMULATOR_* (validated, latency ranges on look-ups), with this
        // entry point's defaults: an ephemeral port and no added latency.
        const running = await startEmulator(loadCliConfig({ EMULATOR_PORT: '0', EMULATOR_LATENCY_MS: '0', ...process.env }).options);
        emulator = connectionFor(running);
        closeEmulator = () => running.close();
        process.stdout.write(`AEP emulator listening on ${running.platformUrl}\n`);
        if (!env.PROXY_SHARED_SECRET && !env.PROXY_JWT_ISSUER) {
            // Local development only: a throwaway key so the documented curl works. Never used with real AEP.
            env.PROXY_SHARED_SECRET = randomBytes(18).toString('base64url');
            process.stdout.write(`local proxy key (X-Proxy-Key): ${env.PROXY_SHARED_SECRET}\n`);
        }
    }

    let proxy: RunningProxy;
    try {
        proxy = await startProxy(loadConfig(env, { emulator }));
    } catch (err) {
        await closeEmulator?.();
        throw err;
    }
    process.stdout.write(`AEP profile proxy listening on ${proxy.url}\n`);

    let stopping = false;
    const stop = (signal: string) => {
        if (stopping) return;
        stopping = true;
        proxy.app.log.info({ signal }, 'shutting down: draining in-flight requests');
        const force = setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS);
        force.unref();
        void (async () => {
            await proxy.close();
            await closeEmulator?.();
            process.exit(0);
        })();
    };
    process.on('SIGTERM', () => stop('SIGTERM'));
    process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((err: unknown) => {
    process.stderr.write(
        `${err instanceof ConfigError ? err.message : `proxy failed to start: ${err instanceof Error ? err.message : String(err)}`}\n`
    );
    process.exit(1);
});
