import { AepCallError } from '../../aep/aepCallError';
import { Budget } from '../../aep/budget';
import type { IdentityCandidate } from '../../identity/buildCandidates';
import { decideMatch } from '../../identity/decideMatch';
import { ALEX, JANE, SAM } from '../../identity/__tests__/support/envelopes';
import {
    asAepError,
    fetchProfileOutcomes,
    groupMultiEntityResponse,
    markGuardrailHits,
    outcomeFromEntityMap,
    type ProfileReader
} from '../profileOutcomes';

const cand = (field: string, namespace: string, value: string, priority: number): IdentityCandidate => ({
    field,
    namespace,
    value,
    maskedValue: `masked:${field}`,
    priority,
    normaliser: 'text',
    spelling: 'normalised'
});
const EMAIL = cand('Email', 'Email', 'jane.doe@example.com', 20);
const SAM_EMAIL = cand('Email', 'Email', 'sam.rivera@example.com', 20);
const PHONE = cand('SuppliedPhone', 'Phone', '+14155550188', 40);

describe('groupMultiEntityResponse', () => {
    it('maps a POST answer to per-candidate outcomes via requestedIdentity, identityMap and placeholders', () => {
        const unknown = cand('SuppliedEmail', 'Email', 'unknown.person@example.com', 25);
        const body = {
            [SAM.entityId]: { ...SAM, requestedIdentity: { entityId: 'sam.rivera@example.com', entityIdNS: { code: 'email' } } },
            [ALEX.entityId]: { ...ALEX, requestedIdentity: { entityId: '+14155550188', entityIdNS: { code: 'phone' } } },
            A29cgEmpty0000: {
                entityId: 'A29cgEmpty0000',
                sources: [''],
                entity: {},
                lastModifiedAt: '1970-01-01T00:00:00Z',
                requestedIdentity: { entityId: 'unknown.person@example.com', entityIdNS: { code: 'email' } }
            }
        };
        const outcomes = groupMultiEntityResponse(body, [SAM_EMAIL, unknown, PHONE]);
        expect(outcomes.map((o) => o.outcome)).toEqual(['found', 'not_found', 'found']);
        // Sam's entry answered the email, but his identityMap carries the shared phone too.
        expect(outcomes[2]!.outcome === 'found' && outcomes[2]!.profiles.map((p) => p.entityId)).toEqual([SAM.entityId, ALEX.entityId]);
        expect(decideMatch({ outcomes, personNamespaces: ['CRMID'] }).kind).toBe('match');
    });

    it("reads Adobe's per-requested-identity form: one person under a key per identity answers every candidate", () => {
        const jane = (xid: string, entityId: string, code: string) => ({
            ...JANE,
            entityId: xid,
            requestedIdentity: { entityId, entityIdNS: { code } }
        });
        const body = {
            'A-by-crmid': jane('A-by-crmid', '0038c00002JaneDAAR', 'CRMID'),
            'A-by-email': jane('A-by-email', 'jane.doe@example.com', 'Email'),
            'A-by-phone': jane('A-by-phone', '+14155550123', 'Phone')
        };
        const crm = cand('Id', 'CRMID', '0038c00002JaneDAAR', 10);
        const phone = cand('Phone', 'Phone', '+14155550123', 40);
        const outcomes = groupMultiEntityResponse(body, [crm, EMAIL, phone]);
        for (const o of outcomes) expect(o.outcome === 'found' && o.profiles).toHaveLength(3);
        expect(decideMatch({ outcomes, personNamespaces: ['CRMID'] })).toMatchObject({ kind: 'match', candidate: crm, ambiguous: false });
    });

    it('compares namespace codes case-insensitively and values exactly', () => {
        const upper = cand('Email', 'EMAIL', 'sam.rivera@example.com', 20);
        const cased = cand('Email', 'Email', 'Sam.Rivera@example.com', 20);
        const outcomes = groupMultiEntityResponse({ [SAM.entityId]: SAM }, [upper, cased]);
        expect(outcomes.map((o) => o.outcome)).toEqual(['found', 'not_found']);
    });

    it('turns a 207 partial failure into errors for unanswered candidates', () => {
        const body = [{ xid: 'BVrqzwVuzbXrLfmnaG3rXrLf3KJg', error: { message: 'Too many related identities', statusCode: '422' } }];
        const outcomes = groupMultiEntityResponse(body, [EMAIL]);
        expect(outcomes).toEqual([
            { candidate: EMAIL, outcome: 'error', error: { message: 'Too many related identities', statusCode: '422' } }
        ]);
    });

    it('survives junk bodies', () => {
        for (const body of [null, 'x', 42, { a: 1 }, { a: { entity: 'nope' } }, [1, null, {}]]) {
            expect(groupMultiEntityResponse(body, [EMAIL])).toEqual([{ candidate: EMAIL, outcome: 'not_found' }]);
        }
    });
});

