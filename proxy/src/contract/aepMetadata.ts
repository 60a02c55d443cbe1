import { z } from 'zod';

/**
 * What AEP answers besides profiles and events: the IMS token, the org's identity namespaces, merge policies and
 * audience names. Lenient like aepEntities.ts: only what the proxy reads is required, unknown fields pass.
 */

/**
 * IMS OAuth server-to-server answer; `expires_in` is SECONDS (86399), unlike the retired JWT flow's ms
 * (https://developer.adobe.com/developer-console/docs/guides/authentication/ServerToServerAuthentication/ims).
 */
export const TokenResponse = z.object({
    access_token: z.string().min(1),
    token_type: z.string().optional(),
    expires_in: z.coerce.number().positive()
});

/** One entry of `GET /idnamespace/identities`, a bare JSON array (proxy/emulator/specs/adobe/identity-service.yaml). */
export const IdentityNamespace = z
    .object({
        code: z.string().min(1),
        id: z.number().int().optional(),
        status: z.string().optional(),
        idType: z.string().optional(),
        name: z.string().optional(),
        custom: z.boolean().optional()
    })
    .loose();
export type IdentityNamespace = z.infer<typeof IdentityNamespace>;

/** A merge policy of `GET /config/mergePolicies[/{id}]` (proxy/emulator/specs/adobe/profile.yaml). */
export const MergePolicy = z.object({ id: z.string().min(1), name: z.string().optional(), default: z.boolean().optional() }).loose();
export const MergePolicyList = z.object({ children: z.array(MergePolicy) }).loose();

/** `POST /audiences/bulk-get` answers 207 with results keyed by audience id (proxy/emulator/specs/adobe/segmentation.yaml). */
export const BulkGetResponse = z.object({ results: z.record(z.string(), z.unknown()) }).loose();
/**
 * An audience definition as bulk-get returns it: its name and `evaluationInfo` (batch, continuous = streaming,
 * synchronous = edge; proxy/emulator/specs/adobe/segmentation.yaml). Only the name is required.
 */
export const AudienceWithName = z
    .object({
        name: z.string().min(1),
        evaluationInfo: z
            .object({
                batch: z.object({ enabled: z.boolean() }).loose().optional(),
                continuous: z.object({ enabled: z.boolean() }).loose().optional(),
                synchronous: z.object({ enabled: z.boolean() }).loose().optional()
            })
            .loose()
            .optional()
            .catch(undefined)
    })
    .loose();
