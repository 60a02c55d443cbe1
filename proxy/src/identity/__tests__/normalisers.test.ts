import {
    normalise,
    normaliseEmail,
    normaliseFreeTextId,
    normalisePhone,
    normaliseSalesforceId,
    normaliseSha256Hex,
    salesforceIdSuffix,
    sha256Hex
} from '../normalisers';

const value = (r: { ok: boolean; value?: string; reason?: string }) => (r.ok ? r.value : `ERR: ${r.reason}`);

describe('normaliseEmail', () => {
    it.each([
        ['jane.doe@example.com', 'jane.doe@example.com'],
        ['  Jane.Doe@Example.COM \t', 'jane.doe@example.com'],
        ['\u00a0jane.doe@example.com\u200b', 'jane.doe@example.com'],
        ['Jane.Doe+Billing@Example.com', 'jane.doe+billing@example.com'],
        ["o'brien@example.ie", "o'brien@example.ie"],
        ['ÜBER@EXAMPLE.COM', 'über@example.com'],
        ['josé@bücher.de', 'josé@bücher.de'],
        ['jose\u0301@example.com', 'josé@example.com'],
        ['user@xn--bcher-kva.de', 'user@xn--bcher-kva.de'],
        ['a@sub.domain.example.co.uk', 'a@sub.domain.example.co.uk']
    ])('normalises %j to %j', (raw, expected) => {
        expect(value(normaliseEmail(raw))).toBe(expected);
    });

    it.each([
        ['', 'email is empty'],
        ['   ', 'email is empty'],
        ['jane.doe', 'email has no @'],
        ['jane@doe@example.com', 'more than one @'],
        ['@example.com', 'nothing before the @'],
        ['jane doe@example.com', 'spaces'],
        ['Jane Doe <jane@example.com>', 'spaces'],
        ['jane..doe@example.com', 'local part'],
        ['.jane@example.com', 'local part'],
        ['jane@localhost', 'no top-level domain'],
        ['jane@-example.com', 'not a valid domain'],
        ['jane@example.c', 'top-level domain'],
        ['jane@example.com.', 'not a valid domain'],
        ['jane@exa_mple.com', 'not a valid domain'],
        ['jane\u0000@example.com', 'control characters'],
        [`${'a'.repeat(65)}@example.com`, 'local part is longer than 64'],
        [`a@${'b'.repeat(250)}.com`, 'longer than 254']
    ])('rejects %j (%s)', (raw, reason) => {
        const r = normaliseEmail(raw);
        expect(r.ok).toBe(false);
        expect(r.ok ? '' : r.reason).toContain(reason);
    });
});

describe('normalisePhone', () => {
    it.each([
        ['(415) 555-0123', '+14155550123'],
        ['415-555-0123', '+14155550123'],
        ['+1 415.555.0123', '+14155550123'],
        ['1 (415) 555 0123', '+14155550123'],
        ['+1 415 555 0123 ext. 42', '+14155550123'],
        ['415.555.0123 x42', '+14155550123'],
        ['(415) 555-0188 #7', '+14155550188'],
        ['00 81 90-1234-5678', '+819012345678'],
        ['+81 90-1234-5678', '+819012345678'],
        ['+44 20 7946 0958', '+442079460958'],
        ['\u00a0+49 30 901820\u00a0', '+4930901820']
    ])('normalises %j to %j (default region US)', (raw, expected) => {
        expect(value(normalisePhone(raw, { defaultRegion: 'US' }))).toBe(expected);
    });

    it('reads national numbers in the configured default region', () => {
        expect(value(normalisePhone('020 7946 0958', { defaultRegion: 'GB' }))).toBe('+442079460958');
        expect(value(normalisePhone('090-1234-5678', { defaultRegion: 'JP' }))).toBe('+819012345678');
        // The same national UK number is not a US number.
        expect(normalisePhone('020 7946 0958', { defaultRegion: 'US' }).ok).toBe(false);
    });

    it.each([
        ['', 'empty'],
        ['1-800-FLOWERS', 'letters'],
        ['call me', 'letters'],
        ['415*555*0123', 'characters other than digits'],
        ['12', 'too short'],
        ['555-01', 'too short'],
        ['+1 415 555 01234567', 'too long'],
        ['+999 1234 5678', 'country code'],
        ['415\u0007555\u00070123', 'control characters'],
        ['+1 415 555 0123 0123 0123 0123 0123 0123 0123', 'longer than 40']
    ])('rejects %j (%s)', (raw, reason) => {
        const r = normalisePhone(raw, { defaultRegion: 'US' });
        expect(r.ok).toBe(false);
        expect(r.ok ? '' : r.reason).toContain(reason);
    });

    it('refuses an unknown default region instead of guessing', () => {
        const r = normalisePhone('415 555 0123', { defaultRegion: 'XX' as never });
        expect(r).toEqual({ ok: false, reason: 'default phone region XX is not supported' });
    });
});

