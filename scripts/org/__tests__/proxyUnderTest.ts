import { connectionFor, startEmulator, type RunningEmulator } from '../../../proxy/emulator/src/index';
import { loadConfig } from '../../../proxy/src/config';
import { startProxy, type RunningProxy } from '../../../proxy/src/server';

/** The real proxy in front of the real AEP emulator, both on loopback ports, as the smoke check meets them. */
export interface ProxyUnderTest {
    url: string;
    sharedSecret: string;
    emulator: RunningEmulator;
    close(): Promise<void>;
}

export async function startProxyUnderTest(): Promise<ProxyUnderTest> {
    const sharedSecret = 'org-smoke-shared-secret-0123456789';
    const emulator = await startEmulator();
    let proxy: RunningProxy;
    try {
        const config = loadConfig(
            { PROXY_PORT: '0', PROXY_SHARED_SECRET: sharedSecret, PROXY_LOG_LEVEL: 'silent' },
            {
                emulator: connectionFor(emulator)
            }
        );
        proxy = await startProxy(config);
    } catch (error) {
        await emulator.close();
        throw error;
    }
    return {
        url: proxy.url,
        sharedSecret,
        emulator,
        close: async () => {
            await proxy.close();
            await emulator.close();
        }
    };
}
