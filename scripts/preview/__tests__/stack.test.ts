import { aepEnvFor, startEmulator, type RunningEmulator } from '../../../proxy/emulator/src/index';
import { DEMO_SHARED_SECRET, isolatedEnv, startLocalProxy } from '../stack';

/** The dev entry's one decision: no AEP credentials -> start the emulator; credentials -> use that AEP. */
const JANE = { record: { objectApiName: 'Contact', recordId: '0038c00002JaneDAAR', fields: { Email: 'jane.doe@example.com' } } };

async function lookup(url: string): Promise<number> {
    const res = await fetch(`${url}/v1/profiles/lookup`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-proxy-key': DEMO_SHARED_SECRET },
        body: JSON.stringify(JANE)
    });
    await res.arrayBuffer();
    return res.status;
}

describe('startLocalProxy (scripts/preview/stack.ts)', () => {
    it('starts the emulator when the settings name no AEP credentials, and points the proxy at it', async () => {
        const local = await startLocalProxy(isolatedEnv());
        try {
            expect(local.emulator).not.toBeNull();
            expect(local.proxy.config.aep.platformUrl).toBe(local.emulator!.platformUrl);
            expect(await lookup(local.proxy.url)).toBe(200);
        } finally {
            await local.close();
        }
    });

    it('starts no emulator when the settings name an AEP, and uses that one', async () => {
        const aep: RunningEmulator = await startEmulator();
        try {
            const local = await startLocalProxy({ ...isolatedEnv(), ...aepEnvFor(aep) });
            try {
                expect(local.emulator).toBeNull();
                aep.resetStats();
                expect(await lookup(local.proxy.url)).toBe(200);
                expect(aep.stats().byGroup.entities).toBe(1);
            } finally {
                await local.close();
            }
        } finally {
            await aep.close();
        }
    });
});
