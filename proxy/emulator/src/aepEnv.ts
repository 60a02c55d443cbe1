import type { OrgCredentials, RunningEmulator } from './index';

/**
 * The `AEP_*` settings that point a proxy at a running emulator as one of its orgs, exactly what an admin copies
 * from Adobe's Developer Console for real AEP (proxy/README.md, "Point the proxy at real AEP"). The proxy cannot
 * tell the emulator from Adobe: it only ever reads these settings.
 */
export interface AepEnv {
    readonly AEP_IMS_URL: string;
    readonly AEP_PLATFORM_URL: string;
    readonly AEP_IDENTITY_URL: string;
    readonly AEP_CLIENT_ID: string;
    readonly AEP_CLIENT_SECRET: string;
    readonly AEP_ORG_ID: string;
    readonly AEP_SCOPES: string;
    readonly AEP_SANDBOX: string;
    readonly AEP_TENANT: string;
}

/** The settings of `org` (default: the primary org) on `emulator`. */
export function aepEnvFor(emulator: RunningEmulator, org: OrgCredentials = emulator.orgs.primary): AepEnv {
    return {
        AEP_IMS_URL: emulator.imsUrl,
        AEP_PLATFORM_URL: emulator.platformUrl,
        AEP_IDENTITY_URL: emulator.identityUrl,
        AEP_CLIENT_ID: org.clientId,
        AEP_CLIENT_SECRET: org.clientSecret,
        AEP_ORG_ID: org.imsOrgId,
        AEP_SCOPES: org.scope,
        AEP_SANDBOX: org.sandboxName,
        AEP_TENANT: org.tenant
    };
}
