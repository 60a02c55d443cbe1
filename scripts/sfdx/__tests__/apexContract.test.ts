import * as fs from 'node:fs';
import * as path from 'node:path';
import { z } from 'zod';
import { AuditViewsRequest, MAX_VIEWS_PER_REQUEST } from '../../../proxy/src/contract/auditViewsRequest';
import { CandidateProfile, CardModel, IdentityTried, SENSITIVE_CARD_FIELDS } from '../../../proxy/src/contract/cardModel';
import { ERROR_STATUS } from '../../../proxy/src/contract/errors';
import { LookupRequest } from '../../../proxy/src/contract/lookupRequest';
import { MAX_WARM_RECORDS, WarmRequest } from '../../../proxy/src/contract/warmRequest';
import { FIXTURE_FILE, generateApexFixtures, serialise, type ApexFixture } from '../generateApexFixtures';
import { REPO_ROOT } from './tempProject';
import { asArray, readXml, text } from '../xml';
import { IDENTITY_FIELDS } from '../../org/readIdentityFields';
import { LINKS, REMEDIES } from '../../org/connectionCheck';

/**
 * The Apex relay codes against the proxy's contracts without sharing code with them; these tests read the Apex
 * sources and fixtures and hold them to the zod schemas, so the two sides cannot drift apart silently.
 */
const DEFAULT = path.join(REPO_ROOT, 'force-app', 'main', 'default');
const apex = (name: string) => fs.readFileSync(path.join(DEFAULT, 'classes', `${name}.cls`), 'utf8');

/** The shipped Profile_Identity_Field__mdt records, read with the offline checks' metadata reader. */
function shippedIdentityFields(): { object: string; path: string; order: number; active: boolean }[] {
    const dir = path.join(DEFAULT, 'customMetadata');
    return fs
        .readdirSync(dir)
        .filter((f) => f.startsWith('Profile_Identity_Field.'))
        .map((f) => {
            const record = readXml(path.join(dir, f)).CustomMetadata as Record<string, unknown>;
            const values = asArray(record.values as Record<string, unknown>[]);
            const v = Object.fromEntries(values.map((x) => [text(x.field), text(x.value)]));
            return {
                object: String(v.Object__c),
                path: String(v.Field_Path__c),
                order: Number(v.Sort_Order__c),
                active: v.Active__c === 'true'
            };
        });
}

