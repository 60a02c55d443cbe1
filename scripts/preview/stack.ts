import type { EmulatorOptions, RunningEmulator } from '../../proxy/emulator/src/index';
import { configSource, hasAepCredentials, loadConfig, startProxy, type RunningProxy } from '../../proxy/src/index';
import { createConnection, hasOrgCredentials, type Env } from '../org/connection';
import { startProxyStack } from '../stack/proxyStack';
import { CaseArrival } from './apex/caseArrival';
import { CustomerProfileRelay } from './apex/customerProfileRelay';
import { previewApex } from './apex/previewApex';
import { ProfileChoices } from './apex/profileChoices';
import { localRecordSource, orgRecordSource, type RecordSource } from './apex/recordSource';
import { readApexSettings } from './apex/apexSettings';
import { ensurePreviewBundle } from './build';
import { LocalCrm } from './crm/localCrm';
import { startPreviewServer, type RunningPreview } from './server';

/**
 * The whole local product on loopback: the AEP emulator, the proxy and the console preview whose Apex stand-in
 * calls the proxy. `npm start` and the browser tests both start it here, and only here is it decided that no AEP
 * credentials means "start the emulator and point the proxy at it" (scripts/stack/proxyStack.ts); the proxy
 * itself only ever reads AEP_* settings.
 */

/** Demo caller secret for local runs only; any real deployment sets PROXY_SHARED_SECRET (or JWT). */
export const DEMO_SHARED_SECRET = 'cah-local-demo-shared-secret';
/** The preview agent's Salesforce User Id, sent as X-Agent-Id like UserInfo.getUserId(). */
export const PREVIEW_AGENT_USER_ID = '0058c00000PrevwAAA';
/** The preview agent's name, as a stored profile choice shows who made it. */
export const PREVIEW_AGENT_NAME = 'Avery Agent';

/**
 * The environment minus the developer's real AEP, org, proxy, Redis and cache settings: emulator and local CRM
 * only, the proxy on an ephemeral port.
 */
export function isolatedEnv(): Env {
    const kept = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(AEP_|SF_|PROXY_|REDIS_|CACHE_)/.test(name)));
    return { ...kept, PROXY_LOG_LEVEL: 'silent', PROXY_PORT: '0' };
}

export interface StackOptions {
    /** Where the proxy's settings come from (environment over PROXY_CONFIG_FILE); default process.env. */
    env?: Env;
    /** The emulator, when `env` names no AEP credentials; default: ephemeral port, no added latency. */
    emulator?: EmulatorOptions;
    /** Default 0 (ephemeral). */
    previewPort?: number;
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
    /** Profile choices and "Not this person" reports made in the preview (in memory). */
    choices: ProfileChoices;
    recordSource: RecordSource['kind'];
    sharedSecret: string;
    usingDemoSecret: boolean;
    close(): Promise<void>;
}

/**
 * The proxy of the local product, on loopback, with the demo caller secret unless one is set: against the AEP its
 * settings name (environment over PROXY_CONFIG_FILE), or, when they name no AEP credentials, against an emulator
 * started here. This is the one place that decides to start the emulator.
 */
export async function startLocalProxy(
    env: Env,
    emulatorOptions?: EmulatorOptions
): Promise<{ emulator: RunningEmulator | null; proxy: RunningProxy; close(): Promise<void> }> {
    const proxyEnv = { PROXY_SHARED_SECRET: DEMO_SHARED_SECRET, ...configSource(env), PROXY_HOST: '127.0.0.1' };
    if (hasAepCredentials(proxyEnv)) {
        const proxy = await startProxy(loadConfig(proxyEnv));
        return { emulator: null, proxy, close: () => proxy.close() };
    }
    const local = await startProxyStack({ env: proxyEnv, emulator: emulatorOptions, testDefaults: false });
    return { emulator: local.emulator, proxy: local.proxy, close: local.close };
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

        const { emulator, proxy, close } = await startLocalProxy(env, opts.emulator);
        closers.push(close);
        const sharedSecret = proxy.config.auth.sharedSecret ?? DEMO_SHARED_SECRET;
        const usingDemoSecret = sharedSecret === DEMO_SHARED_SECRET;

        const settings = readApexSettings();
        settings.warnings.forEach((w) => log(`preview: ${w}`));
        const crm = LocalCrm.fromFile();
        const source = hasOrgCredentials(env) ? await orgRecordSource(await createConnection(env)) : localRecordSource(crm);
        const choices = new ProfileChoices(source);
        const relay = new CustomerProfileRelay({
            proxyUrl: proxy.url,
            sharedSecret,
            agentUserId: PREVIEW_AGENT_USER_ID,
            source,
            canViewSensitiveFields: !opts.hideSensitiveFields,
            maxEvents: settings.maxEvents,
            timeoutMs: settings.timeoutSeconds * 1000,
            cacheTtlMs: settings.cacheTtlSeconds * 1000,
            choices
        });
        const views = crm.views();
        const caller = { proxyUrl: proxy.url, sharedSecret, agentUserId: PREVIEW_AGENT_USER_ID, timeoutMs: 10_000 };
        const preview = await startPreviewServer({
            port: opts.previewPort ?? 0,
            distDir: bundle.distDir,
            apex: previewApex({ relay, choices, proxyUrl: proxy.url, agent: { id: PREVIEW_AGENT_USER_ID, name: PREVIEW_AGENT_NAME } }),
            records: { source: source.kind, views },
            caseArrival:
                source.kind === 'local'
                    ? new CaseArrival({ crm, views, caller, maxEvents: settings.maxEvents, warmOnArrival: settings.warmOnArrival })
                    : undefined,
            log
        });
        closers.push(() => preview.close());

        return { emulator, proxy, preview, relay, choices, recordSource: source.kind, sharedSecret, usingDemoSecret, close: closeAll };
    } catch (err) {
        await closeAll();
        throw err;
    }
}
