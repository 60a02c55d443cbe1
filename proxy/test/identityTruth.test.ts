import { NO_STITCHING_POLICY_ID, SEED_IDENTITIES, deriveXid } from '../emulator/src/index';
import { aepHeaders, call, tokenFor } from '../emulator/__tests__/helpers';
import { CardModel } from '../src/contract/cardModel';
import type { OutgoingRequest } from '../src/index';
import { RECORDS, json, startHarness, type Harness } from './support/harness';

/**
 * The proxy (driven through inject by proxy/test/support/harness.ts) against the emulator over HTTP, in the AEP
 * behaviours Adobe documents and our older emulator did not have: per-requested-identity keys, graph collapse, Identity
 * Graph Linking Rules, identity values stored as ingested, hashed namespaces, the Ultimate-only entities API and the
 * 50-identity graph limit.
 */

/** The identities the proxy asked AEP about in its multi-entity POSTs, as `namespace=value`. */
function askedFor(sent: readonly OutgoingRequest[]): string[] {
    return sent
        .filter((r) => r.upstream === 'profile' && r.method === 'POST')
        .flatMap((r) => (JSON.parse(r.body!) as { identities: Array<{ entityId: string; entityIdNS: { code: string } }> }).identities)
        .map((i) => `${i.entityIdNS.code}=${i.entityId}`);
}

describe('the default org (no Identity Graph Linking Rules), answers keyed per requested identity', () => {
    let s: Harness;
    beforeAll(async () => {
        s = await startHarness();
    });
    afterAll(() => s.close());

    it("answers Jane's Contact (Email + Phone + Contact Id) with her card, though AEP returns her under several keys", async () => {
        // The emulator answers as Adobe's example does: one entry per requested identity.
        const token = await tokenFor(s.emulator);
        const direct = await call(`${s.emulator.platformUrl}/data/core/ups/access/entities`, {
            method: 'POST',
            headers: aepHeaders(token, s.emulator.orgs.primary, { 'content-type': 'application/json' }),
            body: JSON.stringify({
                schema: { name: '_xdm.context.profile' },
                identities: [
                    { entityId: SEED_IDENTITIES.jane.crmId, entityIdNS: { code: 'CRMID' } },
                    { entityId: SEED_IDENTITIES.jane.email, entityIdNS: { code: 'Email' } },
                    { entityId: SEED_IDENTITIES.jane.phone, entityIdNS: { code: 'Phone' } }
                ]
            })
        });
        expect(direct.status).toBe(200);
        expect(Object.keys(direct.body as Record<string, unknown>).sort()).toEqual(
            [
                deriveXid('CRMID', SEED_IDENTITIES.jane.crmId),
                deriveXid('Email', SEED_IDENTITIES.jane.email),
                deriveXid('Phone', SEED_IDENTITIES.jane.phone)
            ].sort()
        );

        const res = await s.lookup({ record: RECORDS.janeContact });
        expect(res.statusCode).toBe(200);
        const card = CardModel.parse(json(res));
        expect(card.person.displayName).toBe('Jane Doe');
        expect(card.match).toMatchObject({ field: 'Id', namespace: 'CRMID', ambiguous: false, alternatives: [], collapse: null });
        expect(card.match.identitiesTried.map((t) => `${t.field}:${t.outcome}`)).toEqual(['Id:matched', 'Email:matched', 'Phone:matched']);
    });

    it('flags the household phone: AEP collapsed Sam and Alex into one profile, and the card says so', async () => {
        const res = await s.lookup({ record: RECORDS.householdCase });
        expect(res.statusCode).toBe(200);
        const card = CardModel.parse(json(res));
        expect(card.match.collapse).toEqual({
            namespace: 'CRMID',
            people: 2,
            ids: [
                { maskedValue: SEED_IDENTITIES.sam.crmId, thisRecord: false },
                { maskedValue: SEED_IDENTITIES.alex.crmId, thisRecord: false }
            ]
        });
        // From Alex's own Contact, his id comes first and is marked as this record's.
        const alex = await s.lookup({
            record: {
                objectApiName: 'Contact',
                recordId: SEED_IDENTITIES.alex.crmId,
                fields: { Id: SEED_IDENTITIES.alex.crmId, Email: SEED_IDENTITIES.alex.email, Phone: '(415) 555-0188' }
            }
        });
        expect(CardModel.parse(json(alex)).match.collapse?.ids[0]).toEqual({ maskedValue: SEED_IDENTITIES.alex.crmId, thisRecord: true });
    });

    it("finds a mixed-case stored email and a national-format stored phone from Salesforce's spelling", async () => {
        const olivia = { objectApiName: 'Lead', recordId: '00Q8c00000OBrndEAD' };
        const byEmail = await s.lookup({ record: { ...olivia, fields: { Email: 'Olivia.Brandt@Example.com' } } });
        expect(byEmail.statusCode).toBe(200);
        expect(CardModel.parse(json(byEmail)).person.displayName).toBe('Olivia Brandt');
        const byPhone = await s.lookup({ record: { ...olivia, fields: { Phone: '(415) 555-0177' } } });
        expect(byPhone.statusCode).toBe(200);
        expect(CardModel.parse(json(byPhone)).match).toMatchObject({ field: 'Phone', namespace: 'Phone', maskedValue: '•••0177' });
        expect(askedFor(s.upstream)).toEqual(
            expect.arrayContaining([
                'Email=olivia.brandt@example.com',
                'Email=Olivia.Brandt@Example.com',
                'Phone=+14155550177',
                'Phone=4155550177'
            ])
        );
    });

    it('serves an identity-only profile found by a phone stored without "+"', async () => {
        const res = await s.lookup({
            record: { objectApiName: 'Case', recordId: '5008c00001CsChrAAF', fields: { SuppliedPhone: '+1 415-555-0155' } }
        });
        expect(res.statusCode).toBe(200);
        const card = CardModel.parse(json(res));
        expect(card.person.displayName).toBe('Unnamed customer');
        expect(card.identities.map((i) => i.namespace).sort()).toEqual(['ecid', 'phone']);
        expect(card.audiences).toEqual([]);
    });

    it('answers a graph over the 50-identity limit with its own error, not "no profile"', async () => {
        const res = await s.lookup({ record: RECORDS.garyContact });
        expect(res.statusCode).toBe(422);
        expect(json(res).error).toMatchObject({ code: 'IDENTITY_GRAPH_TOO_LARGE', details: { reason: 'TOO_MANY_RELATED_IDENTITIES' } });
    });
});

