import { profileError, type AdobeError } from '../errors';
import type { CallerContext, EmulatorServices } from '../context';
import { isMergePolicy, resolveMergePolicy } from '../profileAccess/mergePolicy';
import { eventPage, parseEventQuery } from '../profileAccess/events';
import { isAdobeError, requestedXid, resolveIdentity } from '../profileAccess/profiles';

/**
 * POST form of the (deprecated) ExperienceEvent look-up (entities.md "Access time-series events for multiple
 * profile entities"): `identities[]` carry `relatedEntityId` (+ optional `relatedEntityIdNS.code`); the answer is a
 * map keyed by each related identity's XID holding `_page`, `children` and `_links.next`, where `next` is
 * `{href:"/entities", payload:<the request with identities[].start set>}` to re-POST for the next page.
 */
export interface MultiEventResult {
    readonly status: 200 | 207;
    readonly body: unknown;
}

interface RelatedIdentity {
    relatedEntityId: string;
    relatedEntityIdNS?: { code: string };
    start?: string;
}

const bad = (message: string): AdobeError => profileError(400, `UPS-ACC-1000415: ${message}`, 'Status Code - 400 : Bad request');

export function lookUpEventsForMany(
    services: EmulatorServices,
    caller: CallerContext,
    body: Record<string, unknown>
): MultiEventResult | AdobeError {
    const relatedSchema = (body.relatedSchema as { name?: unknown } | undefined)?.name;
    if (relatedSchema !== '_xdm.context.profile')
        return bad("relatedSchema.name must be '_xdm.context.profile' for ExperienceEvent lookups.");
    const identities = relatedIdentities(body.identities);
    if (typeof identities === 'string') return bad(identities);
    const fields = body.fields;
    if (fields !== undefined && (!Array.isArray(fields) || fields.some((f) => typeof f !== 'string' || f === '' || /\s/.test(f)))) {
        return bad('fields must be an array of XDM paths without spaces.');
    }
    if (body.mergePolicyId !== undefined && typeof body.mergePolicyId !== 'string') return bad('mergePolicyId must be a string.');
    const policy = resolveMergePolicy(caller.org, caller.sandbox, body.mergePolicyId as string | undefined);
    if (!isMergePolicy(policy)) return policy;
    const profiles = services.profilesFor(caller.org);
    const timeFilter = (body.timeFilter ?? {}) as { startTime?: unknown; endTime?: unknown };
    const limit = body.limit;
    const orderby = body.orderby ?? body.orderBy;
    const results: Record<string, unknown> = {};
    const failures: Array<{ xid: string; error: unknown }> = [];
    for (const identity of identities) {
        const query = parseEventQuery({
            startTime: timeFilter.startTime === undefined ? undefined : String(timeFilter.startTime),
            endTime: timeFilter.endTime === undefined ? undefined : String(timeFilter.endTime),
            limit: limit === undefined ? undefined : String(limit),
            orderby: orderby === undefined ? undefined : String(orderby),
            property: [],
            start: identity.start,
            fields: fields as string[] | undefined
        });
        if (isAdobeError(query)) return query;
        const related = { entityId: identity.relatedEntityId, namespace: identity.relatedEntityIdNS?.code };
        const xid = requestedXid(related);
        const resolution = resolveIdentity(profiles, related, policy.stitching);
        if (resolution.kind === 'error') {
            failures.push({ xid, error: resolution.error.body });
            continue;
        }
        const page =
            resolution.kind === 'none'
                ? { children: [], start: '', next: '' }
                : eventPage((p) => profiles.eventsOf(p), resolution.profiles, query);
        if (isAdobeError(page)) return page;
        results[xid] = {
            _page: {
                orderby: query.descending ? '-timestamp' : 'timestamp',
                start: page.start,
                count: page.children.length,
                next: page.next
            },
            children: page.children,
            _links: {
                next:
                    page.next === ''
                        ? { href: '' }
                        : { href: '/entities', payload: { ...body, identities: [{ ...identity, start: page.next }] } }
            }
        };
    }
    if (failures.length > 0) return { status: 207, body: failures };
    return { status: 200, body: results };
}

function relatedIdentities(raw: unknown): RelatedIdentity[] | string {
    if (!Array.isArray(raw) || raw.length === 0) return 'identities must be a non-empty array.';
    if (raw.length > 100) return 'At most 100 identities per ExperienceEvent request.';
    const out: RelatedIdentity[] = [];
    for (const item of raw) {
        const { relatedEntityId, relatedEntityIdNS, entityIdNS, start } = (item ?? {}) as Record<string, unknown>;
        if (typeof relatedEntityId !== 'string' || relatedEntityId === '') return 'Each identity needs a relatedEntityId.';
        const ns = (relatedEntityIdNS ?? entityIdNS) as { code?: unknown } | undefined;
        if (ns !== undefined && (typeof ns?.code !== 'string' || ns.code === '')) return 'relatedEntityIdNS must be an object with a code.';
        if (start !== undefined && typeof start !== 'string') return 'start must be a string cursor.';
        out.push({
            relatedEntityId,
            ...(ns ? { relatedEntityIdNS: { code: ns.code as string } } : {}),
            ...(typeof start === 'string' ? { start } : {})
        });
    }
    return out;
}
