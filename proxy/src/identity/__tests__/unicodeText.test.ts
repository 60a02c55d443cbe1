import { normalise, normaliseEmail } from '../normalisers';
import { unicodeProblem } from '../unicodeText';

const value = (r: { ok: boolean; value?: string; reason?: string }) => (r.ok ? r.value : `ERR: ${r.reason}`);

describe('Unicode in email identities', () => {
    it('refuses the Kelvin sign instead of lower-casing it onto another person\'s "k" address', () => {
        // "\u212A".toLowerCase() is the ASCII "k": without the rule this would be kenji.sato@example.com.
        expect('\u212Aenji.sato@example.com'.toLowerCase()).toBe('kenji.sato@example.com');
        const r = normaliseEmail('\u212Aenji.sato@example.com');
        expect(r.ok).toBe(false);
        expect(value(r)).toMatch(/replaces by another letter \(such as the Kelvin sign\)/);
        expect(value(normaliseEmail('Kenji.Sato@example.com'))).toBe('kenji.sato@example.com');
        // The hashed namespace must not collide either.
        expect(normalise('emailSha256', '\u212Aenji.sato@example.com').ok).toBe(false);
    });

    it.each([
        ['full-width letters', 'ｊａｎｅ@example.com'],
        ['a full-width at sign', 'jane＠example.com'],
        ['the long s', 'jane.\u017Fmith@example.com'],
        ['a ligature', 'ﬁona@example.com'],
        ['a superscript digit', 'jane²@example.com']
    ])('refuses %s', (_name, raw) => {
        expect(value(normaliseEmail(raw))).toMatch(/^ERR: email contains compatibility characters/);
    });

    it.each([
        ['the Kelvin sign in the domain', 'jane@\u212Aitchen.example'],
        ['the Angstrom sign', '\u212Bsa@example.se'],
        ['the Ohm sign', '\u2126mega@example.com']
    ])('refuses %s, which NFC alone would turn into a letter', (_name, raw) => {
        expect(value(normaliseEmail(raw))).toMatch(/^ERR: email contains a character that Unicode replaces by another letter/);
    });

    it('keeps canonically equal spellings equal (NFC) and look-alikes from other scripts distinct', () => {
        expect(value(normaliseEmail('jose\u0301@example.com'))).toBe(value(normaliseEmail('jos\u00e9@example.com')));
        expect(value(normaliseEmail('A\u030Asa@example.se'))).toBe('\u00e5sa@example.se');
        // Cyrillic "а" never folds onto Latin "a": a distinct value that can only match a profile holding it.
        const cyrillic = value(normaliseEmail('j\u0430ne@example.com'));
        expect(cyrillic).toBe('j\u0430ne@example.com');
        expect(cyrillic).not.toBe('jane@example.com');
        // Dotted capital I lower-cases to "i" plus a combining dot: still not "i".
        expect(value(normaliseEmail('\u0130nci@example.com'))).not.toBe('inci@example.com');
    });

    it('accepts text that NFC only composes and NFKC leaves alone', () => {
        expect(unicodeProblem('über@bücher.de')).toBeNull();
        expect(unicodeProblem("o'brien+billing@example.ie")).toBeNull();
        expect(unicodeProblem('jose\u0301@example.com')).toBeNull();
        expect(unicodeProblem('\u212A')).not.toBeNull();
    });
});
