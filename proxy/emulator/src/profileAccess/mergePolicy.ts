import { profileError, type AdobeError } from '../errors';
import type { EmulatedOrg, EmulatedSandbox } from '../orgs';
import { mergePoliciesFor } from '../seed/mergePolicies';

/** The merge policy a look-up runs under: its id (null when there is none) and whether it stitches identities. */
export interface AppliedMergePolicy {
    readonly id: string | null;
    /** True for a private-graph policy (identityGraph.type "pdg"); false for "none" and for no policy at all. */
    readonly stitching: boolean;
}

/**
 * Which merge policy a look-up uses: the requested one, else the sandbox default. Without either, the look-up
 * still answers, with "no profile merge and no identity stitching" (profile.yaml retrieveEntity, parameter
 * mergePolicyId; the same words on Experience League's entities page, POST body table).
 * Unknown id -> 400 ResponseErrorContext: AEP documents no body for it, and it is a bad parameter.
 */
export function resolveMergePolicy(
    org: EmulatedOrg,
    sandbox: EmulatedSandbox,
    requestedId: string | undefined
): AppliedMergePolicy | AdobeError {
    const policies = mergePoliciesFor(org, sandbox);
    const chosen = requestedId !== undefined ? policies.find((p) => p.id === requestedId) : policies.find((p) => p.default);
    if (chosen) return { id: chosen.id, stitching: chosen.identityGraph.type === 'pdg' };
    if (requestedId === undefined) return { id: null, stitching: false };
    return profileError(
        400,
        `UPS-MRG-1000002: Merge policy with id '${requestedId}' does not exist in sandbox '${sandbox.name}'.`,
        `Status Code - 400 : Invalid mergePolicyId ${requestedId}`
    );
}

export function isMergePolicy(value: AppliedMergePolicy | AdobeError): value is AppliedMergePolicy {
    return 'stitching' in value;
}
