/**
 * Which Salesforce fields are identities, in which AEP namespace, normalised how, tried in which order.
 *
 * Loaded once at start by the config module (PROXY_FIELD_MAPPING, JSON) and checked against the
 * Identity Service namespace catalog when that is first fetched. Orgs differ: some ingest CRMID as the
 * Contact Id, some ingest only hashed emails, most have custom loyalty fields, so this is data, not code.
 *
 * Priority: a smaller number is tried first. Defaults: CRMID (10) > Email (20) > loyaltyId (30) >
 * Phone (40). Phones come last because households and switchboards share them; a shared phone is the
 * classic cause of an ambiguous look-up.
 */
import { isSupportedCountry, type CountryCode } from 'libphonenumber-js/max';
import { z } from 'zod';
// Field names follow the look-up request's rule: an API name with one optional relationship hop (Contact.Email).
import { FIELD_NAME, OBJECT_API_NAMES } from '../contract/lookupRequest';
import { NORMALISER_KINDS, type NormaliserKind } from './normalisers';

/** Identity Service namespace codes: letters, digits, underscores and dots (Email_LC_SHA256, loyaltyId, Phone_SHA256_E.164). */
const NAMESPACE_CODE = /^[A-Za-z][A-Za-z0-9_.]{0,63}$/;

export const FieldMappingEntry = z
    .object({
        field: z.string().regex(FIELD_NAME, 'field must be a Salesforce API name such as Email or Contact.Email'),
        namespace: z.string().regex(NAMESPACE_CODE, 'namespace must be an Identity Service namespace code such as Email or CRMID'),
        normaliser: z.enum(NORMALISER_KINDS, { error: `normaliser must be one of ${NORMALISER_KINDS.join(', ')}` }),
        priority: z.number().int().min(1).max(1000)
    })
    .strict();
export type FieldMappingEntry = z.infer<typeof FieldMappingEntry>;

const hashedNamespace = z.string().regex(NAMESPACE_CODE, 'must be a namespace code such as Email_LC_SHA256').nullable();

export const FieldMapping = z
    .object({
        /** Region for phone numbers stored without a country code (most CRM data in one country is). */
        defaultPhoneRegion: z
            .string()
            .refine((r) => isSupportedCountry(r), 'defaultPhoneRegion must be an ISO 3166-1 alpha-2 region libphonenumber knows, e.g. US')
            .transform((r) => r as CountryCode)
            .default('US'),
        /**
         * When set (e.g. "Email_LC_SHA256"), every email field is also tried hashed, right after its plain
         * form. For orgs that activate to ad platforms and ingest only hashed emails.
         */
        hashedEmailNamespace: hashedNamespace.default(null),
        /** Same for phones (e.g. "Phone_SHA256": the hash of the E.164 digits without "+", as Adobe defines that namespace). */
        hashedPhoneNamespace: hashedNamespace.default(null),
        /** Same for the E.164 variant (e.g. "Phone_SHA256_E.164": the hash of the E.164 form with its "+"). */
        hashedPhoneE164Namespace: hashedNamespace.default(null),
        /**
         * Namespaces whose value identifies exactly one person (a CRM id: the Salesforce Contact/Lead Id). A profile
         * holding two values of one of them merged two people (AEP graph collapse), and the card says so.
         */
        personNamespaces: z
            .array(z.string().regex(NAMESPACE_CODE, 'personNamespaces must hold namespace codes such as CRMID'))
            .max(10)
            .default(['CRMID']),
        objects: z.partialRecord(z.enum(OBJECT_API_NAMES), z.array(FieldMappingEntry).max(40, 'at most 40 mapped fields per object'))
    })
    .strict();
export type FieldMapping = z.infer<typeof FieldMapping>;

const CRMID = 10;
const EMAIL = 20;
const LOYALTY = 30;
const PHONE = 40;

const e = (field: string, namespace: string, normaliser: FieldMappingEntry['normaliser'], priority: number): FieldMappingEntry => ({
    field,
    namespace,
    normaliser,
    priority
});

/**
 * Defaults for the demo org and most Service Cloud orgs: CRMID carries the Contact Id. On a Case the
 * related Contact's values come before the Supplied* ones: the Contact link was verified by an agent
 * or a flow, the supplied values are whatever a web form received.
 */
export const DEFAULT_FIELD_MAPPING: FieldMapping = {
    defaultPhoneRegion: 'US',
    hashedEmailNamespace: null,
    hashedPhoneNamespace: null,
    hashedPhoneE164Namespace: null,
    personNamespaces: ['CRMID'],
    objects: {
        Contact: [
            e('Id', 'CRMID', 'sfId18', CRMID),
            e('Email', 'Email', 'email', EMAIL),
            e('Loyalty_Id__c', 'loyaltyId', 'text', LOYALTY),
            e('MobilePhone', 'Phone', 'phone', PHONE),
            e('Phone', 'Phone', 'phone', PHONE)
        ],
        Lead: [e('Email', 'Email', 'email', EMAIL), e('MobilePhone', 'Phone', 'phone', PHONE), e('Phone', 'Phone', 'phone', PHONE)],
        Case: [
            e('Contact.Id', 'CRMID', 'sfId18', CRMID),
            e('Contact.Email', 'Email', 'email', EMAIL),
            e('SuppliedEmail', 'Email', 'email', EMAIL),
            e('Contact.Loyalty_Id__c', 'loyaltyId', 'text', LOYALTY),
            e('Contact.MobilePhone', 'Phone', 'phone', PHONE),
            e('Contact.Phone', 'Phone', 'phone', PHONE),
            e('SuppliedPhone', 'Phone', 'phone', PHONE)
        ],
        // Person Accounts carry the person's contact fields on the Account.
        Account: [
            e('PersonContactId', 'CRMID', 'sfId18', CRMID),
            e('PersonEmail', 'Email', 'email', EMAIL),
            e('Loyalty_Id__pc', 'loyaltyId', 'text', LOYALTY),
            e('PersonMobilePhone', 'Phone', 'phone', PHONE),
            e('Phone', 'Phone', 'phone', PHONE)
        ]
    }
};

