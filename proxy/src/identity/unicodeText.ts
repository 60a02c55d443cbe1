/**
 * The Unicode rule every email goes through before it is normalised (NFC) and lower-cased, because both steps
 * can turn one letter into another (https://unicode.org/reports/tr15/):
 * - characters that canonical normalisation replaces by a different character (singletons such as U+212A
 *   KELVIN SIGN -> "K", U+212B ANGSTROM SIGN, U+2126 OHM SIGN): NFC alone turns "\u212Aenji@..." into
 *   "Kenji@..." and lower-casing then matches Kenji's profile;
 * - compatibility characters, which NFKC maps to other letters: full-width letters and "＠", ligatures, the long
 *   s, superscripts.
 * No mail system issues such addresses, so the value is refused (reported as a skipped identity) rather than
 * mapped onto someone else's. Composed and decomposed accents stay equal (that is what NFC is for), and
 * look-alikes from other scripts (Cyrillic "а" for Latin "a") are distinct code points that never fold onto
 * ASCII: they stay distinct values and can only match a profile holding exactly those characters.
 */
export function unicodeProblem(text: string): string | null {
    for (const c of text) {
        if (c.normalize('NFC') !== c) return 'contains a character that Unicode replaces by another letter (such as the Kelvin sign)';
    }
    const nfc = text.normalize('NFC');
    if (nfc.normalize('NFKC') !== nfc)
        return 'contains compatibility characters (such as full-width letters or ligatures) that read as other letters';
    return null;
}
