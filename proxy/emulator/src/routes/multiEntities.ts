import type { FastifyInstance } from 'fastify';
import { profileError, type AdobeError } from '../errors';
import { requireCaller, requireEntitiesBody, sendAdobeError, type EmulatorServices, type RouteConfig } from '../context';
import { isMergePolicy, resolveMergePolicy } from '../profileAccess/mergePolicy';
import { isAdobeError, parseFields, profileEnvelope, requestedXid, resolveIdentity, type ShapeOptions } from '../profileAccess/profiles';
import type { ProfileResolver } from '../profileAccess/profileResolver';
import type { MultiEntityKeying } from '../orgs';
import { editionRefusal, eventLookupRefused } from './entities';
import { lookUpEventsForMany } from './multiEvents';

const CONFIG: RouteConfig = { group: 'entities', sandbox: 'required', jsonBody: true };
const MAX_IDENTITIES = 1000;

interface RequestedIdentity {
    entityId: string;
    entityIdNS?: { code: string };
}

/**
 * Profile Access API, POST multi-entity form (entities.md "Access profile data by list of identities"; profile.yaml
 * retrieveMultipleEntities). The answer is keyed as the org is set (EmulatorServices.multiEntityKeyingFor):
 * - perRequestedIdentity (default, as Adobe's only example answers): one entry per requested identity, keyed by
 *   that identity's XID, so one person reached by three identities comes back three times under three keys;
 * - perProfile: one entry per distinct profile, keyed by the profile's XID, requestedIdentity the first identity
 *   that reached it.
 * Either way, an identity with no profile gives the documented empty entry keyed by its XID, and without identity
 * stitching an identity carried by several records gives one entry per record (keyed by each record's XID). Any
 * per-identity failure (e.g. more than 50 linked identities) turns the answer into 207 with the spec's array
 * `[{xid, error}]` of the failures only (the spec's 207 schema has no room for the successes).
 */
export function registerMultiEntityRoute(app: FastifyInstance, services: EmulatorServices): void {
    app.post('/data/core/ups/access/entities', { config: CONFIG }, async (request, reply) => {
        const caller = requireCaller(request.caller);
        const refused = editionRefusal(caller);
        if (refused) return sendAdobeError(reply, refused);
        const parsed = requireEntitiesBody(request.entitiesBody);
        if (!parsed.ok)
            return sendAdobeError(
                reply,
                profileError(400, `UPS-ACC-1000410: Malformed JSON body: ${parsed.reason}`, 'Status Code - 400 : Bad request')
            );
        const body = parsed.value;
        if (typeof body !== 'object' || body === null || Array.isArray(body)) {
            return sendAdobeError(
                reply,
                profileError(400, 'UPS-ACC-1000411: The request body must be a JSON object.', 'Status Code - 400 : Bad request')
            );
        }
        const b = body as Record<string, unknown>;
        const schemaName = (b.schema as { name?: unknown } | undefined)?.name;
        if (typeof schemaName !== 'string')
            return sendAdobeError(
                reply,
                profileError(400, 'UPS-ACC-1000405: Missing required property schema.name.', 'Status Code - 400 : Bad request')
            );
        if (schemaName === '_xdm.context.experienceevent') {
            if (!caller.org.eventLookup.enabled) return sendAdobeError(reply, eventLookupRefused(caller));
            const events = lookUpEventsForMany(services, caller, b);
            if (isAdobeError(events)) return sendAdobeError(reply, events);
            return reply.code(events.status).type('application/json').send(events.body);
        }
        if (schemaName !== '_xdm.context.profile') {
            return sendAdobeError(
                reply,
                profileError(400, `UPS-ACC-1000406: Unsupported schema.name '${schemaName}'.`, 'Status Code - 400 : Bad request')
            );
        }
        const identities = validateIdentities(b.identities);
        if (typeof identities === 'string')
            return sendAdobeError(reply, profileError(400, `UPS-ACC-1000413: ${identities}`, 'Status Code - 400 : Bad request'));
        if (b.fields !== undefined && (!Array.isArray(b.fields) || b.fields.some((f) => typeof f !== 'string'))) {
            return sendAdobeError(
                reply,
                profileError(400, 'UPS-ACC-1000401: fields must be an array of XDM paths.', 'Status Code - 400 : Bad request')
            );
        }
        const fields = parseFields(b.fields as string[] | undefined);
        if (isAdobeError(fields)) return sendAdobeError(reply, fields);
        if (b.withCA !== undefined && typeof b.withCA !== 'boolean') {
            return sendAdobeError(
                reply,
                profileError(400, 'UPS-ACC-1000402: withCA must be a boolean.', 'Status Code - 400 : Bad request')
            );
        }
        // mergePolicyId: documented in the docs' property table, absent from the spec schema: accepted, not required.
        if (b.mergePolicyId !== undefined && typeof b.mergePolicyId !== 'string') {
            return sendAdobeError(
                reply,
                profileError(400, 'UPS-ACC-1000414: mergePolicyId must be a string.', 'Status Code - 400 : Bad request')
            );
        }
        const policy = resolveMergePolicy(caller.org, caller.sandbox, b.mergePolicyId as string | undefined);
        if (!isMergePolicy(policy)) return sendAdobeError(reply, policy);

        const { result, failures } = lookUpMany(
            services.profilesFor(caller.org),
            identities,
            services.multiEntityKeyingFor(caller.org),
            policy.stitching,
            { mergePolicyId: policy.id, fields, withCA: b.withCA === true, tenant: caller.org.tenant }
        );
        if (failures.length > 0) return reply.code(207).type('application/json').send(failures);
        return reply.code(200).type('application/json').send(result);
    });
}

