import { loadCliConfig } from '../proxy/emulator/src/index';
import { ConfigError } from '../proxy/src/index';
import { DEMO_SHARED_SECRET, PREVIEW_AGENT_USER_ID, startStack, type RunningStack } from './preview/stack';

/**
 * `npm start`: the AEP emulator (unless AEP_* credentials point the proxy at real AEP), the proxy and the
 * Service Cloud console preview, all on 127.0.0.1. Builds the preview bundle first when it is missing or stale.
 * Each part reads its own settings: EMULATOR_* the emulator CLI's reader (proxy/emulator/src/cliConfig.ts; here
 * with AEP's documented ~500 ms per look-up as the latency default), PROXY_* and AEP_* the proxy's
 * (proxy/src/config.ts), PREVIEW_PORT this file.
 */

/** The demo's simulated AEP latency on profile and event look-ups, unless EMULATOR_LATENCY_MS says otherwise. */
const DEMO_LATENCY_MS = '500';

function previewPort(): number {
    const raw = process.env.PREVIEW_PORT;
    if (raw === undefined || raw.trim() === '') return 8090;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 0 || value > 65535)
        throw new ConfigError([`PREVIEW_PORT must be a port number (0-65535), got "${raw}"`]);
    return value;
}

function banner(stack: RunningStack): string {
    const { emulator, proxy, preview } = stack;
    // Only the demo secret is printed; a configured secret stays in the environment.
    const key = stack.usingDemoSecret ? DEMO_SHARED_SECRET : '$PROXY_SHARED_SECRET';
    const body = JSON.stringify({
        record: {
            objectApiName: 'Contact',
            recordId: '0038c00002JaneDAAR',
            fields: { Email: 'jane.doe@example.com', Phone: '(415) 555-0123', Id: '0038c00002JaneDAAR' }
        }
    });
    return [
        '',
        'Customer Activity Hub is running (loopback only):',
        emulator
            ? `  AEP emulator     ${emulator.platformUrl}   (IMS ${emulator.imsUrl}/ims/token/v3, faults ${emulator.platformUrl}/__emulator/faults)`
            : '  AEP              real Adobe Experience Platform (AEP_* credentials are set; no emulator started)',
        `  proxy            ${proxy.url}   (POST /v1/profiles/lookup, /healthz, /readyz, /metrics, /openapi.yaml)`,
        `  console preview  ${preview.url}/   (records: ${stack.recordSource === 'org' ? 'identity fields from your Salesforce org' : 'local CRM data set'})`,
        '',
        stack.usingDemoSecret
            ? '  Caller secret: the local demo value (set PROXY_SHARED_SECRET to use your own).'
            : '  Caller secret: PROXY_SHARED_SECRET from your environment.',
        '',
        "Jane Doe's card straight from the proxy:",
        `  curl -s ${proxy.url}/v1/profiles/lookup -H 'Content-Type: application/json' -H "X-Proxy-Key: ${key}" -H 'X-Agent-Id: ${PREVIEW_AGENT_USER_ID}' -d '${body}'`,
        '',
        'Press Ctrl+C to stop.',
        ''
    ].join('\n');
}

async function main(): Promise<void> {
    // This entry's own settings are checked before anything is built or listens.
    const emulator = loadCliConfig({ EMULATOR_LATENCY_MS: DEMO_LATENCY_MS, ...process.env }).options;
    const stack = await startStack({ emulator, previewPort: previewPort(), log: (line) => console.log(line) });
    console.log(banner(stack));

    let stopping = false;
    const stop = (signal: NodeJS.Signals) => {
        if (stopping) {
            console.error(`${signal} again: exiting without waiting`);
            process.exit(1);
        }
        stopping = true;
        console.log(`${signal}: stopping preview, proxy and emulator...`);
        stack.close().then(
            () => process.exit(0),
            (err: unknown) => {
                console.error(`shutdown failed: ${err instanceof Error ? err.message : String(err)}`);
                process.exit(1);
            }
        );
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
    if (err instanceof ConfigError) console.error(`Configuration error:\n${err.message}`);
    else if (isExplained(err)) console.error(`Customer Activity Hub could not start: ${err.message}`);
    else console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
    process.exit(1);
});

/** Errors whose message already says what to change (a port in use, an invalid EMULATOR_* value): no stack trace. */
function isExplained(err: unknown): err is Error {
    return (
        err instanceof Error &&
        ((err as NodeJS.ErrnoException).code === 'EADDRINUSE' || err.message.startsWith('invalid emulator environment'))
    );
}
