import { buildCandidates, MAX_CANDIDATES } from '../buildCandidates';
import { createNamespaceCatalog, parseFieldMapping } from '../fieldMapping';
import { sha256Hex } from '../normalisers';

const CATALOG = createNamespaceCatalog([
    'ECID',
    'Email',
    'Phone',
    'CRMID',
    'loyaltyId',
    'Email_LC_SHA256',
    'Phone_SHA256',
    'Phone_SHA256_E.164',
    'Phone_E.164'
]);
const MAPPING = parseFieldMapping(undefined);

describe('buildCandidates', () => {
    it("turns Jane Doe's Contact into every spelling AEP may hold, canonical first, in priority order", () => {
        const { candidates, skipped } = buildCandidates(
            {
                objectApiName: 'Contact',
                recordId: '0038c00002JaneDAAR',
                fields: {
                    Id: '0038c00002JaneD',
                    Email: ' Jane.Doe@Example.com ',
                    Phone: '(415) 555-0123',
                    MobilePhone: null,
                    Loyalty_Id__c: 'LY-100234'
                }
            },
            MAPPING,
            CATALOG
        );
        expect(skipped).toEqual([]);
        expect(candidates.map((c) => [c.field, c.namespace, c.value, c.maskedValue, c.priority, c.spelling])).toEqual([
            ['Id', 'CRMID', '0038c00002JaneDAAR', '0038c00002JaneDAAR', 10, 'normalised'],
            ['Email', 'Email', 'jane.doe@example.com', 'j•••@example.com', 20, 'normalised'],
            ['Email', 'Email', 'Jane.Doe@Example.com', 'J•••@Example.com', 20, 'asStored'],
            ['Loyalty_Id__c', 'loyaltyId', 'LY-100234', '•••0234', 30, 'normalised'],
            ['Phone', 'Phone', '+14155550123', '•••0123', 40, 'normalised'],
            ['Phone', 'Phone', '(415) 555-0123', '•••0123', 40, 'asStored'],
            ['Phone', 'Phone', '14155550123', '•••0123', 40, 'e164Digits'],
            ['Phone', 'Phone', '4155550123', '•••0123', 40, 'nationalDigits']
        ]);
    });

    it('keeps one candidate per namespace and value, from the first field', () => {
        const { candidates } = buildCandidates(
            {
                objectApiName: 'Contact',
                recordId: '0038c00002JaneDAAR',
                fields: { MobilePhone: '+1 415.555.0123', Phone: '(415) 555-0123' }
            },
            MAPPING,
            CATALOG
        );
        // The canonical and the digit spellings belong to MobilePhone; Phone adds only its own spelling.
        expect(candidates.map((c) => `${c.field}=${c.value}`)).toEqual([
            'MobilePhone=+14155550123',
            'MobilePhone=+1 415.555.0123',
            'MobilePhone=14155550123',
            'MobilePhone=4155550123',
            'Phone=(415) 555-0123'
        ]);
    });

    it("reads a Case's contact before its supplied values and matches field names case-insensitively", () => {
        const { candidates } = buildCandidates(
            {
                objectApiName: 'Case',
                recordId: '5008c00001CsJanAAF',
                fields: {
                    SuppliedEmail: 'someone@else.example',
                    'contact.email': 'jane.doe@example.com',
                    'Contact.Id': '0038c00002JaneDAAR'
                }
            },
            MAPPING,
            CATALOG
        );
        expect(candidates.map((c) => `${c.field}=${c.value}`)).toEqual([
            'Contact.Id=0038c00002JaneDAAR',
            'Contact.Email=jane.doe@example.com',
            'SuppliedEmail=someone@else.example'
        ]);
    });

    it('skips values that do not normalise, with the reason and a masked value', () => {
        const { candidates, skipped } = buildCandidates(
            {
                objectApiName: 'Lead',
                recordId: '00Q8c00000KSatoEAD',
                fields: { Email: 'kenji.sato at example.com', Phone: '1-800-FLOWERS', MobilePhone: '   ' }
            },
            MAPPING,
            CATALOG
        );
        expect(candidates).toEqual([]);
        expect(skipped).toEqual([
            { field: 'Email', namespace: 'Email', maskedValue: '•••om', outcome: 'skipped', reason: 'email contains spaces' },
            { field: 'Phone', namespace: 'Phone', maskedValue: '•••RS', outcome: 'skipped', reason: 'phone contains letters' }
        ]);
        expect(JSON.stringify(skipped)).not.toContain('kenji');
    });

    it('skips namespaces the org does not have and uses the catalog spelling', () => {
        const catalog = createNamespaceCatalog(['email', 'PHONE']);
        const { candidates, skipped } = buildCandidates(
            {
                objectApiName: 'Contact',
                recordId: '0038c00002JaneDAAR',
                fields: { Id: '0038c00002JaneDAAR', Email: 'jane.doe@example.com', Phone: '4155550123' }
            },
            MAPPING,
            catalog
        );
        expect(candidates.map((c) => `${c.namespace}=${c.value}`)).toEqual([
            'email=jane.doe@example.com',
            'PHONE=+14155550123',
            'PHONE=4155550123',
            'PHONE=14155550123'
        ]);
        expect(skipped).toEqual([
            expect.objectContaining({
                field: 'Id',
                namespace: 'CRMID',
                outcome: 'skipped',
                reason: 'namespace CRMID is not in the Identity Service catalog'
            })
        ]);
    });

    it("adds hashed variants, each hashed by its namespace's documented rule, when configured", () => {
        const mapping = parseFieldMapping({
            hashedEmailNamespace: 'email_lc_sha256',
            hashedPhoneNamespace: 'Phone_SHA256',
            hashedPhoneE164Namespace: 'Phone_SHA256_E.164'
        });
        const { candidates } = buildCandidates(
            {
                objectApiName: 'Lead',
                recordId: '00Q8c00000KSatoEAD',
                fields: { Email: 'Kenji.Sato@Example.com', Phone: '+81 90-1234-5678' }
            },
            mapping,
            CATALOG
        );
        const hash = sha256Hex('kenji.sato@example.com');
        expect(candidates.filter((c) => c.namespace !== 'Phone').map((c) => [c.namespace, c.value, c.maskedValue])).toEqual([
            ['Email', 'kenji.sato@example.com', 'k•••@example.com'],
            ['Email', 'Kenji.Sato@Example.com', 'K•••@Example.com'],
            ['Email_LC_SHA256', hash, `${hash.slice(0, 8)}…`],
            ['Phone_SHA256', sha256Hex('819012345678'), `${sha256Hex('819012345678').slice(0, 8)}…`],
            ['Phone_SHA256_E.164', sha256Hex('+819012345678'), `${sha256Hex('+819012345678').slice(0, 8)}…`]
        ]);
    });

    it('caps the candidates at 50 in priority order and says which fields were left out', () => {
        const objects = {
            Contact: Array.from({ length: 30 }, (_, i) => ({
                field: `Alt_Email_${i}__c`,
                namespace: 'Email',
                normaliser: 'email' as const,
                priority: 20
            }))
        };
        // Two spellings each (canonical and Salesforce's mixed case): 25 fields fit, 5 do not.
        const fields = Object.fromEntries(objects.Contact.map((e, i) => [e.field, `Person${i}@Example.com`]));
        const { candidates, skipped } = buildCandidates(
            { objectApiName: 'Contact', recordId: '0038c00002JaneDAAR', fields },
            parseFieldMapping({ objects }),
            CATALOG
        );
        expect(MAX_CANDIDATES).toBe(50);
        expect(candidates).toHaveLength(50);
        expect(candidates.at(-1)).toMatchObject({ field: 'Alt_Email_24__c', spelling: 'asStored' });
        expect(skipped.map((s) => s.field)).toEqual([
            'Alt_Email_25__c',
            'Alt_Email_26__c',
            'Alt_Email_27__c',
            'Alt_Email_28__c',
            'Alt_Email_29__c'
        ]);
        expect(skipped.every((s) => s.reason === 'TOO_MANY_IDENTITIES')).toBe(true);
    });

    it('returns nothing for a record without identity values', () => {
        expect(
            buildCandidates({ objectApiName: 'Account', recordId: '0018c00002AcmeXAAR', fields: { Name: 'Acme' } }, MAPPING, CATALOG)
        ).toEqual({
            candidates: [],
            skipped: []
        });
    });
});