describe('hashed namespaces, hashed by the rules Adobe documents', () => {
    let s: Harness;
    beforeAll(async () => {
        s = await startHarness({
            env: {
                PROXY_FIELD_MAPPING: JSON.stringify({
                    hashedEmailNamespace: 'Email_LC_SHA256',
                    hashedPhoneNamespace: 'Phone_SHA256',
                    hashedPhoneE164Namespace: 'Phone_SHA256_E.164'
                })
            }
        });
    });
    afterAll(() => s.close());

    it("sends Adobe's published Email_LC_SHA256 example value, and Phone_SHA256 from the digits without '+'", async () => {
        s.upstream.length = 0;
        await s.lookup({
            record: {
                objectApiName: 'Lead',
                recordId: '00Q8c00000EcidAEAD',
                fields: { Email: ' ECID@Adobe.com ', Phone: '(415) 555-0123' }
            }
        });
        const asked = askedFor(s.upstream);
        // https://experienceleague.adobe.com/en/docs/id-service/using/reference/hashing-support
        expect(asked).toContain('Email_LC_SHA256=a6ea4cde5da5ae7cc68baae894d1d6544fca26254433b0fff7c2cb4843b4a097');
        // sha256("14155550123"): Adobe's Phone (SHA256) rule; the E.164 variant hashes "+14155550123".
        expect(asked).toContain('Phone_SHA256=413ba75461ab5f99d36820e561ea97e2bd80f9cb586f7ecea6cf4c496518950a');
        expect(asked).toContain('Phone_SHA256_E.164=36a2cef4ff9bf7a1abd2a93359136b870393be4106e6c5d19b72ff564f9deca4');
    });

    it('finds people AEP knows only by hashes (Email_LC_SHA256, Phone_SHA256, Phone_SHA256_E.164)', async () => {
        const priya = { objectApiName: 'Contact', recordId: '0038c00002PriyAAAR' };
        for (const fields of [{ Email: 'Priya.Natarajan@example.com' }, { MobilePhone: '415-555-0166' }]) {
            const res = await s.lookup({ record: { ...priya, fields } });
            expect(res.statusCode).toBe(200);
            expect(CardModel.parse(json(res)).person.displayName).toBe('Priya Natarajan');
        }
        // Jane's Phone_SHA256 was ingested by Adobe's rule too: her phone alone finds her through it.
        const jane = await s.lookup({
            record: { objectApiName: 'Lead', recordId: '00Q8c00000JanePEAD', fields: { Phone: '415 555 0123' } }
        });
        expect(CardModel.parse(json(jane)).person.displayName).toBe('Jane Doe');
    });
});