describe('normaliseSalesforceId', () => {
    it('computes the case-safe suffix of the seed Ids', () => {
        expect(salesforceIdSuffix('0038c00002JaneD')).toBe('AAR');
        expect(salesforceIdSuffix('0038c00002MLopz')).toBe('AAD');
        expect(salesforceIdSuffix('00Q8c00000KSato')).toBe('EAD');
        expect(salesforceIdSuffix('5008c00001CsJan')).toBe('AAF');
        expect(salesforceIdSuffix('AAAAAAAAAAAAAAA')).toBe('555');
    });

    it.each([
        ['0038c00002JaneD', '0038c00002JaneDAAR'],
        ['0038c00002JaneDAAR', '0038c00002JaneDAAR'],
        ['0038c00002JaneDaar', '0038c00002JaneDAAR'],
        ['  0038c00002RivrSAAR ', '0038c00002RivrSAAR'],
        ['0038c00002RivrA', '0038c00002RivrAAAR']
    ])('normalises %j to %j', (raw, expected) => {
        expect(value(normaliseSalesforceId(raw))).toBe(expected);
    });

    it.each([
        ['0038c00002janedAAR', 'checksum'],
        ['0038C00002JANEDAAR', 'checksum'],
        ['0038c00002JaneDAAB', 'checksum'],
        ['0038c00002Jane', '15 or 18'],
        ['0038c00002JaneDAA', '15 or 18'],
        ['0038c00002JaneDAARX', '15 or 18'],
        ['0038c00002Jane-AAR', 'letters and digits'],
        ['0038c00002JanéDAAR', 'letters and digits'],
        ['', 'empty']
    ])('rejects %j (%s)', (raw, reason) => {
        const r = normaliseSalesforceId(raw);
        expect(r.ok).toBe(false);
        expect(r.ok ? '' : r.reason).toContain(reason);
    });
});

describe('normaliseFreeTextId', () => {
    it('trims and keeps case, since ids are case-sensitive', () => {
        expect(value(normaliseFreeTextId('  LX-00938211 '))).toBe('LX-00938211');
        expect(value(normaliseFreeTextId('CUST-7781203'))).toBe('CUST-7781203');
        expect(value(normaliseFreeTextId('ly-100234'))).toBe('ly-100234');
    });

    it.each([
        ['', 'empty'],
        ['LX 00938211', 'spaces'],
        ['LX<script>', 'characters'],
        ['a'.repeat(129), 'longer than 128'],
        ['LX\u000000938211', 'control characters']
    ])('rejects %j (%s)', (raw, reason) => {
        const r = normaliseFreeTextId(raw);
        expect(r.ok).toBe(false);
        expect(r.ok ? '' : r.reason).toContain(reason);
    });
});

describe('hashed namespaces', () => {
    it('hashes the trimmed lower-cased email (Email_LC_SHA256)', () => {
        const expected = sha256Hex('jane.doe@example.com');
        expect(value(normalise('emailSha256', '  Jane.Doe@Example.com '))).toBe(expected);
        expect(expected).toMatch(/^[0-9a-f]{64}$/);
    });

    it('matches a known SHA-256 vector', () => {
        expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    });

    it('hashes the E.164 form of the phone (Phone_SHA256)', () => {
        expect(value(normalise('phoneSha256', '(415) 555-0123', { defaultRegion: 'US' }))).toBe(sha256Hex('+14155550123'));
    });

    it('passes a bad value through as a failure, never hashing garbage', () => {
        expect(normalise('emailSha256', 'not-an-email').ok).toBe(false);
        expect(normalise('phoneSha256', 'call me').ok).toBe(false);
    });

    it('accepts an already hashed value, lower-cased', () => {
        const h = sha256Hex('x');
        expect(value(normaliseSha256Hex(h.toUpperCase()))).toBe(h);
        expect(normaliseSha256Hex(h.slice(1)).ok).toBe(false);
        expect(normaliseSha256Hex(`${h.slice(1)}g`).ok).toBe(false);
    });
});
