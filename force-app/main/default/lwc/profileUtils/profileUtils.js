import LOCALE from '@salesforce/i18n/locale';
import CURRENCY from '@salesforce/i18n/currency';
import TIME_ZONE from '@salesforce/i18n/timeZone';
import { LABELS } from 'c/profileLabels';

/**
 * Sections an admin can show or hide (design property `sections`), in the default (full) order. `keyFigures` is the
 * summary at the top (who, value, risk, next step); recent activity comes right after it.
 */
export const SECTION_NAMES = [
    'keyFigures',
    'events',
    'campaigns',
    'audiences',
    'scores',
    'computedAttributes',
    'contactPoints',
    'identities'
];

/** The summary always leads; sales agents on Lead pages then look at campaigns, audiences and propensities. */
const SECTION_ORDER = {
    full: SECTION_NAMES,
    compact: ['keyFigures', 'events', 'campaigns', 'contactPoints', 'audiences', 'scores', 'computedAttributes', 'identities'],
    sales: ['keyFigures', 'campaigns', 'audiences', 'scores', 'events', 'contactPoints', 'computedAttributes', 'identities']
};

/**
 * Intl formatters, made once per kind, locale and options and then reused: constructing one costs far more than
 * formatting with it (the locale data is resolved each time), and a card formats dozens of dates, times and amounts.
 */
const formatters = new Map();

function formatterOf(Kind, locale, options) {
    const key = `${Kind.name}|${locale}|${options ? JSON.stringify(options) : ''}`;
    let formatter = formatters.get(key);
    if (!formatter) {
        formatter = new Kind(locale, options);
        formatters.set(key, formatter);
    }
    return formatter;
}

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

/**
 * Picks the plural form of a Custom Label for a count and fills it. A label with plural forms lists them by
 * Intl.PluralRules category, `one:...|other:...` (Korean and Chinese need only `other:`); a label without them is
 * used as it is. `{0}` is the count in the user's number format; more placeholders follow it.
 */
export function pluralLabel(template, count, ...args) {
    const forms = parsePluralForms(template);
    let text = template;
    if (forms) {
        const category = formatterOf(Intl.PluralRules, LOCALE).select(Number(count));
        text = forms[category] ?? forms.other ?? Object.values(forms)[0];
    }
    const shown = typeof count === 'number' ? formatterOf(Intl.NumberFormat, LOCALE).format(count) : count;
    return formatLabel(text, shown, ...args);
}

const PLURAL_CATEGORY = /^(zero|one|two|few|many|other):/;

function parsePluralForms(template) {
    const parts = String(template ?? '').split('|');
    if (!parts.every((part) => PLURAL_CATEGORY.test(part))) {
        return null;
    }
    const forms = {};
    for (const part of parts) {
        const [category] = part.match(PLURAL_CATEGORY);
        forms[category.slice(0, -1)] = part.slice(category.length);
    }
    return forms;
}

/** "and 3 more" under a list for the items left out of it; null when none were. */
export function formatMore(count) {
    return count > 0 ? pluralLabel(LABELS.AndMore, count) : null;
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
            const rtf = formatterOf(Intl.RelativeTimeFormat, LOCALE, { numeric: 'auto' });
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
    return formatterOf(Intl.NumberFormat, LOCALE, {
        style: 'currency',
        currency: money.currency || CURRENCY
    }).format(money.amount);
}

export function formatNumber(value, maximumFractionDigits = 2) {
    return typeof value === 'number' ? formatterOf(Intl.NumberFormat, LOCALE, { maximumFractionDigits }).format(value) : null;
}

/**
 * A date or time never breaks across lines: Korean and Chinese dates contain spaces ("2026. 11. 19. 오후 2:00"), so
 * every space in a formatted date becomes a no-break space.
 */
function keepTogether(text) {
    return text.replace(/\s/g, '\u00a0');
}

/** The date alone in the user's locale ("Nov 17, 2026", "2026. 11. 17."); null when unreadable. */
export function formatDate(iso) {
    const time = Date.parse(iso);
    if (Number.isNaN(time)) {
        return null;
    }
    const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(iso);
    return keepTogether(
        formatterOf(Intl.DateTimeFormat, LOCALE, { dateStyle: 'medium', timeZone: dateOnly ? 'UTC' : TIME_ZONE }).format(time)
    );
}

/** The time of day in the user's locale ("8:00 PM", "20:00", "오후 8:00"); null when unreadable. */
export function formatTime(iso) {
    const time = Date.parse(iso);
    return Number.isNaN(time)
        ? null
        : keepTogether(formatterOf(Intl.DateTimeFormat, LOCALE, { timeStyle: 'short', timeZone: TIME_ZONE }).format(time));
}

/** The local calendar day of a timestamp (YYYY-MM-DD), to group activity by day; null when unreadable. */
export function dayKey(iso) {
    const time = Date.parse(iso);
    if (Number.isNaN(time)) {
        return null;
    }
    // en-CA writes dates as YYYY-MM-DD; the day is the user's, in their Salesforce time zone.
    return formatterOf(Intl.DateTimeFormat, 'en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
        time
    );
}

/** Date and time in the user's locale; date only for YYYY-MM-DD values. */
export function formatDateTime(iso) {
    const time = Date.parse(iso);
    if (Number.isNaN(time)) {
        return iso ?? null;
    }
    const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(iso);
    const options = dateOnly ? { dateStyle: 'medium', timeZone: 'UTC' } : { dateStyle: 'medium', timeStyle: 'short', timeZone: TIME_ZONE };
    return keepTogether(formatterOf(Intl.DateTimeFormat, LOCALE, options).format(time));
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
