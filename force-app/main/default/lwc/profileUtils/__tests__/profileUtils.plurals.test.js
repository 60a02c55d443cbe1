/*
 * Plural forms in other user locales: French counts 0 as singular, Korean and Chinese have one form. The locale
 * module is replaced before c/profileUtils is loaded, as Salesforce serves @salesforce/i18n/locale per user.
 */
function pluralLabelIn(locale) {
    let pluralLabel;
    jest.isolateModules(() => {
        jest.doMock('@salesforce/i18n/locale', () => ({ __esModule: true, default: locale }), { virtual: true });
        ({ pluralLabel } = require('c/profileUtils'));
    });
    return pluralLabel;
}

describe('c/profileUtils pluralLabel in other locales', () => {
    afterEach(() => jest.dontMock('@salesforce/i18n/locale'));

    it('uses the singular for 0 and 1 in French, and French number grouping', () => {
        const plural = pluralLabelIn('fr-FR');
        const points = 'one:{0} point|other:{0} points';
        expect(plural(points, 0)).toBe('0 point');
        expect(plural(points, 1)).toBe('1 point');
        expect(plural(points, 24310)).toBe('24\u202f310 points');
    });

    it('uses the one form Korean has for every count', () => {
        const plural = pluralLabelIn('ko-KR');
        expect(plural('other:{0}포인트', 1)).toBe('1포인트');
        expect(plural('other:{0}포인트', 24310)).toBe('24,310포인트');
    });

    it('uses German singular and plural and German grouping', () => {
        const plural = pluralLabelIn('de-DE');
        const template = 'one:{0} Supportanruf|other:{0} Supportanrufe';
        expect(plural(template, 1)).toBe('1 Supportanruf');
        expect(plural(template, 1200)).toBe('1.200 Supportanrufe');
    });
});
