import { buildCandidates, MAX_CANDIDATES } from '../buildCandidates';
import { createNamespaceCatalog, parseFieldMapping } from '../fieldMapping';
import { sha256Hex } from '../normalisers';

const CATALOG = createNamespaceCatalog(['ECID', 'Email', 'Phone', 'CRMID', 'loyaltyId', 'Email_LC_SHA256', 'Phone_SHA256']);
const MAPPING = parseFieldMapping(undefined);

describe('buildCandidates', () => {
    it("turns Jane Doe's Contact into normalised candidates in priority order", () => {
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
        expect(candidates.map((c) => [c.field, c.namespace, c.value, c.maskedValue, c.priority])).toEqual([
            ['Id', 'CRMID', '0038c00002JaneDAAR', '0038c00002JaneDAAR', 10],
            ['Email', 'Email', 'jane.doe@example.com', 'j•••@example.com', 20],
            ['Loyalty_Id__c', 'loyaltyId', 'LY-100234', '•••0234', 30],
            ['Phone', 'Phone', '+14155550123', '•••0123', 40]
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
        expect(candidates).toHaveLength(1);
        expect(candidates[0]).toMatchObject({ field: 'MobilePhone', value: '+14155550123' });
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
        expect(candidates.map((c) => c.namespace)).toEqual(['email', 'PHONE']);
        expect(skipped).toEqual([
            expect.objectContaining({
                field: 'Id',
                namespace: 'CRMID',
                outcome: 'skipped',
                reason: 'namespace CRMID is not in the Identity Service catalog'
            })
        ]);
    });

    it('adds hashed variants with their own masked value when configured', () => {
        const mapping = parseFieldMapping({ hashedEmailNamespace: 'email_lc_sha256' });
        const { candidates } = buildCandidates(
            { objectApiName: 'Lead', recordId: '00Q8c00000KSatoEAD', fields: { Email: 'Kenji.Sato@Example.com' } },
            mapping,
            CATALOG
        );
        const hash = sha256Hex('kenji.sato@example.com');
        expect(candidates.map((c) => [c.namespace, c.value, c.maskedValue])).toEqual([
            ['Email', 'kenji.sato@example.com', 'k•••@example.com'],
            ['Email_LC_SHA256', hash, `${hash.slice(0, 8)}…`]
        ]);
    });

    it('caps the candidates and says which were left out', () => {
        const objects = {
            Contact: Array.from({ length: 12 }, (_, i) => ({
                field: `Alt_Email_${i}__c`,
                namespace: 'Email',
                normaliser: 'email' as const,
                priority: 20
            }))
        };
        const fields = Object.fromEntries(objects.Contact.map((e, i) => [e.field, `person${i}@example.com`]));
        const { candidates, skipped } = buildCandidates(
            { objectApiName: 'Contact', recordId: '0038c00002JaneDAAR', fields },
            parseFieldMapping({ objects }),
            CATALOG
        );
        expect(candidates).toHaveLength(MAX_CANDIDATES);
        expect(skipped).toHaveLength(12 - MAX_CANDIDATES);
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
