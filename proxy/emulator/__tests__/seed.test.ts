import { createHash } from 'node:crypto';
import { seedDataset, SEED_IDENTITIES } from '../src/seed';
import { deriveXid } from '../src/store/xid';
import { projectFields, withoutComputedAttributes } from '../src/store/projection';
import { identityGraphOf } from '../src/store/dataset';

describe('seed people (the table in proxy/emulator/README.md)', () => {
    const data = seedDataset();
    const one = (ns: string, id: string) => {
        const found = data.findByIdentity(ns, id);
        expect(found).toHaveLength(1);
        return found[0]!;
    };

    it('Jane: every identity reaches one profile with gold loyalty, LTV, churn 72, 3+ realized, 1 exited, 1 existing, 25+ events', () => {
        const s = SEED_IDENTITIES.jane;
        const jane = one('Email', s.email);
        for (const [ns, id] of [
            ['phone', s.phone],
            ['crmid', s.crmId],
            ['loyaltyId', s.loyaltyId],
            ['Email_LC_SHA256', createHash('sha256').update(s.email).digest('hex')]
        ]) {
            expect(one(ns!, id!).xid).toBe(jane.xid);
        }
        expect(data.findByIdentity('CRMID', '0038c00002JaneD')).toEqual([]);
        const entity = jane.entity as Record<string, any>;
        expect(entity.loyalty.tier).toBe('gold');
        expect(entity._acmetelco.crm.lifetimeValue).toBe(12480.5);
        expect(entity._acmetelco.CustomerAI.churn_90d.score).toBe(72);
        expect(entity._acmetelco.CustomerAI.upsell_90d.propensityType).toBe('conversion');
        expect(entity.identityMap.ecid).toHaveLength(2);
        const statuses = Object.values(entity.segmentMembership.ups as Record<string, { status: string }>).map((m) => m.status);
        expect(statuses.filter((s) => s === 'realized').length).toBeGreaterThanOrEqual(3);
        expect(statuses.filter((s) => s === 'exited')).toHaveLength(1);
        expect(statuses.filter((s) => s === 'existing')).toHaveLength(1);
        expect(data.eventsOf(jane).length).toBeGreaterThanOrEqual(25);
        const sca = entity._acmetelco.SystemComputedAttributes;
        const purchases90 = data
            .eventsOf(jane)
            .filter((e) => e.entity.eventType === 'commerce.purchases' && e.timestamp > Date.UTC(2026, 10, 20, 18) - 90 * 86400000);
        expect(sca.purchases90d.value).toBe(purchases90.length);
    });

    it('the Riveras share a phone: two profiles', () => {
        const household = data.findByIdentity('Phone', SEED_IDENTITIES.sam.phone);
        expect(household.map((p) => (p.entity as any).person.name.firstName).sort()).toEqual(['Alex', 'Sam']);
        expect(one('CRMID', SEED_IDENTITIES.alex.crmId).xid).not.toBe(one('CRMID', SEED_IDENTITIES.sam.crmId).xid);
    });

    it('Maria is the telecom fixture; Kenji is a prospect without loyalty; Gary has over 50 identities; nobody has unknown.person', () => {
        const maria = one('loyaltyId', SEED_IDENTITIES.maria.loyaltyId).entity as Record<string, any>;
        expect(maria.telecomSubscription.mobileSubscription[0].subscriptionDetails.planName).toBe('Unlimited Plus 5G');
        expect(maria._acmetelco.SystemComputedAttributes.totalSpend90d.value).toBe(412.37);
        const kenji = one('Phone', SEED_IDENTITIES.kenji.phone);
        expect((kenji.entity as any).loyalty).toBeUndefined();
        expect((kenji.entity as any)._acmetelco.CustomerAI.conversion_30d.propensityType).toBe('conversion');
        expect(one('Email', SEED_IDENTITIES.gary.email).identities.length).toBeGreaterThan(50);
        expect(data.findByIdentity('Email', SEED_IDENTITIES.unknown.email)).toEqual([]);
    });

    it('XIDs are stable across runs (golden values) and the graph lists every identity XID', () => {
        expect(deriveXid('CRMID', SEED_IDENTITIES.jane.crmId)).toBe('ACZfRhfmOgfiWi-ylbPyGz-A');
        expect(deriveXid('email', 'jane.doe@example.com')).toBe(deriveXid('Email', 'jane.doe@example.com'));
        const jane = one('Email', SEED_IDENTITIES.jane.email);
        expect(identityGraphOf(jane)).toHaveLength(jane.identities.length);
        expect(seedDataset().findByXid(jane.xid)[0]!.xid).toBe(jane.xid);
        expect(JSON.stringify(seedDataset().findByXid(jane.xid))).toBe(JSON.stringify(data.findByXid(jane.xid)));
    });
});

describe('fields projection', () => {
    const entity = {
        person: { name: { firstName: 'A', lastName: 'B' }, birthDate: '1990-01-01' },
        productListItems: [
            { SKU: 'x', name: 'X' },
            { SKU: 'y', name: 'Y' }
        ],
        _t: { SystemComputedAttributes: { a: { value: 1 } }, crm: { ltv: 5 } }
    };

    it('keeps listed paths with their parents, merges siblings, applies to array items', () => {
        expect(projectFields(entity, ['person.name.firstName', 'person.birthDate'])).toEqual({
            person: { name: { firstName: 'A' }, birthDate: '1990-01-01' }
        });
        expect(projectFields(entity, ['productListItems.SKU'])).toEqual({ productListItems: [{ SKU: 'x' }, { SKU: 'y' }] });
        expect(projectFields(entity, ['nothing.here'])).toEqual({});
    });

    it('drops computed attributes without touching the source', () => {
        expect(withoutComputedAttributes(entity, '_t')).toEqual({ ...entity, _t: { crm: { ltv: 5 } } });
        expect(entity._t.SystemComputedAttributes).toBeDefined();
    });
});
