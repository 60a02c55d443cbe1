/**
 * Lenient schemas for what AEP's Profile Access API returns (https://experienceleague.adobe.com/en/docs/experience-platform/profile/api/entities;
 * proxy/emulator/specs/adobe/profile.yaml).
 *
 * Lenient on purpose: AEP adds fields over time, fixtures differ from docs, and one odd field must not
 * lose the agent a whole card. Only what identifies an entry is required (entityId); everything else
 * falls back to an empty value. The merged XDM under `entity` stays `unknown`-valued: the shapers read
 * it defensively, path by path.
 */
import { z } from 'zod';

const record = z.record(z.string(), z.unknown());

export const RequestedIdentity = z.looseObject({
    entityId: z.string().optional().catch(undefined),
    entityIdNS: z
        .looseObject({ code: z.string().optional().catch(undefined) })
        .optional()
        .catch(undefined)
});

export const ProfileEnvelope = z.looseObject({
    /** The profile's XID. */
    entityId: z.string().min(1).max(4096),
    mergePolicy: z
        .looseObject({ id: z.string().optional().catch(undefined) })
        .optional()
        .catch(undefined),
    sources: z.array(z.unknown()).optional().catch(undefined),
    identityGraph: z.array(z.unknown()).optional().catch(undefined),
    entity: record.catch({}),
    lastModifiedAt: z.string().optional().catch(undefined),
    /** Only in the POST (multi-entity) form: which requested identity this entry answers. */
    requestedIdentity: RequestedIdentity.optional().catch(undefined)
});
export type ProfileEnvelope = z.infer<typeof ProfileEnvelope>;

export const EventChild = z.looseObject({
    relatedEntityId: z.string().optional().catch(undefined),
    entityId: z.string().optional().catch(undefined),
    /** Epoch milliseconds (the entity's own `timestamp` is ISO 8601). */
    timestamp: z.number().optional().catch(undefined),
    entity: record.catch({}),
    lastModifiedAt: z.string().optional().catch(undefined)
});
export type EventChild = z.infer<typeof EventChild>;

export const EventsPage = z.looseObject({
    _page: z
        .looseObject({ next: z.string().optional().catch(undefined), count: z.number().optional().catch(undefined) })
        .optional()
        .catch(undefined),
    /** Raw children; validated one by one so a single bad event is dropped, not the page. */
    children: z.array(z.unknown()).catch([]),
    _links: z
        .looseObject({
            next: z
                .looseObject({ href: z.string().optional().catch(undefined) })
                .optional()
                .catch(undefined)
        })
        .optional()
        .catch(undefined)
});
export type EventsPage = z.infer<typeof EventsPage>;

/** Hard stop on entries read from one map; a real answer has a handful. */
const MAX_ENTRIES = 200;

/**
 * Entries of an XID-keyed profile map, in the order AEP sent them. Entries that are not objects or
 * lack an entityId are dropped; so are AEP's empty placeholders for identities without a profile.
 */
export function parseEntityMap(body: unknown): ProfileEnvelope[] {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return [];
    const out: ProfileEnvelope[] = [];
    for (const [key, value] of Object.entries(body).slice(0, MAX_ENTRIES)) {
        const withId = typeof value === 'object' && value !== null && !('entityId' in value) ? { ...value, entityId: key } : value;
        const parsed = ProfileEnvelope.safeParse(withId);
        if (parsed.success && !isEmptyEnvelope(parsed.data)) out.push(parsed.data);
    }
    return out;
}

/**
 * AEP answers an identity without a profile, in the POST form, with
 * `{"entityId":"...","sources":[""],"entity":{},"lastModifiedAt":"1970-01-01T00:00:00Z"}` (the entities page above).
 */
export function isEmptyEnvelope(envelope: ProfileEnvelope): boolean {
    return Object.keys(envelope.entity).length === 0;
}

export function parseEventsPage(body: unknown): EventsPage {
    const parsed = EventsPage.safeParse(body);
    return parsed.success ? parsed.data : { children: [] };
}
