import { z } from 'zod';
import { CARD_LIMITS } from './cardModel';

/**
 * Body of `POST /v1/profiles/lookup`: what the Apex relay (or the local preview's stand-in) sends.
 *
 * Apex reads the record with the agent's own access (WITH USER_MODE) and sends the identity field
 * values it found; the browser never sends identity values. Field names are Salesforce API names as
 * read from the record (Email, Phone, MobilePhone, Id, SuppliedEmail, Contact.Email, custom
 * fields...). The proxy's field -> namespace mapping decides which of them are identities.
 */

/** The Salesforce objects the card sits on (and the field mapping has entries for). */
export const OBJECT_API_NAMES = ['Contact', 'Lead', 'Case', 'Account'] as const;
/** Salesforce API names: letters, digits, underscores, with one optional relationship dot. */
export const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]{0,79}(\.[A-Za-z][A-Za-z0-9_]{0,79})?$/;
/** Visible characters plus spaces; no control characters reach the normalisers or AEP. */
const NO_CONTROL_CHARS = /^[^\u0000-\u001f\u007f-\u009f\u2028\u2029]*$/;

export const SALESFORCE_ID = /^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/;

const fieldValue = z
    .string()
    .max(320, 'identity field values are at most 320 characters (the longest valid email)')
    .regex(NO_CONTROL_CHARS, 'identity field values must not contain control characters');

/** One record and its identity field values, as read by Apex: a look-up carries one, a warm request several. */
export const LookupRecord = z
    .object({
        objectApiName: z.enum(OBJECT_API_NAMES),
        recordId: z.string().regex(SALESFORCE_ID, 'recordId must be a 15 or 18 character Salesforce Id'),
        fields: z
            .record(z.string().regex(FIELD_NAME, 'field names must be Salesforce API names'), fieldValue.nullable())
            .refine((f) => Object.keys(f).length <= 20, 'at most 20 identity fields per record')
    })
    .strict();
export type LookupRecord = z.infer<typeof LookupRecord>;

/** How many recent events the card shows; the card model holds at most CARD_LIMITS.events. */
export const MaxEvents = z.number().int().min(0).max(CARD_LIMITS.events);

export const LookupRequest = z
    .object({
        record: LookupRecord,
        /** The agent picked one of the candidate profiles of an earlier AMBIGUOUS_PROFILE answer. */
        profileId: z
            .string()
            .regex(/^[A-Za-z0-9_-]{8,128}$/, 'profileId must be an AEP profile id (XID) from an earlier answer')
            .optional(),
        /** How many recent events the card shows. */
        maxEvents: MaxEvents.optional(),
        /** Skip the proxy's fresh cache (the card's refresh button). Coalescing and rate limits still apply. */
        refresh: z.boolean().optional(),
        /**
         * Whether the card may carry birth date, gender and home address. Apex sends true only for agents
         * holding View_Sensitive_Profile_Fields. Absent means false: a caller that does not ask for sensitive
         * data never receives it (data minimisation), and an older relay loses fields rather than leaking them.
         */
        includeSensitive: z.boolean().optional()
    })
    .strict();
export type LookupRequest = z.infer<typeof LookupRequest>;
