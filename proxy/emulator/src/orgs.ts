/**
 * The emulated IMS orgs, their API credentials (Developer Console project) and sandboxes.
 * The primary org is the demo's (proxy/emulator/README.md, "Emulated orgs"); secrets are demo values for loopback use only.
 */
export type Edition = 'ultimate' | 'prime';

/**
 * Identity Graph Linking Rules of an org (https://experienceleague.adobe.com/en/docs/experience-platform/identity/features/identity-graph-linking-rules/identity-optimization-algorithm):
 * a graph holds at most one identity of each unique namespace; when a link would break that, the identity
 * optimization algorithm replays the links (latest first, then by namespace priority) and drops the one
 * that would merge two people. Null: no rules, so one shared identity collapses graphs into one.
 */
export interface LinkingRules {
    /** Namespace codes that identify one person (CRMID...); at most one of each per graph. */
    readonly uniqueNamespaces: readonly string[];
    /** Namespace codes, most important first. */
    readonly namespacePriority: readonly string[];
}

/**
 * How the multi-entity POST keys its answer. perRequestedIdentity: one entry per requested identity, the same
 * person under several keys (Adobe's only example, profile.yaml retrieveMultipleEntities 200). perProfile: one
 * entry per distinct profile (the form this emulator used to assume).
 */
export const MULTI_ENTITY_KEYINGS = ['perRequestedIdentity', 'perProfile'] as const;
export type MultiEntityKeying = (typeof MULTI_ENTITY_KEYINGS)[number];

export interface EmulatedSandbox {
    readonly name: string;
    readonly sandboxId: string;
    readonly type: 'production' | 'development';
    readonly default: boolean;
    /** Id of the default profile merge policy, or null when the sandbox has none (look-ups without mergePolicyId: no stitching). */
    readonly defaultMergePolicyId: string | null;
}

export interface EmulatedOrg {
    /** Short handle used in `RunningEmulator.orgs` and env vars. */
    readonly key: string;
    readonly imsOrgId: string;
    readonly name: string;
    readonly edition: Edition;
    readonly tenant: string;
    readonly clientId: string;
    readonly clientSecret: string;
    /** Scopes the credential may request (a subset is fine, like IMS). */
    readonly allowedScopes: readonly string[];
    readonly sandboxes: readonly EmulatedSandbox[];
    /** Event look-up through /access/entities: on, or refused with this status (AEP: Ultimate only). */
    readonly eventLookup: { readonly enabled: boolean; readonly refusalStatus: 403 | 422 };
    /** Identity Graph Linking Rules, or null (the default in AEP: shared identities collapse graphs). */
    readonly linkingRules: LinkingRules | null;
}

export const PRIMARY_ORG_ID = 'A1B2C3D4E5F6A7B8C9D0E1F2@AdobeOrg';
export const PRIME_ORG_ID = 'F1E2D3C4B5A6978877665544@AdobeOrg';
export const LINKED_ORG_ID = 'C3D4E5F6A7B8C9D0E1F2A3B4@AdobeOrg';
export const DEFAULT_MERGE_POLICY_ID = '7b0e1f2c-3d4e-4f50-8a6b-9c8d7e6f5a41';
export const DEV_MERGE_POLICY_ID = '2c5d8e1f-4a7b-4c0d-9e3f-6a1b4c7d0e82';
export const PRIME_MERGE_POLICY_ID = '5a8b1c4d-7e0f-4a3b-8c6d-9e2f5a8b1c47';
export const LINKED_MERGE_POLICY_ID = '8c1d4e7f-0a3b-4c6d-9e2f-5a8b1c4d7e03';
export const PRIMARY_SCOPES = 'openid,AdobeID,read_organizations,additional_info.projectedProductContext,session';

const ALLOWED_SCOPES = [
    'openid',
    'AdobeID',
    'read_organizations',
    'additional_info.projectedProductContext',
    'additional_info.roles',
    'session',
    'acp_core_identity',
    'acp_foundation'
];

