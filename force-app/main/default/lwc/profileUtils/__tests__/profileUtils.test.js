import {
    dayKey,
    formatDate,
    formatDateTime,
    formatLabel,
    formatMoney,
    formatMore,
    formatNumber,
    formatRelativeTime,
    levelLabel,
    orderedSections,
    parseSections,
    pluralLabel,
    reduceError,
    resolveLayout
} from 'c/profileUtils';

// sfdx-lwc-jest resolves @salesforce/i18n/locale to en-US and @salesforce/i18n/currency to USD.
describe('c/profileUtils', () => {
    describe('formatLabel', () => {
        it('fills numbered placeholders and leaves missing ones visible', () => {
            expect(formatLabel('{0} as {1}: {2}', 'Email', 'Email', 'j•••@example.com')).toBe('Email as Email: j•••@example.com');
            expect(formatLabel('{1} before {0}', 'a', 'b')).toBe('b before a');
            expect(formatLabel('and {0} more', 0)).toBe('and 0 more');
            expect(formatLabel('Show {0}', null)).toBe('Show {0}');
        });
    });

    describe('levelLabel', () => {
        it('names the score levels with their Custom Labels', () => {
            expect([levelLabel('high'), levelLabel('medium'), levelLabel('low')]).toEqual(['High', 'Medium', 'Low']);
            expect(levelLabel('unknown')).toBeUndefined();
        });
    });

    describe('pluralLabel', () => {
        it('picks the plural form by Intl.PluralRules and fills the count in the user format', () => {
            const template = 'one:{0} support call|other:{0} support calls';
            expect(pluralLabel(template, 1)).toBe('1 support call');
            expect(pluralLabel(template, 0)).toBe('0 support calls');
            expect(pluralLabel(template, 1234)).toBe('1,234 support calls');
            expect(pluralLabel('one:Show all ({0})|other:Show all ({0}) of {1}', 7, 'x')).toBe('Show all (7) of x');
        });

        it('uses a label without plural forms as it is, and falls back to "other"', () => {
            expect(pluralLabel('{0} events', 1)).toBe('1 events');
            expect(pluralLabel('other:{0}건', 1)).toBe('1건');
            expect(pluralLabel('one:a|other:b|weird', 1)).toBe('one:a|other:b|weird');
        });
    });

    describe('formatMore', () => {
        it('counts the items left out, and says nothing when none were', () => {
            expect(formatMore(3)).toBe('and 3 more');
            expect(formatMore(0)).toBeNull();
            expect(formatMore(undefined)).toBeNull();
        });
    });

    describe('formatRelativeTime', () => {
        const now = Date.parse('2026-11-20T18:00:00Z');
        it.each([
            ['2026-11-20T17:59:40Z', 'now'],
            ['2026-11-20T17:57:00Z', '3 minutes ago'],
            ['2026-11-20T15:00:00Z', '3 hours ago'],
            ['2026-11-19T18:00:00Z', 'yesterday'],
            ['2026-09-20T18:00:00Z', '2 months ago']
        ])('%s reads as "%s"', (iso, expected) => {
            expect(formatRelativeTime(iso, now)).toBe(expected);
        });

        it('returns null for an unreadable timestamp', () => {
            expect(formatRelativeTime('yesterday-ish', now)).toBeNull();
        });
    });

    describe('numbers, money and dates', () => {
        it('formats money in its own currency, or the user currency when AEP gave none', () => {
            expect(formatMoney({ amount: 12480.5, currency: 'USD' })).toBe('$12,480.50');
            expect(formatMoney({ amount: 99, currency: 'EUR' })).toBe('€99.00');
            expect(formatMoney({ amount: 5, currency: null })).toBe('$5.00');
            expect(formatMoney(null)).toBeNull();
        });

        it('formats numbers and keeps date-only values on their day', () => {
            expect(formatNumber(24310, 0)).toBe('24,310');
            expect(formatNumber('7')).toBeNull();
            expect(formatDateTime('2017-03-02')).toBe('Mar\u00a02,\u00a02017');
            expect(formatDateTime('not a date')).toBe('not a date');
        });

        it('keeps a date on one line: no breakable space inside it', () => {
            expect(formatDate('2026-11-19T22:00:00Z')).toBe('Nov\u00a019,\u00a02026');
            expect(formatDateTime('2026-11-19T22:00:00Z')).not.toMatch(/ /);
        });

        it("groups by the user's day in their Salesforce time zone (Los Angeles in these tests)", () => {
            expect(dayKey('2026-11-20T07:59:00Z')).toBe('2026-11-19');
            expect(dayKey('2026-11-20T08:01:00Z')).toBe('2026-11-20');
            expect(dayKey('nope')).toBeNull();
        });
    });

    describe('sections and layouts', () => {
        it('keeps known section names only, all of them when none is known', () => {
            expect([...parseSections(' events,audiences ,bogus')]).toEqual(['events', 'audiences']);
            expect(parseSections('').size).toBe(8);
            expect(parseSections(undefined).size).toBe(8);
        });

        it('orders the visible sections by layout', () => {
            const visible = parseSections('keyFigures,events,audiences,scores,campaigns');
            expect(orderedSections('full', visible)).toEqual(['keyFigures', 'events', 'campaigns', 'audiences', 'scores']);
            expect(orderedSections('sales', visible)).toEqual(['keyFigures', 'campaigns', 'audiences', 'scores', 'events']);
            expect(orderedSections('compact', visible)).toEqual(['keyFigures', 'events', 'campaigns', 'audiences', 'scores']);
        });

        it('resolves auto: compact when following the console, sales on Leads, full elsewhere', () => {
            expect(resolveLayout('auto', { followsFocusedTab: true, objectApiName: 'Lead' })).toBe('compact');
            expect(resolveLayout('auto', { objectApiName: 'Lead' })).toBe('sales');
            expect(resolveLayout('auto', { objectApiName: 'Case' })).toBe('full');
            expect(resolveLayout('sales', { objectApiName: 'Case' })).toBe('sales');
            expect(resolveLayout('weird', {})).toBe('full');
        });
    });

    describe('reduceError', () => {
        it('reads the relay JSON of an AuraHandledException', () => {
            const error = {
                body: { message: '{"code":"RATE_LIMITED","message":"Too many look-ups","retryAfterSeconds":12}' }
            };
            expect(reduceError(error)).toEqual({
                code: 'RATE_LIMITED',
                message: 'Too many look-ups',
                retryAfterSeconds: 12,
                retryable: true
            });
        });

        it('marks admin and permission problems as not retryable', () => {
            for (const code of ['UNAUTHORIZED', 'CONFIGURATION', 'NO_PERMISSION', 'NO_ACCESS', 'INVALID_REQUEST']) {
                const reduced = reduceError({ body: { message: JSON.stringify({ code, message: 'x', retryAfterSeconds: null }) } });
                expect(reduced).toMatchObject({ code, retryable: false, retryAfterSeconds: null });
            }
        });

        it('turns anything else into a retryable INTERNAL error with its text', () => {
            expect(reduceError(new TypeError('Failed to fetch'))).toEqual({
                code: 'INTERNAL',
                message: 'Failed to fetch',
                retryAfterSeconds: null,
                retryable: true
            });
            expect(reduceError(undefined).code).toBe('INTERNAL');
        });
    });
});
