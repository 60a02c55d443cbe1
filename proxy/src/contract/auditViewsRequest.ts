import { z } from 'zod';
import { OBJECT_API_NAMES, SALESFORCE_ID } from './lookupRequest';

/**
 * Body of `POST /v1/audit/views`: customer profile views Salesforce served from its own session cache, so the
 * proxy never saw them. Sent in batches by the Apex forwarder (ProfileViewAuditForwarder) from the
 * Customer_Profile_View__e events published on each cache hit. Like a look-up's audit line, a view names who,
 * which record and which namespace matched, never an identity value.
 */

/** The most views one request carries; the forwarder sends at most this many (VIEWS_PER_REQUEST). */
export const MAX_VIEWS_PER_REQUEST = 50;

const SALESFORCE_USER_ID = /^005[a-zA-Z0-9]{12}([a-zA-Z0-9]{3})?$/;

export const CacheView = z
    .object({
        /** The agent who saw the card: the event's publisher (CreatedById). */
        agentId: z.string().regex(SALESFORCE_USER_ID, 'agentId must be a Salesforce user id (005...)'),
        objectApiName: z.enum(OBJECT_API_NAMES),
        recordId: z.string().regex(SALESFORCE_ID, 'recordId must be a 15 or 18 character Salesforce Id'),
        /** AEP namespace code the cached card was matched by (`card.match.namespace`). */
        matchedNamespace: z
            .string()
            .regex(/^[A-Za-z0-9_.-]{1,80}$/, 'matchedNamespace must be an identity namespace code')
            .nullable()
            .optional(),
        /** When the agent saw the card (the event's CreatedDate), ISO-8601 UTC. */
        viewedAt: z.iso.datetime({ message: 'viewedAt must be an ISO-8601 UTC date-time' }),
        /** The platform event's EventUuid, so a redelivered batch can be recognised. */
        eventId: z
            .string()
            .regex(/^[A-Za-z0-9-]{1,64}$/, 'eventId must be the event UUID')
            .nullable()
            .optional()
    })
    .strict();
export type CacheView = z.infer<typeof CacheView>;

export const AuditViewsRequest = z
    .object({
        views: z
            .array(CacheView)
            .min(1, 'views must not be empty')
            .max(MAX_VIEWS_PER_REQUEST, `at most ${MAX_VIEWS_PER_REQUEST} views per request`)
    })
    .strict();
export type AuditViewsRequest = z.infer<typeof AuditViewsRequest>;
