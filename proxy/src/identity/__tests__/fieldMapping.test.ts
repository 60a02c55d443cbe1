import {
    createNamespaceCatalog,
    DEFAULT_FIELD_MAPPING,
    describeMissingNamespaces,
    entriesFor,
    missingNamespaces,
    parseFieldMapping
} from '../fieldMapping';

const SEED_CATALOG = createNamespaceCatalog(['ECID', 'Email', 'Phone', 'CRMID', 'loyaltyId', 'Email_LC_SHA256', 'Phone_SHA256']);

describe('parseFieldMapping', () => {
    it('gives the defaults when nothing is configured', () => {
        expect(parseFieldMapping(undefined)).toEqual(DEFAULT_FIELD_MAPPING);
        expect(parseFieldMapping({})).toEqual(DEFAULT_FIELD_MAPPING);
    });

    it('orders Contact fields CRMID > Email > loyaltyId > Phone', () => {
        const order = entriesFor(parseFieldMapping(undefined), 'Contact').map((e) => `${e.field}:${e.namespace}`);
        expect(order).toEqual(['Id:CRMID', 'Email:Email', 'Loyalty_Id__c:loyaltyId', 'MobilePhone:Phone', 'Phone:Phone']);
    });

    it('maps a Case through its Contact first, then the supplied values', () => {
        const fields = entriesFor(parseFieldMapping(undefined), 'Case').map((e) => e.field);
        expect(fields).toEqual([
            'Contact.Id',
            'Contact.Email',
            'SuppliedEmail',
            'Contact.Loyalty_Id__c',
            'Contact.MobilePhone',
            'Contact.Phone',
            'SuppliedPhone'
        ]);
    });

    it('adds hashed variants right after their plain field when switched on', () => {
        const mapping = parseFieldMapping({ hashedEmailNamespace: 'Email_LC_SHA256', hashedPhoneNamespace: 'Phone_SHA256' });
        const lead = entriesFor(mapping, 'Lead').map((e) => `${e.field}:${e.namespace}:${e.normaliser}`);
        expect(lead).toEqual([
            'Email:Email:email',
            'Email:Email_LC_SHA256:emailSha256',
            'MobilePhone:Phone:phone',
            'Phone:Phone:phone',
            'MobilePhone:Phone_SHA256:phoneSha256',
            'Phone:Phone_SHA256:phoneSha256'
        ]);
    });

    it('accepts the dotted standard namespaces and the E.164 hash variant', () => {
        const mapping = parseFieldMapping({ hashedPhoneE164Namespace: 'Phone_SHA256_E.164' });
        expect(
            entriesFor(mapping, 'Lead')
                .filter((e) => e.normaliser === 'phoneSha256E164')
                .map((e) => e.namespace)
        ).toEqual(['Phone_SHA256_E.164', 'Phone_SHA256_E.164']);
        const explicit = parseFieldMapping({
            objects: { Lead: [{ field: 'MobilePhone', namespace: 'Phone_E.164', normaliser: 'phoneE164', priority: 40 }] }
        });
        expect(entriesFor(explicit, 'Lead')).toEqual([
            { field: 'MobilePhone', namespace: 'Phone_E.164', normaliser: 'phoneE164', priority: 40 }
        ]);
    });

    it('names CRMID as the namespace that identifies one person unless configured otherwise', () => {
        expect(parseFieldMapping(undefined).personNamespaces).toEqual(['CRMID']);
        expect(parseFieldMapping({ personNamespaces: ['CRMID', 'loyaltyId'] }).personNamespaces).toEqual(['CRMID', 'loyaltyId']);
        expect(parseFieldMapping({ personNamespaces: [] }).personNamespaces).toEqual([]);
        expect(() => parseFieldMapping({ personNamespaces: ['not a code'] })).toThrow(/personNamespaces/);
    });

    it('lets an admin replace one object and keep the other defaults', () => {
        const mapping = parseFieldMapping({
            objects: { Lead: [{ field: 'Email', namespace: 'Email', normaliser: 'email', priority: 5 }] }
        });
        expect(entriesFor(mapping, 'Lead')).toHaveLength(1);
        expect(entriesFor(mapping, 'Contact')).toEqual(DEFAULT_FIELD_MAPPING.objects.Contact);
    });

    it('reports every problem with its path', () => {
        expect(() =>
            parseFieldMapping({
                defaultPhoneRegion: 'ZZ',
                objects: { Contact: [{ field: 'Bad Field', namespace: 'Email', normaliser: 'rot13', priority: 0 }] },
                extra: true
            })
        ).toThrow(
            /defaultPhoneRegion: .*ISO 3166.*objects\.Contact\.0\.field: field must be a Salesforce API name.*objects\.Contact\.0\.normaliser: normaliser must be one of.*objects\.Contact\.0\.priority/
        );
        expect(() => parseFieldMapping({ extra: true })).toThrow(/Unrecognized key/);
        expect(() => parseFieldMapping({ objects: { Opportunity: [] } })).toThrow(/objects/);
        expect(() => parseFieldMapping('nope')).toThrow('field mapping must be a JSON object');
    });
});

describe('namespace catalog', () => {
    it('resolves codes case-insensitively to the catalog spelling', () => {
        expect(SEED_CATALOG.resolve('email')).toBe('Email');
        expect(SEED_CATALOG.resolve('LOYALTYID')).toBe('loyaltyId');
        expect(SEED_CATALOG.resolve('TwitterId')).toBeNull();
    });

    it('says which configured namespaces the org lacks', () => {
        const catalog = createNamespaceCatalog(['Email', 'Phone', 'ECID']);
        const missing = missingNamespaces(parseFieldMapping({ hashedEmailNamespace: 'Email_LC_SHA256' }), catalog);
        expect(new Set(missing.map((m) => m.namespace))).toEqual(new Set(['CRMID', 'loyaltyId', 'Email_LC_SHA256']));
        expect(describeMissingNamespaces(missing)).toMatch(
            /^namespaces not in the Identity Service catalog.*CRMID \(Contact\.Id, Case\.Contact\.Id, Account\.PersonContactId\)/
        );
        expect(missingNamespaces(DEFAULT_FIELD_MAPPING, SEED_CATALOG)).toEqual([]);
        expect(describeMissingNamespaces([])).toBeNull();
    });
});
