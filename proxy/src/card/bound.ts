/**
 * Bounding and sanitising of every value that reaches the card. AEP data is whatever was ingested:
 * strings of any length, numbers as strings, control characters, lone surrogates. Nothing here throws.
 */
import { CARD_LIMITS } from '../contract/cardModel';

export const ELLIPSIS = '…';
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;
/** JSON.stringify escapes these as 6-byte \\udXXX sequences; they are never meaningful text. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/** ISO 8601 date or date-time as AEP writes it. */
const ISO = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const ISO_MAX = 32;

/** Control characters become spaces, lone surrogates go, and the result is at most `max` UTF-16 units. */
export function clip(value: string, max: number = CARD_LIMITS.maxString): string {
    // Cheap pre-cut: a 50 MB string must not be scanned whole.
    let s = value.length > max * 2 + 8 ? value.slice(0, max * 2 + 8) : value;
    s = s.replace(CONTROL, ' ').replace(LONE_SURROGATE, '').trim();
    if (s.length <= max) return s;
    let cut = max - 1;
    const code = s.charCodeAt(cut - 1);
    if (code >= 0xd800 && code <= 0xdbff) cut -= 1; // do not split a surrogate pair
    return s.slice(0, cut).trimEnd() + ELLIPSIS;
}

export function textOrNull(value: unknown, max: number = CARD_LIMITS.maxString): string | null {
    if (typeof value === 'string') {
        const s = clip(value, max);
        return s === '' ? null : s;
    }
    if (typeof value === 'number' && Number.isFinite(value)) return clip(String(value), max);
    if (typeof value === 'boolean') return String(value);
    return null;
}

export function numberOrNull(value: unknown): number | null {
    if (typeof value === 'number') return Number.isFinite(value) ? value : null;
    if (typeof value === 'string' && /^\s*-?\d{1,15}(\.\d{1,10})?\s*$/.test(value)) return Number(value);
    return null;
}

/** Date-times as the card carries them: AEP's own ISO string when sane, epoch ms converted. */
export function isoOrNull(value: unknown): string | null {
    if (typeof value === 'string') {
        const s = value.trim();
        return s.length <= ISO_MAX && ISO.test(s) && !Number.isNaN(Date.parse(s.length === 10 ? `${s}T00:00:00Z` : s)) ? s : null;
    }
    if (typeof value === 'number' && Number.isFinite(value) && value > 0 && value < 8.64e15) return new Date(value).toISOString();
    return null;
}

/** An ISO 4217-shaped currency code (three letters, any case, surrounding spaces) as upper case; else null. */
export function currencyOrNull(value: unknown): string | null {
    if (typeof value !== 'string') return null;
    const code = value.trim();
    return /^[A-Za-z]{3}$/.test(code) ? code.toUpperCase() : null;
}

/** Milliseconds since epoch for sorting; null when unreadable. */
export function timeOf(value: unknown): number | null {
    const iso = isoOrNull(value);
    if (iso === null) return null;
    const t = Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
    return Number.isNaN(t) ? null : t;
}

/**
 * Links the card may render: http(s) only (no javascript:, data:), without query string or fragment,
 * which is where tokens, emails and campaign ids travel. Too long means dropped, not cut.
 */
export function safeUrl(value: unknown, max: number = CARD_LIMITS.maxUrl): string | null {
    if (typeof value !== 'string' || value.length > 4096) return null;
    let url: URL;
    try {
        url = new URL(value.trim());
    } catch {
        return null;
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    if (url.username || url.password) return null;
    const out = `${url.origin}${url.pathname}`;
    return out.length <= max ? out : null;
}
