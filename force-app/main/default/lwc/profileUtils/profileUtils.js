import LOCALE from '@salesforce/i18n/locale';
import CURRENCY from '@salesforce/i18n/currency';
import { LABELS } from 'c/profileLabels';

/** Sections an admin can show or hide (design property `sections`), in the default (full) order. */
export const SECTION_NAMES = ['keyFigures', 'scores', 'computedAttributes', 'audiences', 'events', 'contactPoints', 'identities'];

/** Sales agents on Lead pages look at audiences, propensities and campaign history first. */
const SECTION_ORDER = {
    full: SECTION_NAMES,
    compact: ['keyFigures', 'audiences', 'events', 'scores', 'contactPoints', 'computedAttributes', 'identities'],
    sales: ['audiences', 'scores', 'events', 'keyFigures', 'contactPoints', 'computedAttributes', 'identities']
};

/** Label (in c/profileLabels) per model score level (CardModel scores[].level). */
const LEVEL_LABEL = { high: 'LevelHigh', medium: 'LevelMedium', low: 'LevelLow' };

/** Codes the agent can fix by retrying later; the others need an admin or a different record. */
const RETRYABLE_CODES = new Set(['UPSTREAM_UNAVAILABLE', 'UPSTREAM_TIMEOUT', 'RATE_LIMITED', 'INTERNAL']);

/**
 * Parses the comma list of the `sections` design property. Unknown names are ignored so a typo in
 * App Builder hides nothing by accident; an empty or fully invalid list means "all sections".
 */
export function parseSections(value) {
    const wanted = String(value ?? '')
        .split(',')
        .map((name) => name.trim())
        .filter((name) => SECTION_NAMES.includes(name));
    return new Set(wanted.length ? wanted : SECTION_NAMES);
}

/**
 * Resolves the `layout` design property. `auto` means compact when the card follows the focused console
 * tab (utility bar), sales on Lead pages and full everywhere else.
 */
export function resolveLayout(layout, { objectApiName, followsFocusedTab } = {}) {
    if (SECTION_ORDER[layout]) {
        return layout;
    }
    if (followsFocusedTab) {
        return 'compact';
    }
    return objectApiName === 'Lead' ? 'sales' : 'full';
}

/** The visible sections in the order the layout puts them. */
export function orderedSections(layout, visible) {
    return (SECTION_ORDER[layout] || SECTION_NAMES).filter((name) => visible.has(name));
}

/** "High", "Medium" or "Low" in the agent's language, for a model score's level. */
export function levelLabel(level) {
    return LABELS[LEVEL_LABEL[level]];
}

/** Fills `{0}`, `{1}`... in a Custom Label, the placeholder style Salesforce labels use. */
export function formatLabel(template, ...args) {
    return String(template ?? '').replace(/\{(\d+)\}/g, (match, index) => {
        const arg = args[index];
        return arg === undefined || arg === null ? match : String(arg);
    });
}

/** "and 3 more" under a list for the items left out of it; null when none were. */
export function formatMore(count) {
    return count > 0 ? formatLabel(LABELS.AndMore, count) : null;
}

/** "3 minutes ago" in the user's locale; null when the timestamp cannot be read. */
export function formatRelativeTime(iso, now = Date.now()) {
    const then = Date.parse(iso);
    if (Number.isNaN(then)) {
        return null;
    }
    const seconds = Math.round((then - now) / 1000);
    const steps = [
        ['second', 60],
        ['minute', 60],
        ['hour', 24],
        ['day', 30],
        ['month', 12],
        ['year', Infinity]
    ];
    let amount = seconds;
    for (const [unit, size] of steps) {
        if (Math.abs(amount) < size) {
            // Under a minute reads better as "now" than as a count of seconds.
            const rtf = new Intl.RelativeTimeFormat(LOCALE, { numeric: 'auto' });
            return unit === 'second' ? rtf.format(0, 'second') : rtf.format(amount, unit);
        }
        amount = Math.trunc(amount / size);
    }
    return null;
}

/** Money from the card (`{ amount, currency }`); the user's currency when AEP carried none. */
export function formatMoney(money) {
    if (!money || typeof money.amount !== 'number') {
        return null;
    }
    return new Intl.NumberFormat(LOCALE, {
        style: 'currency',
        currency: money.currency || CURRENCY
    }).format(money.amount);
}

export function formatNumber(value, maximumFractionDigits = 2) {
    return typeof value === 'number' ? new Intl.NumberFormat(LOCALE, { maximumFractionDigits }).format(value) : null;
}

/** Date and time in the user's locale; date only for YYYY-MM-DD values. */
export function formatDateTime(iso) {
    const time = Date.parse(iso);
    if (Number.isNaN(time)) {
        return iso ?? null;
    }
    const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(iso);
    const options = dateOnly ? { dateStyle: 'medium', timeZone: 'UTC' } : { dateStyle: 'medium', timeStyle: 'short' };
    return new Intl.DateTimeFormat(LOCALE, options).format(time);
}

/**
 * Reduces whatever the Apex call rejected with to `{ code, message, retryAfterSeconds, retryable }`.
 * The relay throws AuraHandledException with a JSON message `{"code","message","retryAfterSeconds"}`;
 * anything else (network loss, a platform error page) becomes INTERNAL with the text we got.
 */
export function reduceError(error) {
    const raw = error?.body?.message ?? error?.message ?? (typeof error === 'string' ? error : '');
    let parsed = null;
    try {
        parsed = JSON.parse(raw);
    } catch {
        // Not the relay's JSON: a platform or network error; keep its text as the message.
    }
    const code = typeof parsed?.code === 'string' ? parsed.code : 'INTERNAL';
    const retryAfter = Number(parsed?.retryAfterSeconds);
    return {
        code,
        message: typeof parsed?.message === 'string' ? parsed.message : raw,
        retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
        retryable: RETRYABLE_CODES.has(code)
    };
}
