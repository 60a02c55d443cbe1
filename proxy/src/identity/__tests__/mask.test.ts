import { maskEmail, maskIdentity, maskPhone, maskRaw, MASK } from '../mask';
import { sha256Hex } from '../normalisers';

describe('masking', () => {
    it('keeps the first letter and the domain of an email', () => {
        expect(maskEmail('jane.doe@example.com')).toBe(`j${MASK}@example.com`);
        expect(maskEmail('über@bücher.de')).toBe(`ü${MASK}@bücher.de`);
    });

    it('keeps the last four digits of a phone', () => {
        expect(maskPhone('+14155550123')).toBe(`${MASK}0123`);
        expect(maskPhone('+1')).toBe(MASK);
    });

    it('keeps Salesforce record ids, which are not personal data', () => {
        expect(maskIdentity('0038c00002JaneDAAR', 'sfId18')).toBe('0038c00002JaneDAAR');
    });

    it('shortens hashes to eight characters', () => {
        const h = sha256Hex('jane.doe@example.com');
        expect(maskIdentity(h, 'emailSha256')).toBe(`${h.slice(0, 8)}…`);
    });

    it('shows only the end of loyalty and external CRM ids', () => {
        expect(maskIdentity('LX-00938211', 'text')).toBe(`${MASK}8211`);
        expect(maskIdentity('LY-12', 'text')).toBe(MASK);
    });

    it.each([
        ['jane.doe@example.com', 'email' as const],
        ['+14155550123', 'phone' as const],
        ['LX-00938211', 'text' as const],
        [sha256Hex('jane.doe@example.com'), 'emailSha256' as const]
    ])('never contains the raw value %j', (raw, kind) => {
        const masked = maskIdentity(raw, kind);
        expect(masked).not.toContain(raw);
        expect(masked.length).toBeLessThan(raw.length + 2);
        if (kind === 'email') expect(masked).not.toContain('jane.doe');
        if (kind === 'phone') expect(masked).not.toContain('415555');
    });

    it('reveals almost nothing of values that failed to normalise', () => {
        expect(maskRaw('not-an-email-address')).toBe(`${MASK}ss`);
        expect(maskRaw('12')).toBe(MASK);
        expect(maskRaw('bad\u0000value\u0007xyz')).toBe(`${MASK}yz`);
    });
});
