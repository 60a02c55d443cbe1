/**
 * Normalisers: turn one raw Salesforce field value into the identity values to look up in AEP.
 *
 * AEP matches identity values byte for byte and changes nothing at ingestion for plain namespaces: "both the
 * identity value and the namespace must match" (https://experienceleague.adobe.com/en/docs/experience-platform/identity/features/namespaces).
 * So a plain email or phone is looked up in its canonical form (lower-cased trimmed email, E.164 phone) and also
 * as Salesforce stores it, and a phone in the other spellings tenants ingest (digits with country code, national
 * digits): `spellings`. Hashed namespaces have one documented form each, hashed exactly as Adobe says. Pure
 * functions, no I/O; each returns a result instead of throwing so a bad field is reported (skipped, with a
 * reason) without failing the whole look-up.
 */
import { createHash } from 'node:crypto';
import { domainToASCII } from 'node:url';
import {
    isSupportedCountry,
    parsePhoneNumberWithError,
    validatePhoneNumberLength,
    type CountryCode,
    type PhoneNumber
} from 'libphonenumber-js/max';
import { unicodeProblem } from './unicodeText';

export type NormaliseResult = { ok: true; value: string } | { ok: false; reason: string };

export const NORMALISER_KINDS = [
    'email',
    'emailSha256',
    'phone',
    'phoneE164',
    'phoneSha256',
    'phoneSha256E164',
    'sfId18',
    'text',
    'sha256Hex'
] as const;
export type NormaliserKind = (typeof NORMALISER_KINDS)[number];

/**
 * How a value was spelled for AEP: the canonical form, Salesforce's own spelling (when it differs), or another
 * spelling tenants ingest phones in (E.164 without "+", national digits).
 */
export type Spelling = 'normalised' | 'asStored' | 'e164Digits' | 'nationalDigits';

export type SpellingsResult = { ok: true; values: Array<{ value: string; spelling: Spelling }> } | { ok: false; reason: string };

export interface NormaliserOptions {
    /** Region assumed for phone numbers written without a country code (ISO 3166-1 alpha-2). */
    defaultRegion?: CountryCode;
}

const ok = (value: string): NormaliseResult => ({ ok: true, value });
const fail = (reason: string): { ok: false; reason: string } => ({ ok: false, reason });

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
/** Spaces Salesforce users paste in from other tools: NBSP, thin/figure spaces, BOM, zero-width. */
const EXOTIC_SPACE = /[\u00a0\u1680\u2000-\u200b\u202f\u205f\u3000\ufeff]/g;

/** Trim including the exotic spaces String.prototype.trim keeps (zero-width space, BOM). */
function clean(raw: string): string {
    return raw.replace(EXOTIC_SPACE, ' ').trim().normalize('NFC');
}

// ---------------------------------------------------------------------------------------------- email

