import { z } from 'zod';

/**
 * The card model: the one contract between the proxy and the Salesforce side.
 *
 * Apex relays it unchanged to the LWC card, so everything the agent sees comes from here. It is
 * bounded by construction (see CARD_LIMITS): whatever AEP returns (a profile can approach 50 MB),
 * the serialised card stays under CARD_MAX_BYTES, far inside Apex's 6 MB heap, the 1 MB Continuation
 * response cap and the 100 KB Platform Cache value limit. The per-field string caps are sized so that
 * a card with every list full and every string at its cap still fits (a test builds exactly that from
 * the generated JSON Schema); the shaper also measures its output and drops list items (counted in
 * `truncated`) if multi-byte text ever pushes it over.
 *
 * Its JSON Schema and the OpenAPI schemas are generated from this file (`npm run contracts`, generate.ts), and
 * the LWC and Apex tests use real proxy output recorded against the emulator: no hand-copied shapes.
 */

export const CARD_SCHEMA_VERSION = 1;

/** Hard caps applied by the shaper; each list says how many items it dropped in `truncated`. */
export const CARD_LIMITS = {
    /** Longest free text (event titles, street, identity values); longer strings are cut and end with an ellipsis. */
    maxString: 128,
    /** Names, labels, codes, tiers, cities, factor values. */
    maxLabel: 80,
    /** Event ids and audience ids (UUIDs are 36), computed attribute names. */
    maxId: 48,
    /** Links (origin and path only) are dropped, never cut, when longer: a cut URL points somewhere else. */
    maxUrl: 160,
    audiences: 15,
    events: 15,
    computedAttributes: 15,
    scores: 3,
    factorsPerScore: 4,
    identities: 10,
    emails: 3,
    phones: 3,
    candidates: 4,
    identitiesTried: 8,
    /** Person ids listed when a profile merged several people (match.collapse). */
    collapsedIds: 5,
    /** Campaigns and journeys that reached the customer (campaigns section). */
    campaigns: 8
} as const;

/** The serialised card never exceeds this; a test fills every list to its cap with maximal strings. */
export const CARD_MAX_BYTES = 40 * 1024;

/**
 * The card fields only agents with Salesforce's View_Sensitive_Profile_Fields permission see: birth date, gender
 * and home address. The proxy sends them only when the look-up asks (`includeSensitive`); the Apex relay's
 * ProfileCardFilter nulls the same fields again (force-app/main/default/classes/ProfileCardFilter.cls).
 */
export const SENSITIVE_CARD_FIELDS = [
    ['person', 'birthDate'],
    ['person', 'gender'],
    ['contactPoints', 'address']
] as const;

const text = z.string().max(CARD_LIMITS.maxString);
const label = z.string().max(CARD_LIMITS.maxLabel);
const isoDateTime = z.string().max(32); // RFC 3339 / ISO 8601 as AEP returns it (2024-05-05T21:14:05.123456+00:00 is 32); dates may be YYYY-MM-DD

export const Money = z.object({
    amount: z.number(),
    /** ISO 4217 code when AEP carries one (commerce.order.currencyCode); null when unknown. */
    currency: z.string().length(3).nullable()
});
export type Money = z.infer<typeof Money>;

export const Person = z.object({
    displayName: label,
    firstName: label.nullable(),
    lastName: label.nullable(),
    courtesyTitle: label.nullable(),
    /** YYYY-MM-DD. Sensitive: the Apex relay drops it for users without the sensitive-fields permission. */
    birthDate: label.nullable(),
    gender: label.nullable()
});

