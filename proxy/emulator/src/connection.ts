import type { OrgCredentials, RunningEmulator } from './index';

/**
 * What a proxy needs to talk to a running emulator as one of its orgs. Structurally the proxy's
 * `EmulatorConnection` (proxy/src/config.ts); kept here so the emulator does not import the proxy.
 */
export interface EmulatorConnectionDetails {
    readonly imsUrl: string;
    readonly platformUrl: string;
    readonly identityUrl: string;
    readonly clientId: string;
    readonly clientSecret: string;
    readonly orgId: string;
    readonly sandbox: string;
}

/** The one mapping from a running emulator to proxy connection settings (default: the primary org). */
export function connectionFor(emulator: RunningEmulator, org: OrgCredentials = emulator.orgs.primary): EmulatorConnectionDetails {
    return {
        imsUrl: emulator.imsUrl,
        platformUrl: emulator.platformUrl,
        identityUrl: emulator.identityUrl,
        clientId: org.clientId,
        clientSecret: org.clientSecret,
        orgId: org.imsOrgId,
        sandbox: org.sandboxName
    };
}
