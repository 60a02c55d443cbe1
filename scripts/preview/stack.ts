import { latencyRules } from '../../proxy/emulator/src/cliConfig';
import { connectionFor, startEmulator, type RunningEmulator } from '../../proxy/emulator/src/index';
import { configSource, loadConfig, usesEmulator } from '../../proxy/src/config';
import { startProxy, type RunningProxy } from '../../proxy/src/server';
import { createConnection, hasOrgCredentials, type Env } from '../org/connection';
import { CustomerProfileRelay } from './apex/customerProfileRelay';
import { localRecordSource, orgRecordSource, type RecordSource } from './apex/recordSource';
import { readApexSettings } from './apex/apexSettings';
import { ensurePreviewBundle } from './build';
import { LocalCrm } from './crm/localCrm';
import { startPreviewServer, type RunningPreview } from './server';

/**
 * The whole local product on loopback: AEP emulator (unless real AEP credentials are set), the proxy, and the
 * console preview whose Apex stand-in calls the proxy. `npm start` and the browser tests both start it here.
 */

/** Demo caller secret for local runs only; any real deployment sets PROXY_SHARED_SECRET (or JWT). */
export const DEMO_SHARED_SECRET = 'cah-local-demo-shared-secret';
/** The preview agent's Salesforce User Id, sent as X-Agent-Id like UserInfo.getUserId(). */
export const PREVIEW_AGENT_USER_ID = '0058c00000PrevwAAA';

/** The environment minus the developer's real AEP, org, proxy, Redis and cache settings: emulator and local CRM only. */
export function isolatedEnv(): Env {
    const kept = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(AEP_|SF_|PROXY_|REDIS_|CACHE_)/.test(name)));
    return { ...kept, PROXY_LOG_LEVEL: 'silent' };
}

export interface StackOptions {
    env?: Env;
    emulatorPort?: number;
    proxyPort?: number;
    previewPort?: number;
    /** Added latency of the emulator's profile and event look-ups (AEP documents ~500 ms); 0 in tests. */
    emulatorLatencyMs?: number;
    /** Where bundles are built (scripts/preview/dist by default). */
    distRoot?: string;
    /** Preview user without View_Sensitive_Profile_Fields (the Apex then drops birth date, gender, address). */
    hideSensitiveFields?: boolean;
    log?: (line: string) => void;
}

export interface RunningStack {
    emulator: RunningEmulator | null;
    proxy: RunningProxy;
    preview: RunningPreview;
    relay: CustomerProfileRelay;
    recordSource: RecordSource['kind'];
    sharedSecret: string;
    usingDemoSecret: boolean;
    close(): Promise<void>;
}

export async function startStack(opts: StackOptions = {}): Promise<RunningStack> {
    const env = opts.env ?? process.env;
    const log = opts.log ?? (() => undefined);
    const closers: (() => Promise<void>)[] = [];
    const closeAll = async () => {
        for (const close of closers.splice(0).reverse()) await close().catch(() => undefined);
    };

    try {
        // The bundle first: a build failure should stop us before anything listens.
        const bundle = await ensurePreviewBundle({ distRoot: opts.distRoot, log });

        // The proxy's own settings (environment over PROXY_CONFIG_FILE, read once) decide whether it needs the emulator.
        const proxyEnv = configSource(env);
        let emulator: RunningEmulator | null = null;
        if (usesEmulator(proxyEnv)) {
            const faults = latencyRules(String(opts.emulatorLatencyMs ?? 0));
            emulator = await startEmulator({ host: '127.0.0.1', port: opts.emulatorPort ?? 0, faults });
            closers.push(() => emulator!.close());
        }

        const usingDemoSecret = !(env.PROXY_SHARED_SECRET ?? '').trim();
        const sharedSecret = usingDemoSecret ? DEMO_SHARED_SECRET : env.PROXY_SHARED_SECRET!.trim();
        const config = loadConfig(
            { ...proxyEnv, PROXY_HOST: '127.0.0.1', PROXY_PORT: String(opts.proxyPort ?? 0), PROXY_SHARED_SECRET: sharedSecret },
            emulator ? { emulator: connectionFor(emulator) } : {}
        );
        const proxy = await startProxy(config);
        closers.push(() => proxy.close());

        const settings = readApexSettings();
        settings.warnings.forEach((w) => log(`preview: ${w}`));
        const crm = LocalCrm.fromFile();
        const source = hasOrgCredentials(env) ? await orgRecordSource(await createConnection(env)) : localRecordSource(crm);
        const relay = new CustomerProfileRelay({
            proxyUrl: proxy.url,
            sharedSecret,
            agentUserId: PREVIEW_AGENT_USER_ID,
            source,
            canViewSensitiveFields: !opts.hideSensitiveFields,
            maxEvents: settings.maxEvents,
            timeoutMs: settings.timeoutSeconds * 1000,
            cacheTtlMs: settings.cacheTtlSeconds * 1000
        });
        const preview = await startPreviewServer({
            port: opts.previewPort ?? 0,
            distDir: bundle.distDir,
            relay,
            records: { source: source.kind, views: crm.views() },
            log
        });
        closers.push(() => preview.close());

        return { emulator, proxy, preview, relay, recordSource: source.kind, sharedSecret, usingDemoSecret, close: closeAll };
    } catch (err) {
        await closeAll();
        throw err;
    }
}