interface ManyAnswer {
    result: Record<string, unknown>;
    failures: Array<{ xid: string; error: AdobeError['body'] }>;
}

function lookUpMany(
    profiles: ProfileResolver,
    identities: readonly RequestedIdentity[],
    keying: MultiEntityKeying,
    stitching: boolean,
    shape: ShapeOptions
): ManyAnswer {
    const result: Record<string, unknown> = {};
    const failures: ManyAnswer['failures'] = [];
    for (const requested of identities) {
        const query = { entityId: requested.entityId, namespace: requested.entityIdNS?.code };
        const resolution = resolveIdentity(profiles, query, stitching);
        const xid = requestedXid(query);
        if (resolution.kind === 'error') {
            failures.push({ xid, error: resolution.error.body });
            continue;
        }
        if (resolution.kind === 'none') {
            result[xid] ??= {
                entityId: xid,
                sources: [''],
                entity: {},
                lastModifiedAt: '1970-01-01T00:00:00Z',
                requestedIdentity: requested
            };
            continue;
        }
        const [only] = resolution.profiles;
        if (keying === 'perRequestedIdentity' && only && resolution.profiles.length === 1) {
            result[xid] ??= { ...profileEnvelope(only, shape, xid), requestedIdentity: requested };
            continue;
        }
        for (const profile of resolution.profiles) {
            result[profile.xid] ??= { ...profileEnvelope(profile, shape), requestedIdentity: requested };
        }
    }
    return { result, failures };
}

function validateIdentities(raw: unknown): RequestedIdentity[] | string {
    if (!Array.isArray(raw) || raw.length === 0) return 'identities must be a non-empty array.';
    if (raw.length > MAX_IDENTITIES) return `At most ${MAX_IDENTITIES} identities per request.`;
    const out: RequestedIdentity[] = [];
    for (const item of raw) {
        if (typeof item !== 'object' || item === null) return 'Each identity must be an object.';
        const { entityId, entityIdNS } = item as { entityId?: unknown; entityIdNS?: unknown };
        if (typeof entityId !== 'string' || entityId === '') return 'Each identity needs an entityId.';
        if (entityIdNS === undefined) {
            out.push({ entityId });
            continue;
        }
        const code = (entityIdNS as { code?: unknown } | null)?.code;
        if (typeof code !== 'string' || code === '') return 'entityIdNS must be an object with a code.';
        out.push({ entityId, entityIdNS: { code } });
    }
    return out;
}
