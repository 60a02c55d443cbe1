import type { FastifyInstance, FastifyReply } from 'fastify';
import { newRequestId, profileError, profileForbidden, profileNotFound, type AdobeError } from '../errors';
import { requireCaller, sendAdobeError, type CallerContext, type EmulatorServices, type RouteConfig } from '../context';
import { isMergePolicy, resolveMergePolicy } from '../profileAccess/mergePolicy';
import { isAdobeError, parseBooleanParam, parseFields, profileEnvelope, resolveIdentity } from '../profileAccess/profiles';
import { eventPage, parseEventQuery } from '../profileAccess/events';
import { registerMultiEntityRoute } from './multiEntities';
import { all, one, type Query } from './query';

export const PROFILE_SCHEMA = '_xdm.context.profile';
export const EVENT_SCHEMA = '_xdm.context.experienceevent';
const ENTITIES_PATH = '/data/core/ups/access/entities';
const CONFIG: RouteConfig = { group: 'entities', sandbox: 'required' };

/** Profile Access API, GET form (entities.md; profile.yaml retrieveEntity). */
export function registerEntityRoutes(app: FastifyInstance, services: EmulatorServices): void {
    app.get(ENTITIES_PATH, { config: CONFIG }, async (request, reply) => {
        const caller = requireCaller(request.caller);
        const refused = editionRefusal(caller);
        if (refused) return sendAdobeError(reply, refused);
        const query = request.query as Query;
        const schemaName = one(query, 'schema.name');
        if (!schemaName)
            return sendAdobeError(
                reply,
                profileError(400, 'UPS-ACC-1000405: Missing required parameter schema.name.', 'Status Code - 400 : Bad request')
            );
        if (schemaName === EVENT_SCHEMA) return lookUpEvents(reply, services, caller, query);
        if (schemaName !== PROFILE_SCHEMA) {
            return sendAdobeError(
                reply,
                profileError(400, `UPS-ACC-1000406: Unsupported schema.name '${schemaName}'.`, 'Status Code - 400 : Bad request')
            );
        }
        const entityId = one(query, 'entityId');
        if (!entityId)
            return sendAdobeError(
                reply,
                profileError(400, 'UPS-ACC-1000407: Missing required parameter entityId.', 'Status Code - 400 : Bad request')
            );
        const fields = parseFields(one(query, 'fields'));
        if (isAdobeError(fields)) return sendAdobeError(reply, fields);
        const withCA = parseBooleanParam('withCA', one(query, 'withCA'));
        if (typeof withCA !== 'boolean') return sendAdobeError(reply, withCA);
        const policy = resolveMergePolicy(caller.org, caller.sandbox, one(query, 'mergePolicyId'));
        if (!isMergePolicy(policy)) return sendAdobeError(reply, policy);

        const namespace = one(query, 'entityIdNS');
        const resolution = resolveIdentity(
            services.profilesFor(caller.org),
            { entityId, namespace: namespace === '' ? undefined : namespace },
            policy.stitching
        );
        if (resolution.kind === 'error') return sendAdobeError(reply, resolution.error);
        if (resolution.kind === 'none') return sendAdobeError(reply, profileNotFound(newRequestId()));
        const body: Record<string, unknown> = {};
        for (const profile of resolution.profiles) {
            body[profile.xid] = profileEnvelope(profile, { mergePolicyId: policy.id, fields, withCA, tenant: caller.org.tenant });
        }
        return reply.code(200).type('application/json').send(body);
    });

    registerMultiEntityRoute(app, services);
}

/**
 * The entities endpoints are for Real-Time CDP Ultimate (profile.yaml, both operations: "You can only use this
 * endpoint if you are subscribed to Real-Time CDP Ultimate edition"): other editions are refused with the
 * Profile service's documented 403, for profiles and events alike.
 */
export function editionRefusal(caller: CallerContext): AdobeError | undefined {
    return caller.org.edition === 'ultimate' ? undefined : profileForbidden();
}

/**
 * Refusal for an org where ExperienceEvent look-up is off: Adobe deprecated it (the 2026 profile.yaml no longer
 * documents it) and Ultimate orgs that did not use it must ask Adobe Customer Care to turn it on (entities.md banner).
 */
