import { ConfigError, loadConfig } from './config';
import { startProxy, type RunningProxy } from './server';

/**
 * Process entry point: compiled by `npm run build` to proxy/dist/main.js, the container's command
 * (proxy/Dockerfile); `npx tsx proxy/src/main.ts` runs it from source. It talks to the AEP that the `AEP_*` settings
 * name and refuses to start without them; a local AEP for development is the dev entry's business (`npm start`,
 * scripts/start.ts).
 * SIGTERM/SIGINT: stop accepting, let in-flight look-ups finish (fastify close), close pools and Redis.
 */
const SHUTDOWN_GRACE_MS = 10_000;

async function main(): Promise<void> {
    const proxy: RunningProxy = await startProxy(loadConfig(process.env));
    process.stdout.write(`AEP profile proxy listening on ${proxy.url}\n`);

    let stopping = false;
    const stop = (signal: string) => {
        if (stopping) return;
        stopping = true;
        proxy.app.log.info({ signal }, 'shutting down: draining in-flight requests');
        const force = setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS);
        force.unref();
        void proxy.close().then(() => process.exit(0));
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
