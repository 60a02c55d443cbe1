import type { RunningEmulator } from '../../../proxy/emulator/src/index';
import { startProxyStack } from '../../stack/proxyStack';

/** The real proxy in front of the real AEP emulator, both on loopback ports, as the smoke check meets them. */
export interface ProxyUnderTest {
    url: string;
    sharedSecret: string;
    emulator: RunningEmulator;
    close(): Promise<void>;
}

export async function startProxyUnderTest(): Promise<ProxyUnderTest> {
    const sharedSecret = 'org-smoke-shared-secret-0123456789';
    const stack = await startProxyStack({ env: { PROXY_SHARED_SECRET: sharedSecret } });
    return { url: stack.proxy.url, sharedSecret, emulator: stack.emulator, close: stack.close };
}