export function eventLookupRefused(caller: CallerContext): AdobeError {
    const status = caller.org.eventLookup.refusalStatus;
    return profileError(
        status,
        'UPS-ACC-1000010: ExperienceEvent lookup is not enabled for this organization. ExperienceEvent lookup through the Profile Access API is deprecated; use computed attributes instead.',
        `Status Code - ${status} : ExperienceEvent lookup is deprecated and not enabled for IMS org ${caller.org.imsOrgId}`
    );
}

function lookUpEvents(reply: FastifyReply, services: EmulatorServices, caller: CallerContext, query: Query): FastifyReply {
    if (!caller.org.eventLookup.enabled) return sendAdobeError(reply, eventLookupRefused(caller));
    const relatedSchema = one(query, 'relatedSchema.name');
    if (relatedSchema !== PROFILE_SCHEMA) {
        return sendAdobeError(
            reply,
            profileError(
                400,
                `UPS-ACC-1000408: relatedSchema.name must be '${PROFILE_SCHEMA}' for ExperienceEvent lookups.`,
                'Status Code - 400 : Bad request'
            )
        );
    }
    const relatedEntityId = one(query, 'relatedEntityId');
    if (!relatedEntityId)
        return sendAdobeError(
            reply,
            profileError(400, 'UPS-ACC-1000409: Missing required parameter relatedEntityId.', 'Status Code - 400 : Bad request')
        );
    const fields = parseFields(one(query, 'fields'));
    if (isAdobeError(fields)) return sendAdobeError(reply, fields);
    // Real next links probably carry `offsets=` (aepp parses it); the docs show `start=`. Accept both.
    const cursor = one(query, 'start') ?? one(query, 'offsets');
    const parsed = parseEventQuery({
        startTime: one(query, 'startTime'),
        endTime: one(query, 'endTime'),
        limit: one(query, 'limit'),
        orderby: one(query, 'orderby') ?? one(query, 'orderBy'),
        property: all(query, 'property'),
        start: cursor,
        fields
    });
    if (isAdobeError(parsed)) return sendAdobeError(reply, parsed);
    const policy = resolveMergePolicy(caller.org, caller.sandbox, one(query, 'mergePolicyId'));
    if (!isMergePolicy(policy)) return sendAdobeError(reply, policy);
    const namespace = one(query, 'relatedEntityIdNS');
    const profiles = services.profilesFor(caller.org);
    const resolution = resolveIdentity(
        profiles,
        { entityId: relatedEntityId, namespace: namespace === '' ? undefined : namespace },
        policy.stitching
    );
    if (resolution.kind === 'error') return sendAdobeError(reply, resolution.error);
    if (resolution.kind === 'none') return sendAdobeError(reply, profileNotFound(newRequestId()));
    const page = eventPage((p) => profiles.eventsOf(p), resolution.profiles, parsed);
    if (isAdobeError(page)) return sendAdobeError(reply, page);
    const orderby = parsed.descending ? '-timestamp' : 'timestamp';
    return reply
        .code(200)
        .type('application/json')
        .send({
            _page: { orderby, start: page.start, count: page.children.length, next: page.next },
            children: page.children,
            _links: { next: { href: page.next === '' ? '' : nextHref(query, page.next, orderby, parsed.limit) } }
        });
}

/** `_links.next.href` is relative to `/data/core/ups/access`, as in the docs' examples. */
function nextHref(query: Query, next: string, orderby: string, limit: number): string {
    const params = new URLSearchParams();
    params.set('start', next);
    params.set('orderby', orderby);
    params.set('schema.name', EVENT_SCHEMA);
    params.set('relatedSchema.name', PROFILE_SCHEMA);
    for (const name of ['relatedEntityId', 'relatedEntityIdNS', 'fields', 'startTime', 'endTime']) {
        const value = one(query, name);
        if (value !== undefined) params.set(name, value);
    }
    for (const p of all(query, 'property')) params.append('property', p);
    params.set('limit', String(limit));
    return `/entities?${params.toString()}`;
}