export const ContactPoints = z.object({
    emails: z.array(z.object({ address: text, kind: z.enum(['personal', 'work', 'other']), primary: z.boolean() })).max(CARD_LIMITS.emails),
    phones: z
        .array(
            z.object({
                /** As AEP holds it (E.164 when ingested that way); what click-to-dial dials. */
                number: label,
                /**
                 * The number in its country's national format ("(415) 555-0123", "090-1234-5678"), from the E.164 form
                 * (libphonenumber-js); null when the number is not a valid E.164 number.
                 */
                national: label.nullable(),
                /** The international form ("+1 415 555 0123"), for agents in another country; null like national. */
                international: label.nullable(),
                /** ISO 3166-1 alpha-2 country of the number, null when unknown. */
                country: z.string().length(2).nullable(),
                kind: z.enum(['mobile', 'home', 'work', 'other']),
                primary: z.boolean()
            })
        )
        .max(CARD_LIMITS.phones),
    /** Sensitive: dropped by Apex for users without the sensitive-fields permission (ProfileCardFilter.cls). */
    address: z
        .object({
            street: text.nullable(),
            city: label.nullable(),
            stateProvince: label.nullable(),
            postalCode: label.nullable(),
            country: label.nullable()
        })
        .nullable(),
    /** consents.marketing.* values ('y', 'n', ...), keyed by channel (email, sms, call, push, any). */
    marketingConsent: z.partialRecord(z.enum(['email', 'sms', 'call', 'push', 'any']), z.string().max(16)).nullable(),
    preferredChannel: label.nullable()
});

export const Loyalty = z.object({
    program: label.nullable(),
    tier: label.nullable(),
    points: z.number().nullable(),
    status: label.nullable(),
    memberSince: isoDateTime.nullable()
});

export const LifetimeValue = z.object({
    value: Money,
    /** The XDM path it was read from (configured), so an admin can tell where the figure comes from. */
    sourcePath: text,
    valueTier: label.nullable()
});

export const InfluentialFactor = z.object({
    code: label,
    value: label.nullable(),
    importance: z.enum(['high', 'medium', 'low', 'unknown'])
});

export const ModelScore = z.object({
    /** Configured key of the score (e.g. `churn`), stable across orgs. */
    key: z.string().max(64),
    /** Configured display label (e.g. "Churn propensity"). */
    label: label,
    propensityType: label.nullable(),
    /** 0 to 100, relative likelihood (Customer AI "Score"), not a probability. */
    score: z.number().min(0).max(100),
    probability: z.number().min(0).max(1).nullable(),
    percentile: z.number().min(0).max(100).nullable(),
    /** Derived from the score and the configured thresholds. For churn, high = at risk. */
    level: z.enum(['low', 'medium', 'high']),
    scoredAt: isoDateTime.nullable(),
    factors: z.array(InfluentialFactor).max(CARD_LIMITS.factorsPerScore)
});
export type ModelScore = z.infer<typeof ModelScore>;

export const ComputedAttribute = z.object({
    /** Attribute name under `_{tenant}.SystemComputedAttributes`. */
    name: z.string().max(CARD_LIMITS.maxId),
    /** Configured label, or the name made readable when none is configured. */
    label: label,
    value: z.union([label, z.number(), z.boolean()]),
    kind: z.enum(['number', 'currency', 'date', 'text', 'boolean'])
});

export const AudienceMembership = z.object({
    id: z.string().max(CARD_LIMITS.maxId),
    /** Resolved through the segmentation API; falls back to the id when the name is unknown. */
    name: label,
    nameResolved: z.boolean(),
    /** segmentMembership namespace: `ups` for Platform audiences, `aam`, custom upload namespaces... */
    namespace: z.string().max(32),
    /** realized and existing mean member; exited means leaving. */
    status: z.enum(['realized', 'existing', 'exited']),
    qualifiedAt: isoDateTime.nullable(),
    /**
     * How AEP evaluates the audience, from its definition's `evaluationInfo`: streaming (continuous: the membership
     * changes within minutes), batch (once a day: a membership can be a day old) or edge (synchronous, on the edge
     * network). Null when the definition could not be read.
     */
    evaluation: z.enum(['streaming', 'batch', 'edge']).nullable()
});

