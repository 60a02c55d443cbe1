import { aepEnvFor } from './aepEnv';
import { loadCliConfig } from './cliConfig';
import { startEmulator } from './index';

/**
 * CLI: `tsx proxy/emulator/src/main.ts`. Configuration comes from the environment (see cliConfig.ts).
 * Prints where it listens, the demo credentials (loopback demo values, never real ones) and the AEP_* settings
 * that point a proxy at it.
 */
async function main(): Promise<void> {
    const config = loadCliConfig(process.env);
    const emulator = await startEmulator(config.options);
    const { primary, prime, linked } = emulator.orgs;
    const lines = [
        `AEP emulator listening on ${emulator.platformUrl}`,
        `  IMS token:      POST ${emulator.imsUrl}/ims/token/v3`,
        `  Platform:       ${emulator.platformUrl}/data/core/...`,
        `  Identity host:  ${emulator.identityUrl}/data/core/...`,
        `  Admin:          ${emulator.platformUrl}/__emulator/{faults,stats}`,
        `  Latency:        ${config.latency} ms on entities/events; events ${config.events}`,
        '  Demo credentials (loopback only):',
        ...[primary, prime, linked].map(
            (o) =>
                `    ${o.key.padEnd(8)} org ${o.imsOrgId} sandbox ${o.sandboxName} client_id ${o.clientId} client_secret ${o.clientSecret} (${o.edition}, events ${o.eventLookupEnabled ? 'on' : 'off'}${o.linkingRules ? ', identity graph linking rules' : ''})`
        ),
        `    scope ${primary.scope}`,
        '  A proxy reaches it like real AEP, by these settings (primary org):',
        ...Object.entries(aepEnvFor(emulator)).map(([name, value]) => `    ${name}=${value}`)
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    const stop = () => {
        void emulator.close().then(() => process.exit(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
    process.stderr.write(`AEP emulator failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
});
