import { profileError, type AdobeError } from '../errors';
import type { EmulatedOrg, EmulatedSandbox } from '../orgs';
import { mergePoliciesFor, type MergePolicy } from '../seed/mergePolicies';

/**
 * Which merge policy a look-up uses: the requested one, else the sandbox default.
 * No default -> 422 (entities.md: "If no default merge policy exists... the lookup fails with 422").
 * Unknown id -> 400 ResponseErrorContext: AEP documents no body for it, and it is a bad parameter.
 */
export function resolveMergePolicy(org: EmulatedOrg, sandbox: EmulatedSandbox, requestedId: string | undefined): MergePolicy | AdobeError {
    const policies = mergePoliciesFor(org, sandbox);
    if (requestedId !== undefined) {
        const policy = policies.find((p) => p.id === requestedId);
        if (policy) return policy;
        return profileError(
            400,
            `UPS-MRG-1000002: Merge policy with id '${requestedId}' does not exist in sandbox '${sandbox.name}'.`,
            `Status Code - 400 : Invalid mergePolicyId ${requestedId}`
        );
    }
    const fallback = policies.find((p) => p.default);
    if (fallback) return fallback;
    return profileError(
        422,
        `UPS-MRG-1000003: No default merge policy exists for schema '_xdm.context.profile' in sandbox '${sandbox.name}'. Provide a mergePolicyId.`,
        'Status Code - 422 : Default merge policy not found'
    );
}

export function isMergePolicy(value: MergePolicy | AdobeError): value is MergePolicy {
    return 'id' in value;
}