describe('outcomeFromEntityMap (GET)', () => {
    it('treats a two-entry map for a shared phone as two profiles', () => {
        const o = outcomeFromEntityMap(PHONE, { [SAM.entityId]: SAM, [ALEX.entityId]: ALEX });
        expect(o.outcome === 'found' && o.profiles.map((p) => p.entityId)).toEqual([SAM.entityId, ALEX.entityId]);
    });

    it('keeps only the entries that carry the identity when some do', () => {
        const o = outcomeFromEntityMap(EMAIL, { [SAM.entityId]: SAM, [JANE.entityId]: JANE });
        expect(o.outcome === 'found' && o.profiles.map((p) => p.entityId)).toEqual([JANE.entityId]);
    });

    it('is not_found for a 404 (null) or an empty map', () => {
        expect(outcomeFromEntityMap(EMAIL, null).outcome).toBe('not_found');
        expect(outcomeFromEntityMap(EMAIL, {}).outcome).toBe('not_found');
    });
});

describe('fetchProfileOutcomes', () => {
    const GARY = cand('Email', 'Email', 'graph.heavy@example.com', 20);
    const query = { fields: ['person'], mergePolicyId: 'policy', budget: new Budget(1000), requestId: 'r1' };
    const tooMany = () => new AepCallError('profile', 'http', 'profile: 422', { status: 422, aepMessage: 'Too many related identities' });

    /** A Profile Access stand-in: the POST answers `post`; each GET answers from `byValue` (an Error is thrown). */
    function reader(
        post: () => { status: number; body: unknown },
        byValue: Record<string, unknown> = {}
    ): ProfileReader & { gets: string[] } {
        const gets: string[] = [];
        return {
            gets,
            fetchProfiles: async () => post(),
            fetchProfileByIdentity: async (identity) => {
                gets.push(identity.id);
                const answer = byValue[identity.id];
                if (answer instanceof Error) throw answer;
                return answer ?? null;
            }
        };
    }

    it('asks each identity alone when a 422 refuses the whole POST, and counts a guardrail hit as no profile', async () => {
        const entities = reader(
            () => {
                throw tooMany();
            },
            { [SAM_EMAIL.value]: { [SAM.entityId]: SAM }, [GARY.value]: tooMany() }
        );
        const { outcomes, guardrailHits } = await fetchProfileOutcomes(entities, [SAM_EMAIL, GARY], query);
        expect(entities.gets.sort()).toEqual([GARY.value, SAM_EMAIL.value].sort());
        expect(outcomes.map((o) => [o.candidate, o.outcome])).toEqual([
            [SAM_EMAIL, 'found'],
            [GARY, 'not_found']
        ]);
        expect(guardrailHits).toEqual([GARY]);
    });

    it('answers not_found for every candidate when AEP answers 404 for the POST', async () => {
        const entities = reader(() => {
            throw new AepCallError('profile', 'http', 'profile: 404', { status: 404 });
        });
        const { outcomes } = await fetchProfileOutcomes(entities, [SAM_EMAIL, PHONE], query);
        expect(outcomes.map((o) => o.outcome)).toEqual(['not_found', 'not_found']);
        expect(entities.gets).toEqual([]);
    });

    it('pins a 207 partial failure down by asking each identity', async () => {
        const entities = reader(() => ({ status: 207, body: [{ xid: 'X', error: { message: 'boom', statusCode: '500' } }] }), {
            [SAM_EMAIL.value]: { [SAM.entityId]: SAM },
            [PHONE.value]: new AepCallError('profile', 'http', 'profile: 500', { status: 500 })
        });
        const { outcomes, guardrailHits } = await fetchProfileOutcomes(entities, [SAM_EMAIL, PHONE], query);
        expect(outcomes.map((o) => o.outcome)).toEqual(['found', 'error']);
        expect(guardrailHits).toEqual([]);
    });

    it('rethrows failures that are not an answer about the identities', async () => {
        const entities = reader(() => {
            throw new AepCallError('profile', 'timeout', 'profile: timeout');
        });
        await expect(fetchProfileOutcomes(entities, [SAM_EMAIL], query)).rejects.toThrow('profile: timeout');
    });
});

describe('markGuardrailHits', () => {
    it("says 'error' for the identities over the guardrail and leaves the others", () => {
        const tried = [
            { field: 'Email', namespace: 'Email', maskedValue: 'g•••@example.com', outcome: 'not_found' as const },
            { field: 'SuppliedPhone', namespace: 'Phone', maskedValue: '•••0188', outcome: 'not_found' as const }
        ];
        expect(markGuardrailHits(tried, [EMAIL]).map((t) => t.outcome)).toEqual(['error', 'not_found']);
    });
});

describe('asAepError', () => {
    it("turns a 207 item's {statusCode, message} into an AepCallError with that status", () => {
        const err = asAepError({ statusCode: '503', message: 'unavailable' });
        expect(err).toBeInstanceOf(AepCallError);
        expect(err.status).toBe(503);
        expect(err.aepMessage).toBe('unavailable');
        expect(asAepError({}).status).toBe(502);
    });
});
