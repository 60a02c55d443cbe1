import type { LookupRequest } from '../../contract/lookupRequest';
import { buildCandidates } from '../buildCandidates';
import { CandidateMemo } from '../candidateMemo';
import { createNamespaceCatalog, parseFieldMapping } from '../fieldMapping';

const ALL = ['ECID', 'Email', 'Phone', 'CRMID', 'loyaltyId', 'Email_LC_SHA256', 'Phone_SHA256'];
const MAPPING = parseFieldMapping(undefined);
const jane: LookupRequest['record'] = {
    objectApiName: 'Contact',
    recordId: '0038c00002JaneDAAR',
    fields: { Id: '0038c00002JaneD', Email: ' Jane.Doe@Example.com ', Phone: '(415) 555-0123', MobilePhone: null }
};
const summary = (b: {
    candidates: readonly { field: string; namespace: string; value: string }[];
    skipped: readonly { field: string; reason: string }[];
}) => ({
    candidates: b.candidates.map((c) => [c.field, c.namespace, c.value]),
    skipped: b.skipped.map((s) => [s.field, s.reason])
});

describe('CandidateMemo', () => {
    it('answers a record seen before with the very same candidates buildCandidates gives', () => {
        const memo = new CandidateMemo();
        const catalog = createNamespaceCatalog(ALL);
        const first = memo.build(jane, MAPPING, catalog);
        expect(summary(first)).toEqual(summary(buildCandidates(jane, MAPPING, catalog)));
        // A new request object with the same content (every request is parsed afresh) is a memo hit.
        expect(memo.build(structuredClone(jane), MAPPING, catalog)).toBe(first);
    });

    it('does not reuse candidates built against an older namespace catalog', () => {
        const memo = new CandidateMemo();
        const withoutPhone = createNamespaceCatalog(ALL.filter((c) => c !== 'Phone'));
        const before = memo.build(jane, MAPPING, withoutPhone);
        expect([...new Set(before.candidates.map((c) => c.namespace))]).toEqual(['CRMID', 'Email']);
        expect(before.skipped.map((s) => s.reason)).toEqual(['namespace Phone is not in the Identity Service catalog']);

        const refreshed = createNamespaceCatalog(ALL.map((c) => (c === 'Email' ? 'EMAIL' : c)));
        const after = memo.build(jane, MAPPING, refreshed);
        expect(after).not.toBe(before);
        expect([...new Set(after.candidates.map((c) => c.namespace))]).toEqual(['CRMID', 'EMAIL', 'Phone']);
        expect(after.skipped).toEqual([]);
    });

    it('does not reuse candidates built with another field mapping', () => {
        const memo = new CandidateMemo();
        const catalog = createNamespaceCatalog(ALL);
        const lead: LookupRequest['record'] = {
            objectApiName: 'Lead',
            recordId: '00Q8c00000KSatoEAD',
            fields: { Email: 'kenji.sato@example.com', Phone: '090-1234-5678' }
        };
        const us = memo.build(lead, MAPPING, catalog);
        expect(us.candidates.map((c) => c.namespace)).toEqual(['Email']);
        expect(us.skipped).toHaveLength(1);

        const japan = parseFieldMapping({ defaultPhoneRegion: 'JP', hashedEmailNamespace: 'Email_LC_SHA256' });
        const jp = memo.build(lead, japan, catalog);
        expect(jp.candidates.map((c) => [c.namespace, c.normaliser, c.spelling])).toEqual([
            ['Email', 'email', 'normalised'],
            ['Email_LC_SHA256', 'emailSha256', 'normalised'],
            ['Phone', 'phone', 'normalised'],
            ['Phone', 'phone', 'asStored'],
            ['Phone', 'phone', 'e164Digits'],
            ['Phone', 'phone', 'nationalDigits']
        ]);
        expect(jp.candidates.filter((c) => c.namespace === 'Phone').map((c) => c.value)).toEqual([
            '+819012345678',
            '090-1234-5678',
            '819012345678',
            '09012345678'
        ]);
        expect(memo.build(lead, MAPPING, catalog)).toBe(us);
    });

    it('tells records apart by object type and by every field value, name and null', () => {
        const memo = new CandidateMemo();
        const catalog = createNamespaceCatalog(ALL);
        const base = memo.build(jane, MAPPING, catalog);
        const variants: LookupRequest['record'][] = [
            { ...jane, objectApiName: 'Lead' },
            { ...jane, fields: { ...jane.fields, Email: 'sam.rivera@example.com' } },
            { ...jane, fields: { ...jane.fields, MobilePhone: '(415) 555-0188' } },
            { ...jane, fields: { Id: '0038c00002JaneD', Email: ' Jane.Doe@Example.com ', Phone: '(415) 555-0123' } }
        ];
        for (const record of variants) {
            const built = memo.build(record, MAPPING, catalog);
            expect(built).not.toBe(base);
            expect(summary(built)).toEqual(summary(buildCandidates(record, MAPPING, catalog)));
        }
    });

    it('stays within its entry bound', () => {
        const memo = new CandidateMemo({ maxEntries: 2, maxBytes: 1024 * 1024 });
        const catalog = createNamespaceCatalog(ALL);
        const record = (n: number): LookupRequest['record'] => ({
            objectApiName: 'Lead',
            recordId: '00Q8c00000KSatoEAD',
            fields: { Email: `person${n}@example.com` }
        });
        const first = memo.build(record(1), MAPPING, catalog);
        memo.build(record(2), MAPPING, catalog);
        memo.build(record(3), MAPPING, catalog);
        const again = memo.build(record(1), MAPPING, catalog);
        expect(again).not.toBe(first);
        expect(summary(again)).toEqual(summary(first));
    });

    it('shares frozen entries and memoises derived values per derivation key', () => {
        const memo = new CandidateMemo();
        const built = memo.build(jane, MAPPING, createNamespaceCatalog(ALL));
        expect(Object.isFrozen(built.candidates)).toBe(true);
        expect(Object.isFrozen(built.candidates[0])).toBe(true);
        let computed = 0;
        const key = (variant: string) =>
            built.derive(variant, () => {
                computed += 1;
                return `key-${variant}`;
            });
        expect(key('a')).toBe('key-a');
        expect(key('a')).toBe('key-a');
        expect(key('b')).toBe('key-b');
        expect(computed).toBe(2);
    });
});
