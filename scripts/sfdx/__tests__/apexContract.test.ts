import * as fs from 'node:fs';
import * as path from 'node:path';
import { z } from 'zod';
import { CandidateProfile, CardModel, IdentityTried } from '../../../proxy/src/contract/cardModel';
import { LookupRequest } from '../../../proxy/src/contract/lookupRequest';
import { ERROR_STATUS } from '../../../proxy/src/contract/errors';
import { FIXTURE_FILE, generateApexFixtures, serialise, type ApexFixture } from '../generateApexFixtures';
import { REPO_ROOT } from './tempProject';
import { asArray, readXml, text } from '../xml';
import { IDENTITY_FIELDS } from '../../org/readIdentityFields';

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
            notEntitled: 502
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

    it('removes sensitive fields that exist, nullable, in the card model', () => {
        const filter = apex('ProfileCardFilter');
        const person = CardModel.shape.person.shape;
        const contactPoints = CardModel.shape.contactPoints.shape;
        expect(filter).toContain("person.put('birthDate', null)");
        expect(filter).toContain("person.put('gender', null)");
        expect(filter).toContain("contactPoints.put('address', null)");
        expect(person.birthDate.safeParse(null).success).toBe(true);
        expect(person.gender.safeParse(null).success).toBe(true);
        expect(contactPoints.address.safeParse(null).success).toBe(true);
    });

    it('builds a request body the proxy accepts, for every object with shipped identity fields', () => {
        const byObject = new Map<string, Record<string, string | null>>();
        for (const record of shippedIdentityFields()) {
            const fields = byObject.get(record.object) ?? {};
            fields[record.path] = null;
            byObject.set(record.object, fields);
        }
        expect([...byObject.keys()].sort()).toEqual(['Account', 'Case', 'Contact', 'Lead']);
        // The most events Apex ever asks for (ProfileSettings clamps the configured value to it).
        const maxEvents = Number(/MAX_EVENTS_LIMIT = (\d+);/.exec(apex('ProfileSettings'))?.[1]);
        expect(maxEvents).toBeGreaterThan(0);
        for (const [objectApiName, fields] of byObject) {
            const body = { record: { objectApiName, recordId: '0038c00002JaneDAAR', fields }, maxEvents, refresh: true };
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