/**
 * Validates a mapping from config. `undefined`/`null` give the defaults; a partial object is merged
 * over them (objects given replace that object's default list entirely, so an admin can remove a
 * default field). Throws an Error whose message lists every problem with its path.
 */
export function parseFieldMapping(value: unknown): FieldMapping {
    if (value === undefined || value === null) return structuredClone(DEFAULT_FIELD_MAPPING);
    if (typeof value !== 'object' || Array.isArray(value)) throw new Error('field mapping must be a JSON object');
    const given = value as Record<string, unknown>;
    const objects = given.objects;
    const merged = {
        ...given,
        objects:
            typeof objects === 'object' && objects !== null && !Array.isArray(objects)
                ? { ...structuredClone(DEFAULT_FIELD_MAPPING.objects), ...objects }
                : (objects ?? structuredClone(DEFAULT_FIELD_MAPPING.objects))
    };
    const parsed = FieldMapping.safeParse(merged);
    if (!parsed.success) {
        throw new Error(parsed.error.issues.map((i) => `${i.path.length > 0 ? i.path.join('.') : '(root)'}: ${i.message}`).join('; '));
    }
    return parsed.data;
}

/**
 * The entries for one object, with the hashed variants switched on by the mapping, sorted by priority
 * (stable: equal priorities keep their configured order). Field names compare case-insensitively
 * later, because Salesforce API names are case-insensitive.
 */
export function entriesFor(mapping: FieldMapping, objectApiName: string): FieldMappingEntry[] {
    const base = mapping.objects[objectApiName as (typeof OBJECT_API_NAMES)[number]] ?? [];
    const expanded: FieldMappingEntry[] = [];
    // Each hashed namespace the mapping switches on adds a variant of the plain entries it hashes, just after them.
    const hashed: { from: NormaliserKind; namespace: string | null; normaliser: NormaliserKind }[] = [
        { from: 'email', namespace: mapping.hashedEmailNamespace, normaliser: 'emailSha256' },
        { from: 'phone', namespace: mapping.hashedPhoneNamespace, normaliser: 'phoneSha256' },
        { from: 'phone', namespace: mapping.hashedPhoneE164Namespace, normaliser: 'phoneSha256E164' }
    ];
    for (const entry of base) {
        expanded.push(entry);
        for (const variant of hashed) {
            if (entry.normaliser !== variant.from || !variant.namespace) continue;
            expanded.push({
                ...entry,
                namespace: variant.namespace,
                normaliser: variant.normaliser,
                priority: Math.min(entry.priority + 1, 1000)
            });
        }
    }
    return expanded
        .map((entry, index) => ({ entry, index }))
        .sort((a, b) => a.entry.priority - b.entry.priority || a.index - b.index)
        .map((x) => x.entry);
}

/** The Identity Service namespace catalog, as codes; look-ups are case-insensitive (AEP's are). */
export interface NamespaceCatalog {
    /** The catalog's own spelling of the code, or null when the org has no such namespace. */
    resolve(code: string): string | null;
    readonly codes: readonly string[];
}

export function createNamespaceCatalog(codes: Iterable<string>): NamespaceCatalog {
    const byLower = new Map<string, string>();
    for (const code of codes) {
        if (typeof code === 'string' && code !== '' && !byLower.has(code.toLowerCase())) byLower.set(code.toLowerCase(), code);
    }
    const list = Object.freeze([...byLower.values()]);
    return { resolve: (code) => byLower.get(code.toLowerCase()) ?? null, codes: list };
}

export interface MissingNamespace {
    objectApiName: string;
    field: string;
    namespace: string;
}

/** Configured namespaces the org does not have: a startup warning, and those fields are skipped at look-up. */
export function missingNamespaces(mapping: FieldMapping, catalog: NamespaceCatalog): MissingNamespace[] {
    const missing: MissingNamespace[] = [];
    for (const objectApiName of OBJECT_API_NAMES) {
        for (const entry of entriesFor(mapping, objectApiName)) {
            if (catalog.resolve(entry.namespace) === null) missing.push({ objectApiName, field: entry.field, namespace: entry.namespace });
        }
    }
    return missing;
}

/** One line for the startup log: which configured namespaces the catalog lacks. */
export function describeMissingNamespaces(missing: readonly MissingNamespace[]): string | null {
    if (missing.length === 0) return null;
    const byNs = new Map<string, string[]>();
    for (const m of missing) byNs.set(m.namespace, [...(byNs.get(m.namespace) ?? []), `${m.objectApiName}.${m.field}`]);
    return `namespaces not in the Identity Service catalog (those fields are skipped): ${[...byNs].map(([ns, fields]) => `${ns} (${fields.join(', ')})`).join('; ')}`;
}