export const EventItem = z.object({
    id: z.string().max(CARD_LIMITS.maxId),
    /** XDM eventType, e.g. commerce.purchases, directMarketing.emailOpened, web.webpagedetails.pageViews. */
    eventType: z.string().max(CARD_LIMITS.maxId),
    category: z.enum(['purchase', 'commerce', 'email', 'web', 'app', 'other']),
    timestamp: isoDateTime,
    /**
     * The event's own detail, as data: order id and items, page name, email subject, campaign name. It never names the
     * kind of event: the card does that from eventType/category in the agent's language (six languages).
     * For an event type the card cannot name (a tenant's custom type), the type made readable; null when
     * a known event carries no detail.
     */
    title: text.nullable(),
    amount: Money.nullable(),
    /**
     * Journey Optimizer message events (message.feedback, message.tracking): the channel and what happened, so the
     * card can say "Email opened"; the title is then the campaign's name, or null when none is configured.
     */
    message: z
        .object({
            channel: z.enum(['email', 'sms', 'push', 'inApp', 'web', 'whatsapp', 'other']),
            action: z.enum(['sent', 'delivered', 'opened', 'clicked', 'undelivered', 'unsubscribed'])
        })
        .nullable(),
    /** http(s) only; null when absent, unsafe or longer than maxUrl. */
    url: z.string().max(CARD_LIMITS.maxUrl).nullable()
});

export const EventsSection = z.object({
    /**
     * available: looked up (items may be empty). unavailable: AEP refused event look-up (deprecated,
     * edition-gated), the rest of the card is fine. disabled: turned off in proxy configuration.
     * error: the events call failed this time (timeout, 5xx) while the profile succeeded.
     */
    status: z.enum(['available', 'unavailable', 'disabled', 'error']),
    /** Short machine-readable reason when not available (e.g. EDITION_GATED, TIMEOUT). */
    reason: z.string().max(64).nullable(),
    items: z.array(EventItem).max(CARD_LIMITS.events)
});

/**
 * A Journey Optimizer campaign or journey that reached the customer, summarised from its message feedback and
 * tracking events (XDM `_experience.customerJourneyManagement`, eventType message.feedback / message.tracking).
 */
export const CampaignExposure = z.object({
    /** The campaign ID or journey version ID the messages came from: a key for the card, never shown. */
    id: z.string().max(CARD_LIMITS.maxId),
    kind: z.enum(['campaign', 'journey']),
    /**
     * Its name, from the proxy's campaign names (PROXY_SHAPING campaigns.names): AJO's events carry IDs only.
     * Null when no name is known; the card then names the channel, never an ID.
     */
    name: label.nullable(),
    channel: z.enum(['email', 'sms', 'push', 'inApp', 'web', 'whatsapp', 'other']),
    /** The furthest step the customer reached: sent < delivered < opened < clicked < converted. */
    reached: z.enum(['sent', 'delivered', 'opened', 'clicked', 'converted']),
    /** A delivery bounced or the message was excluded, and nothing was delivered since. */
    undelivered: z.boolean(),
    /** The customer unsubscribed from a message of this campaign. */
    unsubscribed: z.boolean(),
    /** Messages sent (feedback events with status sent), opens and clicks counted over the events read. */
    counts: z.object({ sent: z.number().int().min(0), opened: z.number().int().min(0), clicked: z.number().int().min(0) }),
    firstAt: isoDateTime,
    lastAt: isoDateTime,
    /** The audience that fed the campaign (messageExecution.audience), named when the profile is or was in it. */
    audience: label.nullable()
});
export type CampaignExposure = z.infer<typeof CampaignExposure>;

export const IdentityRef = z.object({
    namespace: z.string().max(64),
    id: label,
    primary: z.boolean()
});

export const IdentityTried = z.object({
    /** Salesforce field the value came from (e.g. Email, Phone, Id, SuppliedEmail). */
    field: z.string().max(80),
    namespace: z.string().max(64),
    /** The normalised value sent to AEP, masked (j•••@example.com, •••0123, hashes shortened). */
    maskedValue: label,
    outcome: z.enum(['matched', 'not_found', 'ambiguous', 'skipped', 'error'])
});
export type IdentityTried = z.infer<typeof IdentityTried>;

/** A profile the agent can choose when identities of the record lead to different people. */
export const CandidateProfile = z.object({
    profileId: z.string().max(128),
    displayName: label,
    /** Identity that led to this profile. */
    field: z.string().max(80),
    namespace: z.string().max(64),
    /** Non-sensitive hints that help the agent tell people apart. */
    city: label.nullable(),
    loyaltyTier: label.nullable(),
    lastModifiedAt: isoDateTime.nullable()
});
export type CandidateProfile = z.infer<typeof CandidateProfile>;