export function defaultOrgs(): EmulatedOrg[] {
    return [
        {
            key: 'primary',
            imsOrgId: PRIMARY_ORG_ID,
            name: 'Acme Telco (Real-Time CDP Ultimate)',
            edition: 'ultimate',
            tenant: '_acmetelco',
            clientId: 'cah-emulator-client-primary',
            clientSecret: 'p8e-EMULATOR-primary-demo-secret',
            allowedScopes: ALLOWED_SCOPES,
            sandboxes: [
                {
                    name: 'prod',
                    sandboxId: 'a3f1c2d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
                    type: 'production',
                    default: true,
                    defaultMergePolicyId: DEFAULT_MERGE_POLICY_ID
                },
                {
                    name: 'dev',
                    sandboxId: 'b4e2d3c5-6f7a-4b8c-9d0e-1f2a3b4c5d6e',
                    type: 'development',
                    default: false,
                    defaultMergePolicyId: null
                }
            ],
            eventLookup: { enabled: true, refusalStatus: 403 },
            linkingRules: null
        },
        {
            key: 'prime',
            imsOrgId: PRIME_ORG_ID,
            name: 'Acme Telco EU (Real-Time CDP Prime)',
            edition: 'prime',
            tenant: '_acmetelco',
            clientId: 'cah-emulator-client-prime',
            clientSecret: 'p8e-EMULATOR-prime-demo-secret',
            allowedScopes: ALLOWED_SCOPES,
            sandboxes: [
                {
                    name: 'prod',
                    sandboxId: 'c5f3e4d6-7a8b-4c9d-8e1f-2a3b4c5d6e7f',
                    type: 'production',
                    default: true,
                    defaultMergePolicyId: PRIME_MERGE_POLICY_ID
                }
            ],
            eventLookup: { enabled: false, refusalStatus: 403 },
            linkingRules: null
        },
        {
            key: 'linked',
            imsOrgId: LINKED_ORG_ID,
            name: 'Acme Telco CA (Real-Time CDP Ultimate, Identity Graph Linking Rules)',
            edition: 'ultimate',
            tenant: '_acmetelco',
            clientId: 'cah-emulator-client-linked',
            clientSecret: 'p8e-EMULATOR-linked-demo-secret',
            allowedScopes: ALLOWED_SCOPES,
            sandboxes: [
                {
                    name: 'prod',
                    sandboxId: 'd6a4f5e7-8b9c-4d0e-9f1a-2b3c4d5e6f70',
                    type: 'production',
                    default: true,
                    defaultMergePolicyId: LINKED_MERGE_POLICY_ID
                }
            ],
            eventLookup: { enabled: true, refusalStatus: 403 },
            // Adobe's basic configuration: the CRM id and the email identify one person; CRMID ranks first.
            linkingRules: {
                uniqueNamespaces: ['CRMID', 'Email'],
                namespacePriority: ['CRMID', 'Email', 'Email_LC_SHA256', 'Phone', 'Phone_SHA256', 'loyaltyId', 'ECID']
            }
        }
    ];
}

export class OrgDirectory {
    private readonly byOrgId: Map<string, EmulatedOrg>;
    private readonly byClientId: Map<string, EmulatedOrg>;

    constructor(readonly orgs: readonly EmulatedOrg[]) {
        this.byOrgId = new Map(orgs.map((o) => [o.imsOrgId, o]));
        this.byClientId = new Map(orgs.map((o) => [o.clientId, o]));
    }

    byImsOrgId(imsOrgId: string): EmulatedOrg | undefined {
        return this.byOrgId.get(imsOrgId);
    }

    byClient(clientId: string): EmulatedOrg | undefined {
        return this.byClientId.get(clientId);
    }
}

export function sandboxOf(org: EmulatedOrg, name: string): EmulatedSandbox | undefined {
    return org.sandboxes.find((s) => s.name === name);
}

export function defaultSandboxOf(org: EmulatedOrg): EmulatedSandbox {
    const sandbox = org.sandboxes.find((s) => s.default) ?? org.sandboxes[0];
    if (!sandbox) throw new Error(`emulated org ${org.imsOrgId} has no sandbox`);
    return sandbox;
}