describe('an org with Identity Graph Linking Rules (unique CRMID)', () => {
    let s: Harness;
    beforeAll(async () => {
        s = await startHarness({ org: 'linked' });
    });
    afterAll(() => s.close());

    it('gives the household phone the one person AEP keeps it with, not flagged', async () => {
        const res = await s.lookup({ record: RECORDS.householdCase });
        expect(res.statusCode).toBe(200);
        const card = CardModel.parse(json(res));
        expect(card.person.displayName).toBe('Sam Rivera');
        expect(card.match.collapse).toBeNull();
        expect(card.identities.filter((i) => i.namespace === 'crmid').map((i) => i.id)).toEqual([SEED_IDENTITIES.sam.crmId]);
    });
});

describe('a merge policy without identity stitching', () => {
    let s: Harness;
    beforeAll(async () => {
        s = await startHarness({ env: { AEP_MERGE_POLICY_ID: NO_STITCHING_POLICY_ID } });
    });
    afterAll(() => s.close());

    it('leaves the agent the choice between the two people who share the phone (409), then shows the pick', async () => {
        const res = await s.lookup({ record: RECORDS.householdCase });
        expect(res.statusCode).toBe(409);
        const candidates = json(res).error.details.candidates as Array<{ displayName: string; profileId: string }>;
        expect(candidates.map((c) => c.displayName).sort()).toEqual(['Alex Rivera', 'Sam Rivera']);
        const alex = candidates.find((c) => c.displayName === 'Alex Rivera')!;
        const picked = await s.lookup({ record: RECORDS.householdCase, profileId: alex.profileId });
        expect(picked.statusCode).toBe(200);
        expect(CardModel.parse(json(picked)).match).toMatchObject({
            selectedBy: 'agent',
            ambiguityReason: 'SHARED_IDENTITY',
            collapse: null
        });
    });
});

describe('an org on Real-Time CDP Prime', () => {
    let s: Harness;
    beforeAll(async () => {
        s = await startHarness({ org: 'prime' });
    });
    afterAll(() => s.close());

    it('answers AEP_NOT_ENTITLED naming the entitlement, not a credentials problem', async () => {
        const res = await s.lookup({ record: RECORDS.janeContact });
        expect(res.statusCode).toBe(502);
        const { error } = json(res);
        expect(error.code).toBe('AEP_NOT_ENTITLED');
        expect(error.message).toMatch(/Real-Time CDP Ultimate/);
        expect(error.message).not.toMatch(/credentials/);
        expect(error.details).toMatchObject({ upstream: 'profile', upstreamStatus: 403 });
    });
});

describe('an AEP that keys the multi-entity answer per profile', () => {
    let s: Harness;
    beforeAll(async () => {
        s = await startHarness({ emulator: { multiEntityKeying: 'perProfile' } });
    });
    afterAll(() => s.close());

    it("answers Jane's Contact with the same card", async () => {
        const res = await s.lookup({ record: RECORDS.janeContact });
        expect(res.statusCode).toBe(200);
        expect(CardModel.parse(json(res)).match).toMatchObject({ field: 'Id', ambiguous: false, collapse: null });
    });
});
