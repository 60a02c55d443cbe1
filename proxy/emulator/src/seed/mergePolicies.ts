import {
    DEFAULT_MERGE_POLICY_ID,
    DEV_MERGE_POLICY_ID,
    LINKED_MERGE_POLICY_ID,
    PRIME_MERGE_POLICY_ID,
    type EmulatedOrg,
    type EmulatedSandbox
} from '../orgs';

/** The primary sandbox's policy without identity stitching (identityGraph.type "none"). */
export const NO_STITCHING_POLICY_ID = 'e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a5b';

/** A merge policy as `/config/mergePolicies` returns it (doc shape, merge-policies.md). */
export interface MergePolicy {
    readonly id: string;
    readonly name: string;
    readonly imsOrgId: string;
    readonly sandbox: { sandboxId: string; sandboxName: string; type: string; default: boolean };
    readonly schema: { name: '_xdm.context.profile' };
    readonly version: number;
    readonly identityGraph: { type: 'pdg' | 'none' };
    readonly attributeMerge: { type: 'timestampOrdered' | 'dataSetPrecedence'; order?: string[] };
    readonly isActiveOnEdge: boolean;
    readonly default: boolean;
    readonly updateEpoch: number;
}

interface PolicySeed {
    id: string;
    name: string;
    identityGraph: 'pdg' | 'none';
    attributeMerge: MergePolicy['attributeMerge'];
    isActiveOnEdge: boolean;
    updateEpoch: number;
}

const POLICIES_BY_SANDBOX: Record<string, PolicySeed[]> = {
    'primary/prod': [
        {
            id: DEFAULT_MERGE_POLICY_ID,
            name: 'Default Timebased',
            identityGraph: 'pdg',
            attributeMerge: { type: 'timestampOrdered' },
            isActiveOnEdge: true,
            updateEpoch: 1700000000
        },
        {
            id: '9d3e6f1a-2b4c-4d5e-8f7a-0b1c2d3e4f5a',
            name: 'CRM first (dataset precedence)',
            identityGraph: 'pdg',
            attributeMerge: { type: 'dataSetPrecedence', order: ['6601c2a9e3b4f5198a7d0c11', '6601c2b4a07c1219489b3ba4'] },
            isActiveOnEdge: false,
            updateEpoch: 1712000000
        },
        {
            id: NO_STITCHING_POLICY_ID,
            name: 'No identity stitching',
            identityGraph: 'none',
            attributeMerge: { type: 'timestampOrdered' },
            isActiveOnEdge: false,
            updateEpoch: 1715000000
        }
    ],
    'primary/dev': [
        {
            id: DEV_MERGE_POLICY_ID,
            name: 'Dev Timebased (not default)',
            identityGraph: 'pdg',
            attributeMerge: { type: 'timestampOrdered' },
            isActiveOnEdge: false,
            updateEpoch: 1716000000
        }
    ],
    'linked/prod': [
        {
            id: LINKED_MERGE_POLICY_ID,
            name: 'Default Timebased',
            identityGraph: 'pdg',
            attributeMerge: { type: 'timestampOrdered' },
            isActiveOnEdge: true,
            updateEpoch: 1732000000
        }
    ],
    'prime/prod': [
        {
            id: PRIME_MERGE_POLICY_ID,
            name: 'Default Timebased',
            identityGraph: 'pdg',
            attributeMerge: { type: 'timestampOrdered' },
            isActiveOnEdge: true,
            updateEpoch: 1701000000
        }
    ]
};

/** Merge policies of one org/sandbox, in a stable order (default first). */
export function mergePoliciesFor(org: EmulatedOrg, sandbox: EmulatedSandbox): MergePolicy[] {
    const seeds = POLICIES_BY_SANDBOX[`${org.key}/${sandbox.name}`] ?? [];
    return seeds.map((p) => ({
        id: p.id,
        name: p.name,
        imsOrgId: org.imsOrgId,
        sandbox: { sandboxId: sandbox.sandboxId, sandboxName: sandbox.name, type: sandbox.type, default: sandbox.default },
        schema: { name: '_xdm.context.profile' },
        version: 1,
        identityGraph: { type: p.identityGraph },
        attributeMerge: p.attributeMerge,
        isActiveOnEdge: p.isActiveOnEdge,
        default: p.id === sandbox.defaultMergePolicyId,
        updateEpoch: p.updateEpoch
    }));
}
