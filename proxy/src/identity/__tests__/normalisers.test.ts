import {
    normalise,
    normaliseEmail,
    normaliseFreeTextId,
    normalisePhone,
    normaliseSalesforceId,
    normaliseSha256Hex,
    phoneSha256Input,
    salesforceIdSuffix,
    sha256Hex,
    spellings
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

describe('hashed namespaces, as Adobe defines each (experience-platform identity namespaces page)', () => {
    it("equals Adobe's published Email_LC_SHA256 example: ' ECID@Adobe.com ' -> a6ea4cde…", () => {
        // https://experienceleague.adobe.com/en/docs/id-service/using/reference/hashing-support: "ecid@adobe.com"
        // trimmed and lower-cased hashes to this value.
        const published = 'a6ea4cde5da5ae7cc68baae894d1d6544fca26254433b0fff7c2cb4843b4a097';
        expect(value(normalise('emailSha256', ' ECID@Adobe.com '))).toBe(published);
        expect(value(normalise('emailSha256', 'ecid@adobe.com'))).toBe(published);
    });

    it('matches a known SHA-256 vector', () => {
        expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    });

    it('hashes Phone_SHA256 from the digits with country code, no "+" and no leading zeroes', () => {
        // Adobe: "You must remove symbols, letters, and any leading zeroes. You must also add the country calling
        // code as a prefix." Adobe publishes no hashed phone example; the value is sha256("14155550123")
        // (`printf 14155550123 | sha256sum`).
        const expected = '413ba75461ab5f99d36820e561ea97e2bd80f9cb586f7ecea6cf4c496518950a';
        for (const raw of ['(415) 555-0123', '+1 415 555 0123', '001 415 555 0123', '415.555.0123 x42']) {
            expect(value(normalise('phoneSha256', raw, { defaultRegion: 'US' }))).toBe(expected);
        }
        expect(phoneSha256Input('+442079460958')).toBe('442079460958');
        expect(value(normalise('phoneSha256', '020 7946 0958', { defaultRegion: 'GB' }))).toBe(sha256Hex('442079460958'));
    });

    it('hashes Phone_SHA256_E.164 from the E.164 form, "+" included, and keeps Phone_E.164 plain', () => {
        // sha256("+14155550123") (`printf +14155550123 | sha256sum`).
        expect(value(normalise('phoneSha256E164', '(415) 555-0123', { defaultRegion: 'US' }))).toBe(
            '36a2cef4ff9bf7a1abd2a93359136b870393be4106e6c5d19b72ff564f9deca4'
        );
        expect(value(normalise('phoneE164', '(415) 555-0123', { defaultRegion: 'US' }))).toBe('+14155550123');
    });

    it('passes a bad value through as a failure, never hashing garbage', () => {
        expect(normalise('emailSha256', 'not-an-email').ok).toBe(false);
        expect(normalise('phoneSha256', 'call me').ok).toBe(false);
        expect(normalise('phoneSha256E164', '555').ok).toBe(false);
    });

    it('accepts an already hashed value, lower-cased', () => {
        const h = sha256Hex('x');
        expect(value(normaliseSha256Hex(h.toUpperCase()))).toBe(h);
        expect(normaliseSha256Hex(h.slice(1)).ok).toBe(false);
        expect(normaliseSha256Hex(`${h.slice(1)}g`).ok).toBe(false);
    });
});

describe('spellings: every value a field is looked up as', () => {
    const of = (kind: Parameters<typeof spellings>[0], raw: string, region: 'US' | 'GB' = 'US') => {
        const r = spellings(kind, raw, { defaultRegion: region });
        return r.ok ? r.values.map((v) => `${v.spelling}:${v.value}`) : [`ERR: ${r.reason}`];
    };

    it("adds Salesforce's own spelling of an email when it differs from the canonical one (AEP does not lower-case)", () => {
        expect(of('email', ' Olivia.Brandt@Example.com ')).toEqual([
            'normalised:olivia.brandt@example.com',
            'asStored:Olivia.Brandt@Example.com'
        ]);
        expect(of('email', 'jane.doe@example.com')).toEqual(['normalised:jane.doe@example.com']);
        expect(of('email', 'not an email')).toEqual(['ERR: email contains spaces']);
    });

    it('spells a phone as E.164, as stored, as E.164 digits and as national digits (trunk prefix kept)', () => {
        expect(of('phone', '(415) 555-0177')).toEqual([
            'normalised:+14155550177',
            'asStored:(415) 555-0177',
            'e164Digits:14155550177',
            'nationalDigits:4155550177'
        ]);
        expect(of('phone', '+14155550177')).toEqual(['normalised:+14155550177', 'e164Digits:14155550177', 'nationalDigits:4155550177']);
        expect(of('phone', '020 7946 0958', 'GB')).toEqual([
            'normalised:+442079460958',
            'asStored:020 7946 0958',
            'e164Digits:442079460958',
            'nationalDigits:02079460958'
        ]);
    });

    it('has one spelling for ids and hashes', () => {
        expect(of('sfId18', '0038c00002JaneD')).toEqual(['normalised:0038c00002JaneDAAR']);
        expect(of('text', ' LY-100234 ')).toEqual(['normalised:LY-100234']);
        expect(of('phoneE164', '(415) 555-0177')).toEqual(['normalised:+14155550177']);
    });
});
