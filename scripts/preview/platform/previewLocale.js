/**
 * The preview user's language, chosen with `?locale=` in the page URL. Salesforce applies a user's language
 * on the next page load, so the preview does the same: switching locale reloads the page, and every
 * `@salesforce/label/*` and `@salesforce/i18n/*` module reads this once at start.
 */

/** The six label languages of the package (Custom Labels + translations), in switcher order. */
export const LOCALES = [
    { key: 'en_US', locale: 'en-US', lang: 'en-US', name: 'English' },
    { key: 'ko', locale: 'ko-KR', lang: 'ko', name: '한국어' },
    { key: 'nl_NL', locale: 'nl-NL', lang: 'nl-NL', name: 'Nederlands' },
    { key: 'de', locale: 'de-DE', lang: 'de', name: 'Deutsch' },
    { key: 'fr', locale: 'fr-FR', lang: 'fr', name: 'Français' },
    { key: 'zh_TW', locale: 'zh-TW', lang: 'zh-TW', name: '繁體中文' }
];

function requestedLocale() {
    try {
        return new URLSearchParams(window.location.search).get('locale');
    } catch {
        return null;
    }
}

/** The active locale; unknown values fall back to English like a user without a language setting. */
export const CURRENT_LOCALE = LOCALES.find((l) => l.key === requestedLocale()) ?? LOCALES[0];

/** Salesforce shows the default-language label when a translation is missing. */
export function pickLabel(translations) {
    return translations[CURRENT_LOCALE.key] ?? translations.en_US;
}
