import { aepEnvFor, startEmulator, type EmulatorOptions, type OrgKey, type RunningEmulator } from '../../proxy/emulator/src/index';
import {
    buildProxy,
    loadConfig,
    startProxy,
    type BuiltProxy,
    type ProxyConfig,
    type ProxyDeps,
    type RunningProxy
} from '../../proxy/src/index';

/**
 * The one builder of the local stack: the AEP emulator and the real proxy pointed at it through the emulator's
 * `AEP_*` settings, exactly as an operator points the proxy at Adobe. Used by the proxy's integration tests, the
 * fixture generators and the preview stack (scripts/preview/stack.ts), in the fastify/demo `test/helper.ts` way.
 */

export interface ProxyStackOptions {
    /**
     * Proxy settings (PROXY_*, AEP_* tuning, CACHE_*...) over the stack's defaults: loopback, ephemeral port, silent log,
     * no load shedding on event loop delay.
     */
    env?: Record<string, string | undefined>;
    /** How the emulator starts (port, latency and other fault rules, data set...). */
    emulator?: EmulatorOptions;
    /** Which emulated org the proxy is configured for. */
    org?: OrgKey;
    /** Logger, metrics, shared store or upstream observer other than the defaults. */
    deps?: ProxyDeps;
    /**
     * Default true: a loopback host, an ephemeral port, a silent log and no load shedding on event loop delay unless
     * `env` says otherwise (tests and generators). False: the proxy's own defaults (npm start listens where proxy/README.md says).
     */
    testDefaults?: boolean;
}

export interface ProxyStack<P extends BuiltProxy = RunningProxy> {
    emulator: RunningEmulator;
    config: ProxyConfig;
    proxy: P;
    close(): Promise<void>;
}

/**
 * Jest workers and generators share the CPU and block the event loop for seconds (loading specs, other suites):
 * shedding look-ups on event loop delay would refuse them at random. Tests of load shedding turn it back on.
 */
const TEST_DEFAULTS = { PROXY_HOST: '127.0.0.1', PROXY_PORT: '0', PROXY_LOG_LEVEL: 'silent', PROXY_MAX_EVENT_LOOP_DELAY_MS: '0' };

/** The emulator and a listening, warmed-up proxy (`stack.proxy.url`). */
export function startProxyStack(opts: ProxyStackOptions = {}): Promise<ProxyStack> {
    return withEmulator(opts, (config) => startProxy(config, opts.deps));
}

/** The emulator and a proxy built for `proxy.app.inject` (nothing listens). */
export function buildProxyStack(opts: ProxyStackOptions = {}): Promise<ProxyStack<BuiltProxy>> {
    return withEmulator(opts, async (config) => {
        const proxy = await buildProxy(config, opts.deps);
        await proxy.app.ready();
        return proxy;
    });
}

async function withEmulator<P extends BuiltProxy>(
    opts: ProxyStackOptions,
    start: (config: ProxyConfig) => Promise<P>
): Promise<ProxyStack<P>> {
    const emulator = await startEmulator(opts.emulator);
    try {
        const defaults = opts.testDefaults === false ? {} : TEST_DEFAULTS;
        const config = loadConfig({ ...defaults, ...aepEnvFor(emulator, emulator.orgs[opts.org ?? 'primary']), ...opts.env });
        const proxy = await start(config);
        return {
            emulator,
            config,
            proxy,
            close: async () => {
                await proxy.close();
                await emulator.close();
            }
        };
    } catch (err) {
        await emulator.close();
        throw err;
    }
}