/** RFC 5321 limits: 64 octets local part, 254 for the whole path. */
const EMAIL_MAX = 254;
const LOCAL_MAX = 64;
/** Dot-atom local part (RFC 5322 atext) plus Unicode letters/digits for internationalised mailboxes (RFC 6531). */
const LOCAL_PART = /^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+(\.[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+)*$/u;
const DNS_LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * Trimmed, lower-cased, shape-checked email. Plus-addressing is kept (jane+billing@ is a different
 * identity in AEP). Internationalised domains are accepted when they convert to valid punycode, and
 * kept in their Unicode form, which is how CRMs and AEP sources ingest them.
 */
export function normaliseEmail(raw: string): NormaliseResult {
    const problem = unicodeProblem(raw.replace(EXOTIC_SPACE, ' '));
    if (problem) return fail(`email ${problem}`);
    const value = clean(raw).toLowerCase();
    if (value === '') return fail('email is empty');
    if (CONTROL.test(value)) return fail('email contains control characters');
    if (/\s/.test(value)) return fail('email contains spaces');
    if (value.length > EMAIL_MAX) return fail(`email is longer than ${EMAIL_MAX} characters`);
    const at = value.lastIndexOf('@');
    if (at < 0) return fail('email has no @');
    if (value.indexOf('@') !== at) return fail('email has more than one @');
    const local = value.slice(0, at);
    const domain = value.slice(at + 1);
    if (local === '') return fail('email has nothing before the @');
    if (local.length > LOCAL_MAX) return fail(`email local part is longer than ${LOCAL_MAX} characters`);
    if (!LOCAL_PART.test(local)) return fail('email local part has invalid characters or dots');
    const ascii = domainToASCII(domain);
    if (ascii === '' || ascii.length > 253) return fail('email domain is not a valid domain name');
    const labels = ascii.split('.');
    if (labels.length < 2) return fail('email domain has no top-level domain');
    if (!labels.every((l) => DNS_LABEL.test(l))) return fail('email domain is not a valid domain name');
    const tld = labels[labels.length - 1] as string;
    if (!/^([a-z]{2,63}|xn--[a-z0-9-]{2,59})$/.test(tld)) return fail('email top-level domain is not valid');
    return ok(value);
}

// ---------------------------------------------------------------------------------------------- phone

/** Extension written after the number: "x 42", "ext. 42", "extension 42", "#42", ",42". */
const EXTENSION = /(?:\s*(?:extension|ext\.?|x|#|,)\s*\d{1,7})$/i;
/** What a dialable number may contain once the extension is removed. Letters (vanity numbers) are refused. */
const DIALABLE = /^\+?[0-9\s().\-/]+$/;

/**
 * E.164 (`+14155550123`) without the extension: AEP's Phone namespace and Phone_SHA256 both expect
 * E.164, and an extension reaches the same line owner. Accepts national formats in the default region,
 * `+` and `00` international prefixes. Checks the length for the number's country with the full
 * metadata but not whether the range is allocated: metadata ages, and a refused real number is worse
 * than a look-up that finds nothing.
 */
export function normalisePhone(raw: string, opts: NormaliserOptions = {}): NormaliseResult {
    const parsed = parsePhone(raw, opts);
    return parsed.ok ? ok(parsed.number.number) : parsed;
}

type ParsedPhone = { ok: true; number: PhoneNumber } | { ok: false; reason: string };

function parsePhone(raw: string, opts: NormaliserOptions): ParsedPhone {
    const region = opts.defaultRegion ?? 'US';
    if (!isSupportedCountry(region)) return fail(`default phone region ${region} is not supported`);
    const value = clean(raw);
    if (value === '') return fail('phone is empty');
    if (CONTROL.test(value)) return fail('phone contains control characters');
    if (value.length > 40) return fail('phone is longer than 40 characters');
    const number = value.replace(EXTENSION, '').trim();
    if (/\p{L}/u.test(number)) return fail('phone contains letters');
    if (!DIALABLE.test(number)) return fail('phone contains characters other than digits, spaces and + ( ) . - /');
    // "00" is the international prefix in most of the world; libphonenumber only applies the default
    // region's own prefix (011 for the US), so a European-style "00 81 ..." would be read as national.
    const international = number.replace(/^00[\s.\-/]*(?=[1-9])/, '+');
    const lengthProblem = validatePhoneNumberLength(international, region);
    if (lengthProblem === 'TOO_SHORT') return fail('phone is too short');
    if (lengthProblem === 'TOO_LONG') return fail('phone is too long');
    if (lengthProblem === 'INVALID_COUNTRY') return fail('phone country code is not valid');
    if (lengthProblem === 'NOT_A_NUMBER') return fail('phone is not a number');
    if (lengthProblem === 'INVALID_LENGTH') return fail('phone has an invalid length for its country');
    try {
        const parsed = parsePhoneNumberWithError(international, region);
        if (!parsed.isPossible()) return fail('phone has an invalid length for its country');
        return { ok: true, number: parsed };
    } catch (err) {
        return fail(`phone could not be parsed (${err instanceof Error ? err.message : 'unknown'})`);
    }
}

/**
 * Phone_SHA256 (Adobe: "You must remove symbols, letters, and any leading zeroes. You must also add the country
 * calling code as a prefix", namespaces page above): the SHA-256 of the E.164 digits without the "+",
 * `+1 (415) 555-0123` -> sha256("14155550123").
 */
export function phoneSha256Input(e164: string): string {
    return e164.replace(/\D/g, '').replace(/^0+/, '');
}

// ----------------------------------------------------------------------------------- Salesforce Id

const SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/** The 3-character case-safe suffix Salesforce appends to a 15-char Id (one char per 5-char chunk). */
export function salesforceIdSuffix(id15: string): string {
    let suffix = '';
    for (let chunk = 0; chunk < 3; chunk++) {
        let bits = 0;
        for (let i = 0; i < 5; i++) {
            const c = id15.charCodeAt(chunk * 5 + i);
            if (c >= 65 && c <= 90) bits |= 1 << i;
        }
        suffix += SUFFIX_ALPHABET[bits];
    }
    return suffix;
}

/**
 * 18-char Salesforce Id. A 15-char Id gets its suffix; an 18-char Id must carry the suffix that
 * matches its first 15 characters (compared case-insensitively, since the suffix exists precisely
 * to survive case-insensitive systems). A mismatch means the Id was re-cased somewhere (an Excel
 * round-trip, a lower-casing integration) and would match the wrong record, so it is refused.
 */
export function normaliseSalesforceId(raw: string): NormaliseResult {
    const value = clean(raw);
    if (value === '') return fail('Salesforce Id is empty');
    if (!/^[A-Za-z0-9]+$/.test(value)) return fail('Salesforce Id may only contain letters and digits');
    if (value.length !== 15 && value.length !== 18) return fail('Salesforce Id must be 15 or 18 characters');
    const id15 = value.slice(0, 15);
    const expected = salesforceIdSuffix(id15);
    if (value.length === 18 && value.slice(15).toUpperCase() !== expected) {
        return fail('Salesforce Id checksum suffix does not match (the Id was probably re-cased)');
    }
    return ok(id15 + expected);
}

// ----------------------------------------------------------------------------------- free-text ids

export const FREE_TEXT_ID_MAX = 128;
/** CRM and loyalty ids: letters, digits and the separators real id schemes use. No spaces inside. */
const FREE_TEXT_ID = /^[\p{L}\p{N}._:@+#=/-]+$/u;

/** Trimmed free-text identifier (CRMID from another CRM, loyaltyId...). Case is kept: ids are case-sensitive. */
export function normaliseFreeTextId(raw: string): NormaliseResult {
    const value = clean(raw);
    if (value === '') return fail('id is empty');
    if (CONTROL.test(value)) return fail('id contains control characters');
    if (value.length > FREE_TEXT_ID_MAX) return fail(`id is longer than ${FREE_TEXT_ID_MAX} characters`);
    if (!FREE_TEXT_ID.test(value)) return fail('id contains spaces or characters outside letters, digits and . _ : @ + # = / -');
    return ok(value);
}

// ---------------------------------------------------------------------------------------- hashing

export function sha256Hex(value: string): string {
    return createHash('sha256').update(value, 'utf8').digest('hex');
}

/** A field that already holds a SHA-256 hash (some orgs store the hashed email on the record). */
export function normaliseSha256Hex(raw: string): NormaliseResult {
    const value = clean(raw).toLowerCase();
    if (!/^[0-9a-f]{64}$/.test(value)) return fail('hash must be 64 hexadecimal characters (SHA-256)');
    return ok(value);
}

function hashed(result: NormaliseResult): NormaliseResult {
    return result.ok ? ok(sha256Hex(result.value)) : result;
}

/** The canonical value of `raw` for a namespace normalised as `kind` (the first of its spellings). */
export function normalise(kind: NormaliserKind, raw: string, opts: NormaliserOptions = {}): NormaliseResult {
    const result = spellings(kind, raw, opts);
    return result.ok ? ok(result.values[0]!.value) : result;
}

/**
 * Every value to look `raw` up as, best first, without repeats. Plain email: the canonical form, then Salesforce's
 * spelling when it differs (AEP does not lower-case: a tenant that ingested `Jane.Doe@Example.com` has exactly
 * that). Plain phone: E.164, Salesforce's spelling, the E.164 digits without "+", the national digits (with the
 * trunk prefix, e.g. UK 0). Everything else has one form.
 */
export function spellings(kind: NormaliserKind, raw: string, opts: NormaliserOptions = {}): SpellingsResult {
    switch (kind) {
        case 'email': {
            const email = normaliseEmail(raw);
            return email.ok ? distinct([email.value, 'normalised'], [clean(raw), 'asStored']) : email;
        }
        case 'emailSha256':
            // Email_LC_SHA256: "converted to lowercase before hashing with SHA256", trimmed first (namespaces page).
            return single(hashed(normaliseEmail(raw)));
        case 'phone': {
            const phone = parsePhone(raw, opts);
            if (!phone.ok) return phone;
            const e164 = phone.number.number;
            return distinct(
                [e164, 'normalised'],
                [clean(raw), 'asStored'],
                [e164.slice(1), 'e164Digits'],
                [phone.number.formatNational().replace(/\D/g, ''), 'nationalDigits']
            );
        }
        case 'phoneE164':
            // Phone (E.164): "a plus sign (+), an international country calling code, a local area code, and a phone number".
            return single(normalisePhone(raw, opts));
        case 'phoneSha256': {
            const phone = normalisePhone(raw, opts);
            return single(phone.ok ? ok(sha256Hex(phoneSha256Input(phone.value))) : phone);
        }
        case 'phoneSha256E164':
            // Phone (SHA256_E.164): the E.164 form, "+" included, hashed.
            return single(hashed(normalisePhone(raw, opts)));
        case 'sfId18':
            return single(normaliseSalesforceId(raw));
        case 'text':
            return single(normaliseFreeTextId(raw));
        case 'sha256Hex':
            return single(normaliseSha256Hex(raw));
    }
}

function single(result: NormaliseResult): SpellingsResult {
    return result.ok ? { ok: true, values: [{ value: result.value, spelling: 'normalised' }] } : result;
}

function distinct(...values: Array<[string, Spelling]>): SpellingsResult {
    const out: Array<{ value: string; spelling: Spelling }> = [];
    for (const [value, spelling] of values) {
        if (value !== '' && !out.some((v) => v.value === value)) out.push({ value, spelling });
    }
    return { ok: true, values: out };
}