describe('Apex relay against the proxy contracts', () => {
    it('records answers that match the proxy contract: a CardModel, and error bodies with candidates and identities tried', () => {
        const fixtures = JSON.parse(fs.readFileSync(FIXTURE_FILE, 'utf8')) as Record<string, ApexFixture>;
        expect(Object.fromEntries(Object.entries(fixtures).map(([name, f]) => [name, f.status]))).toEqual({
            card: 200,
            collapsed: 200,
            ambiguous: 409,
            notFound: 404,
            graphTooLarge: 422,
            notEntitled: 502,
            warmAccepted: 202
        });
        const collapsed = CardModel.safeParse(fixtures.collapsed?.body);
        expect(collapsed.success ? [] : collapsed.error.issues).toEqual([]);
        expect(collapsed.data?.match.collapse).toMatchObject({ namespace: 'CRMID', people: 2 });
        expect((fixtures.graphTooLarge?.body as { error: { code: string } }).error.code).toBe('IDENTITY_GRAPH_TOO_LARGE');
        expect((fixtures.notEntitled?.body as { error: { code: string } }).error.code).toBe('AEP_NOT_ENTITLED');
        const card = CardModel.safeParse(fixtures.card?.body);
        expect(card.success ? [] : card.error.issues).toEqual([]);
        // The sensitive-field tests need a card that has sensitive values to hide.
        expect(card.data?.person.birthDate).not.toBeNull();
        expect(card.data?.contactPoints.address).not.toBeNull();
        const ambiguous = (
            fixtures.ambiguous?.body as { error: { code: string; details: { candidates: unknown[]; identitiesTried: unknown[] } } }
        ).error;
        expect(ambiguous.code).toBe('AMBIGUOUS_PROFILE');
        expect(z.array(CandidateProfile).min(2).safeParse(ambiguous.details.candidates).success).toBe(true);
        expect(z.array(IdentityTried).min(1).safeParse(ambiguous.details.identitiesTried).success).toBe(true);
        const notFound = (fixtures.notFound?.body as { error: { code: string; details: { identitiesTried: unknown[] } } }).error;
        expect(notFound.code).toBe('PROFILE_NOT_FOUND');
        expect(z.array(IdentityTried).min(1).safeParse(notFound.details.identitiesTried).success).toBe(true);
    });

    it('records answers that are current: regenerating them from the emulator and the proxy changes nothing', async () => {
        // On failure: npx tsx scripts/sfdx/generateApexFixtures.ts, then review the diff of the static resource.
        const fresh = serialise(await generateApexFixtures());
        expect(fresh).toBe(fs.readFileSync(FIXTURE_FILE, 'utf8'));
    });

    it('removes, as defence in depth, exactly the sensitive fields the proxy omits; each exists, nullable, in the card model', () => {
        const filter = apex('ProfileCardFilter');
        const card = CardModel.shape as unknown as Record<string, { shape: Record<string, z.ZodType> }>;
        for (const [section, field] of SENSITIVE_CARD_FIELDS) {
            expect(filter).toContain(`${section}.put('${field}', null)`);
            expect(card[section]?.shape[field]?.safeParse(null).success).toBe(true);
        }
        expect(filter.match(/\.put\('\w+', null\)/g)).toHaveLength(SENSITIVE_CARD_FIELDS.length);
    });

    it('asks the proxy for sensitive fields only with the permission, in a key the proxy accepts', () => {
        const client = apex('ProfileProxyClient');
        expect(client).toContain("gen.writeBooleanField('includeSensitive', includeSensitive == true)");
        expect(apex('CustomerProfileController')).toMatch(
            /buildLookupRequest\(\s*identity,\s*lookupProfileId,\s*refresh,\s*showSensitive\s*\)/
        );
        for (const includeSensitive of [true, false]) {
            const body = {
                record: { objectApiName: 'Contact', recordId: '0038c00002JaneDAAR', fields: {} },
                maxEvents: 10,
                includeSensitive
            };
            expect(LookupRequest.safeParse(body).success).toBe(true);
        }
    });

    it('forwards cache views in the shape and batch size the proxy audit endpoint accepts', () => {
        const forwarder = apex('ProfileViewAuditForwarder');
        expect(Number(/VIEWS_PER_REQUEST = (\d+);/.exec(forwarder)?.[1])).toBe(MAX_VIEWS_PER_REQUEST);
        const viewClass = /public class View \{([\s\S]*?)\n {4}\}/.exec(forwarder)?.[1] ?? '';
        const apexFields = [...viewClass.matchAll(/public String (\w+);/g)].map((m) => m[1]).sort();
        const proxyFields = Object.keys(AuditViewsRequest.shape.views.element.shape).sort();
        expect(apexFields).toEqual(proxyFields);
        expect(forwarder).toContain("AUDIT_PATH = '/v1/audit/views'");
    });

    it('warms cards with the request the proxy accepted, in the path and batch size of its warm endpoint', () => {
        // ProfileCardWarmer_Tests.sendsTheRequestTheProxyAcceptedPositive compares the body the Apex job builds with
        // this recorded request, which the proxy answered with 202 and which must hold to the proxy's schema.
        const fixtures = JSON.parse(fs.readFileSync(FIXTURE_FILE, 'utf8')) as Record<string, ApexFixture>;
        const recorded = WarmRequest.safeParse(fixtures.warmAccepted?.request);
        expect(recorded.success ? [] : recorded.error.issues).toEqual([]);
        expect(fixtures.warmAccepted?.body).toEqual({ accepted: 1, dropped: 0 });
        const warmer = apex('ProfileCardWarmer');
        expect(Number(/RECORDS_PER_REQUEST = (\d+);/.exec(warmer)?.[1])).toBe(MAX_WARM_RECORDS);
        expect(warmer).toContain("WARM_PATH = '/v1/profiles/warm'");
        // Its body limit stays under the proxy's default (PROXY_BODY_LIMIT_BYTES, 16 KB).
        expect(Number(/maxBodyBytes = (\d+);/.exec(warmer)?.[1])).toBeLessThan(16 * 1024 - 200);
        expect(apex('ProfileCardWarmer_Tests')).toMatch(/ProfileTestFactory\.recordedRequest\(\s*'warmAccepted'\s*\)/);
    });

    it('builds a request body the proxy accepts, for every object with shipped identity fields', () => {
        const byObject = new Map<string, Record<string, string | null>>();
        for (const record of shippedIdentityFields()) {
            const fields = byObject.get(record.object) ?? {};
            fields[record.path] = null;
            byObject.set(record.object, fields);
        }
        expect([...byObject.keys()].sort()).toEqual(['Account', 'Case', 'Contact', 'Lead']);
        // Person-Account rows ship inactive: orgs without Person Accounts would fail on PersonEmail otherwise.
        expect(shippedIdentityFields().filter((r) => r.object === 'Account' && r.active)).toEqual([]);
        // The most events Apex ever asks for (ProfileSettings clamps the configured value to it).
        const maxEvents = Number(/MAX_EVENTS_LIMIT = (\d+);/.exec(apex('ProfileSettings'))?.[1]);
        expect(maxEvents).toBeGreaterThan(0);
        for (const [objectApiName, fields] of byObject) {
            const body = {
                record: { objectApiName, recordId: '0038c00002JaneDAAR', fields },
                maxEvents,
                refresh: true,
                includeSensitive: false
            };
            const parsed = LookupRequest.safeParse(body);
            expect(parsed.success ? objectApiName : parsed.error.issues).toBe(objectApiName);
        }
    });

    it('maps every proxy error status the proxy can send', () => {
        const mapper = apex('ProfileResponseMapper');
        const handled = new Set(
            [...mapper.matchAll(/when ([0-9, ]+) \{/g)].flatMap((m) => (m[1] as string).split(',').map((s) => Number(s.trim())))
        );
        const unmapped = Object.entries(ERROR_STATUS).filter(([code, status]) => !handled.has(status) && code !== 'INTERNAL');
        expect(unmapped).toEqual([]);
    });
});

describe('the connection check report (ProfileConnectionCheck.cls -> scripts/org/connectionCheck.ts)', () => {
    it('has the links the smoke check reads, and every code it explains is one the Apex or the proxy can answer', () => {
        const check = apex('ProfileConnectionCheck');
        const linksInApex = new Set([...check.matchAll(/new Link\(\s*'(\w+)'/g)].map((m) => m[1]));
        expect([...linksInApex].sort()).toEqual([...LINKS].sort());
        for (const [link, codes] of Object.entries(REMEDIES)) {
            for (const code of Object.keys(codes ?? {})) {
                const known = check.includes(`'${code}'`) || code in ERROR_STATUS;
                expect({ link, code, known }).toEqual({ link, code, known: true });
            }
        }
        expect(check).toContain('public class ReportException extends Exception');
    });
});

describe('identity fields outside the org', () => {
    it('the preview stand-in and the jsforce reader read exactly the fields the active shipped Profile_Identity_Field__mdt records name', () => {
        const shipped: Record<string, Array<{ path: string; order: number }>> = {};
        for (const record of shippedIdentityFields()) {
            if (record.active) (shipped[record.object] ??= []).push({ path: record.path, order: record.order });
        }
        for (const [objectApiName, fields] of Object.entries(IDENTITY_FIELDS)) {
            const expected = (shipped[objectApiName] ?? []).sort((a, b) => a.order - b.order).map((f) => f.path);
            expect({ objectApiName, fields: [...fields].sort() }).toEqual({ objectApiName, fields: [...expected].sort() });
        }
    });
});
