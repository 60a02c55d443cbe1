/**
 * Masking of identity values for responses (identitiesTried, match) and logs.
 *
 * The masked form must let an agent or an operator recognise which value was used ("the j••• email at
 * example.com", "the phone ending 0123") without revealing it. Salesforce record Ids are not personal
 * data and are what an admin needs to debug, so they stay readable.
 */
import type { NormaliserKind } from './normalisers';

export const MASK = '•••';
/** Longest masked value; the contract's maskedValue is a short display string. */
const MAX_MASKED = 80;

export function maskEmail(email: string): string {
    const at = email.lastIndexOf('@');
    if (at <= 0) return maskRaw(email);
    const first = Array.from(email.slice(0, at))[0] ?? '';
    return clip(`${first}${MASK}@${email.slice(at + 1)}`);
}

/** Last four digits only: what agents already use to confirm a number on the phone. */
export function maskPhone(phone: string): string {
    const digits = phone.replace(/\D/g, '');
    return digits.length > 4 ? `${MASK}${digits.slice(-4)}` : MASK;
}

export function maskHash(hash: string): string {
    return `${hash.slice(0, 8)}…`;
}

/** Loyalty and external CRM ids: the last four characters, like a card number. */
export function maskId(id: string): string {
    const chars = Array.from(id);
    return chars.length > 6 ? clip(`${MASK}${chars.slice(-4).join('')}`) : MASK;
}

/** The masked form of a value already normalised as `kind`. */
export function maskIdentity(value: string, kind: NormaliserKind): string {
    switch (kind) {
        case 'email':
            return maskEmail(value);
        case 'phone':
        case 'phoneE164':
            return maskPhone(value);
        case 'emailSha256':
        case 'phoneSha256':
        case 'phoneSha256E164':
        case 'sha256Hex':
            return maskHash(value);
        case 'sfId18':
            return clip(value);
        case 'text':
            return maskId(value);
    }
}

/**
 * For values that did not normalise: their shape is unknown, so reveal only the last two characters
 * of longer values (enough to tell two bad values apart, never enough to rebuild one).
 */
export function maskRaw(raw: string): string {
    const chars = Array.from(raw.trim()).filter((c) => !/[\p{Cc}\p{Zl}\p{Zp}]/u.test(c));
    return chars.length >= 8 ? `${MASK}${chars.slice(-2).join('')}` : MASK;
}

function clip(s: string): string {
    const chars = Array.from(s);
    return chars.length > MAX_MASKED ? `${chars.slice(0, MAX_MASKED - 1).join('')}…` : s;
}