export const Match = z.object({
    field: z.string().max(80),
    namespace: z.string().max(64),
    maskedValue: label,
    /** priority: the highest-priority identity that found a profile; agent: chosen from candidates; profileId: looked up by XID. */
    selectedBy: z.enum(['priority', 'agent']),
    /**
     * True when identities of the record point to more than one profile (a household phone, say). Only on a card the
     * agent picked (selectedBy agent): without a pick such a record answers 409 AMBIGUOUS_PROFILE with the candidates.
     */
    ambiguous: z.boolean(),
    ambiguityReason: z.enum(['SHARED_IDENTITY', 'IDENTITIES_DISAGREE']).nullable(),
    /** The other profiles the record's identities reached, so the agent can switch. Empty unless ambiguous. */
    alternatives: z.array(CandidateProfile).max(CARD_LIMITS.candidates),
    identitiesTried: z.array(IdentityTried).max(CARD_LIMITS.identitiesTried),
    /**
     * Set when the merged profile holds more than one value of a namespace that identifies one person (AEP graph
     * collapse: a shared identity merged several people into this one profile, so the data below blends them).
     * Null for a profile of one person. Which namespaces identify one person is configured (field mapping
     * `personNamespaces`, default CRMID).
     */
    collapse: z
        .object({
            /** The person-identifying namespace whose values disagree, e.g. CRMID. */
            namespace: z.string().max(64),
            /** How many distinct people (values) the profile holds in that namespace (>= 2). */
            people: z.number().int().min(2),
            /** Masked values, this record's first when it is among them; at most CARD_LIMITS.collapsedIds (5). */
            ids: z.array(z.object({ maskedValue: label, thisRecord: z.boolean() })).max(CARD_LIMITS.collapsedIds)
        })
        .nullable()
});

export const Freshness = z.object({
    /** When the proxy got this data from AEP (ISO). */
    fetchedAt: isoDateTime,
    /** Served from the proxy's cache rather than a fresh AEP call. */
    fromCache: z.boolean(),
    /** AEP failed and this is the last good copy; the card shows a stale banner. */
    stale: z.boolean(),
    staleReason: z.string().max(64).nullable()
});

export const CardModel = z.object({
    schemaVersion: z.literal(CARD_SCHEMA_VERSION),
    /** AEP profile XID (entityId of the merged profile). */
    profileId: z.string().max(128),
    person: Person,
    contactPoints: ContactPoints,
    loyalty: Loyalty.nullable(),
    lifetimeValue: LifetimeValue.nullable(),
    scores: z.array(ModelScore).max(CARD_LIMITS.scores),
    computedAttributes: z.array(ComputedAttribute).max(CARD_LIMITS.computedAttributes),
    /** Members first (realized, existing), most recent qualification first, then exited. */
    audiences: z.array(AudienceMembership).max(CARD_LIMITS.audiences),
    events: EventsSection,
    /** Newest first, from the same events as `events` (so unavailable with them). */
    campaigns: z.array(CampaignExposure).max(CARD_LIMITS.campaigns),
    identities: z.array(IdentityRef).max(CARD_LIMITS.identities),
    match: Match,
    mergePolicy: z.object({ id: z.string().max(64), name: label.nullable() }),
    /** AEP lastModifiedAt of the merged profile. */
    lastModifiedAt: isoDateTime.nullable(),
    freshness: Freshness,
    /** Items left out by the bounds, per list, so the card can say "and 12 more". */
    truncated: z.object({
        audiences: z.number().int().min(0),
        events: z.number().int().min(0),
        computedAttributes: z.number().int().min(0),
        identities: z.number().int().min(0),
        campaigns: z.number().int().min(0)
    }),
    links: z.object({
        /** Deep link to the profile in the AEP UI, when AEP_UI_PROFILE_URL_TEMPLATE is configured. */
        aepProfileUrl: z.string().max(256).nullable()
    })
});
export type CardModel = z.infer<typeof CardModel>;
