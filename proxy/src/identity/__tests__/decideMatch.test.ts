import { ProxyError } from '../../errors';
import type { IdentityCandidate } from '../buildCandidates';
import { decideMatch as decideMatchWith, type CandidateOutcome, type DecideMatchInput } from '../decideMatch';
import { ALEX, JANE, SAM, envelope } from './support/envelopes';

/** The default person namespace: two entries with different CRM ids are two people. */
const decideMatch = (input: Omit<DecideMatchInput, 'personNamespaces'> & { personNamespaces?: string[] }) =>
    decideMatchWith({ personNamespaces: ['CRMID'], ...input });

const cand = (field: string, namespace: string, value: string, priority: number): IdentityCandidate => ({
    field,
    namespace,
    value,
    maskedValue: `masked:${field}`,
    priority,
    normaliser: 'text',
    spelling: 'normalised'
});
const CRMID = cand('Id', 'CRMID', '0038c00002JaneDAAR', 10);
const EMAIL = cand('Email', 'Email', 'jane.doe@example.com', 20);
const SAM_EMAIL = cand('Email', 'Email', 'sam.rivera@example.com', 20);
const PHONE = cand('SuppliedPhone', 'Phone', '+14155550188', 40);

const found = (candidate: IdentityCandidate, ...profiles: (typeof JANE)[]): CandidateOutcome => ({ candidate, outcome: 'found', profiles });
const none = (candidate: IdentityCandidate): CandidateOutcome => ({ candidate, outcome: 'not_found' });
const failed = (candidate: IdentityCandidate, error: unknown = new Error('timeout')): CandidateOutcome => ({
    candidate,
    outcome: 'error',
    error
});

describe('decideMatch', () => {
    it('picks the highest-priority identity that found one profile', () => {
        const d = decideMatch({ outcomes: [found(EMAIL, JANE), found(CRMID, JANE)] });
        expect(d).toMatchObject({
            kind: 'match',
            candidate: CRMID,
            selectedBy: 'priority',
            ambiguous: false,
            ambiguityReason: null,
            alternatives: []
        });
        expect(d.kind === 'match' && d.profile.entityId).toBe(JANE.entityId);
        expect(d.identitiesTried.map((t) => `${t.field}:${t.outcome}`)).toEqual(['Id:matched', 'Email:matched']);
    });

    it('falls through not_found identities to the next one', () => {
        const d = decideMatch({ outcomes: [none(CRMID), found(EMAIL, JANE)] });
        expect(d).toMatchObject({ kind: 'match', candidate: EMAIL });
        expect(d.identitiesTried.map((t) => t.outcome)).toEqual(['not_found', 'matched']);
    });

    it('answers ambiguous for a household phone reaching two profiles', () => {
        const d = decideMatch({ outcomes: [found(PHONE, SAM, ALEX)] });
        expect(d.kind).toBe('ambiguous');
        if (d.kind !== 'ambiguous') return;
        expect(d.candidates).toEqual([
            {
                profileId: SAM.entityId,
                displayName: 'Sam Rivera',
                field: 'SuppliedPhone',
                namespace: 'Phone',
                city: 'Oakland',
                loyaltyTier: null,
                lastModifiedAt: '2024-05-05T21:14:05Z'
            },
            {
                profileId: ALEX.entityId,
                displayName: 'Alex Rivera',
                field: 'SuppliedPhone',
                namespace: 'Phone',
                city: 'Oakland',
                loyaltyTier: 'silver',
                lastModifiedAt: '2024-05-05T21:14:05Z'
            }
        ]);
        expect(d.identitiesTried).toEqual([
            { field: 'SuppliedPhone', namespace: 'Phone', maskedValue: 'masked:SuppliedPhone', outcome: 'ambiguous' }
        ]);
    });

    it('lets a unique higher-priority identity settle a shared phone without flagging the household', () => {
        const d = decideMatch({ outcomes: [found(SAM_EMAIL, SAM), found(PHONE, SAM, ALEX)] });
        expect(d).toMatchObject({ kind: 'match', candidate: SAM_EMAIL, ambiguous: false, alternatives: [] });
    });

    it("leaves it to the agent when the record's identities reach different people: every person as a candidate", () => {
        const d = decideMatch({ outcomes: [found(EMAIL, JANE), found(PHONE, SAM, ALEX)] });
        expect(d.kind).toBe('ambiguous');
        expect(d.kind === 'ambiguous' && d.candidates.map((c) => [c.displayName, c.field])).toEqual([
            ['Jane Doe', 'Email'],
            ['Sam Rivera', 'SuppliedPhone'],
            ['Alex Rivera', 'SuppliedPhone']
        ]);
        expect(d.identitiesTried.map((t) => `${t.field}:${t.outcome}`)).toEqual(['Email:matched', 'SuppliedPhone:ambiguous']);
    });

    it('does not let priority settle two identities that each found one different person', () => {
        const d = decideMatch({ outcomes: [found(CRMID, JANE), found(SAM_EMAIL, SAM)] });
        expect(d.kind).toBe('ambiguous');
        expect(d.kind === 'ambiguous' && d.candidates.map((c) => c.profileId)).toEqual([JANE.entityId, SAM.entityId]);
        expect(d.identitiesTried.map((t) => t.outcome)).toEqual(['matched', 'matched']);
    });

    it('counts a person once however many identities reach them: agreeing identities next to a disagreeing one', () => {
        const d = decideMatch({ outcomes: [found(CRMID, JANE), found(EMAIL, JANE), found(PHONE, SAM)] });
        expect(d.kind === 'ambiguous' && d.candidates.map((c) => [c.profileId, c.field])).toEqual([
            [JANE.entityId, 'Id'],
            [SAM.entityId, 'SuppliedPhone']
        ]);
    });

    it('is not thrown off by a lower-priority identity that found nothing or failed', () => {
        expect(decideMatch({ outcomes: [found(EMAIL, JANE), none(PHONE)] })).toMatchObject({ kind: 'match', ambiguous: false });
        expect(decideMatch({ outcomes: [found(EMAIL, JANE), failed(PHONE)] })).toMatchObject({ kind: 'match', ambiguous: false });
    });

    it("gives the agent's pick among disagreeing identities, with the other people as alternatives", () => {
        const d = decideMatch({ outcomes: [found(EMAIL, JANE), found(PHONE, SAM, ALEX)], profileId: JANE.entityId });
        expect(d).toMatchObject({
            kind: 'match',
            selectedBy: 'agent',
            candidate: EMAIL,
            ambiguous: true,
            ambiguityReason: 'IDENTITIES_DISAGREE'
        });
        expect(d.kind === 'match' && d.alternatives.map((a) => a.profileId)).toEqual([SAM.entityId, ALEX.entityId]);
    });

    it("returns the agent's pick when it is one the record reaches", () => {
        const d = decideMatch({ outcomes: [found(PHONE, SAM, ALEX)], profileId: ALEX.entityId });
        expect(d).toMatchObject({
            kind: 'match',
            selectedBy: 'agent',
            candidate: PHONE,
            ambiguous: true,
            ambiguityReason: 'SHARED_IDENTITY'
        });
        expect(d.kind === 'match' && d.profile.entityId).toBe(ALEX.entityId);
        expect(d.kind === 'match' && d.alternatives.map((a) => a.displayName)).toEqual(['Sam Rivera']);
    });

    it('marks an agent pick among disagreeing identities as IDENTITIES_DISAGREE', () => {
        const d = decideMatch({ outcomes: [found(EMAIL, JANE), found(SAM_EMAIL, SAM)], profileId: SAM.entityId });
        expect(d).toMatchObject({ kind: 'match', selectedBy: 'agent', candidate: SAM_EMAIL, ambiguityReason: 'IDENTITIES_DISAGREE' });
    });

    it('refuses a profileId the record does not reach', () => {
        const attempt = () => decideMatch({ outcomes: [found(PHONE, SAM, ALEX)], profileId: JANE.entityId });
        expect(attempt).toThrow(ProxyError);
        try {
            attempt();
        } catch (err) {
            expect((err as ProxyError).code).toBe('INVALID_REQUEST');
            expect((err as ProxyError).status).toBe(400);
        }
    });

    it('does not call a foreign profileId invalid when a look-up failed (it might reach it)', () => {
        expect(decideMatch({ outcomes: [failed(CRMID), found(PHONE, SAM)], profileId: JANE.entityId }).kind).toBe('upstream_error');
    });

    it('keeps a lower-priority match when a higher one errored, and says so', () => {
        const d = decideMatch({ outcomes: [failed(CRMID), found(EMAIL, JANE)] });
        expect(d).toMatchObject({ kind: 'match', candidate: EMAIL });
        expect(d.identitiesTried.map((t) => t.outcome)).toEqual(['error', 'matched']);
    });

    it('never answers not_found when a look-up failed', () => {
        const err = new Error('503');
        const d = decideMatch({ outcomes: [failed(CRMID, err), none(EMAIL)] });
        expect(d).toMatchObject({ kind: 'upstream_error', error: err, errors: [err] });
    });

    it('answers not_found when every look-up answered nothing', () => {
        const d = decideMatch({
            outcomes: [none(EMAIL)],
            skipped: [{ field: 'Phone', namespace: 'Phone', maskedValue: '•••', outcome: 'skipped' }]
        });
        expect(d).toEqual({
            kind: 'not_found',
            identitiesTried: [
                { field: 'Email', namespace: 'Email', maskedValue: 'masked:Email', outcome: 'not_found' },
                { field: 'Phone', namespace: 'Phone', maskedValue: '•••', outcome: 'skipped' }
            ]
        });
    });

    it('answers no_identity when nothing could be tried, and strips skip reasons from the contract', () => {
        const d = decideMatch({
            outcomes: [],
            skipped: [{ field: 'Email', namespace: 'Email', maskedValue: '•••', outcome: 'skipped', reason: 'x' } as never]
        });
        expect(d).toEqual({
            kind: 'no_identity',
            identitiesTried: [{ field: 'Email', namespace: 'Email', maskedValue: '•••', outcome: 'skipped' }]
        });
    });

    it('treats empty placeholders and duplicate XIDs as what they are', () => {
        const placeholder = { ...SAM, entityId: 'A29cgEmpty', entity: {} };
        expect(decideMatch({ outcomes: [found(EMAIL, placeholder)] }).kind).toBe('not_found');
        expect(decideMatch({ outcomes: [found(PHONE, SAM, SAM)] }).kind).toBe('match');
    });

    it('keeps candidate hints free of denied fields', () => {
        const d = decideMatch({ outcomes: [found(PHONE, SAM, ALEX)], denylist: ['homeAddress', 'loyalty.tier'] });
        expect(d.kind === 'ambiguous' && d.candidates.map((c) => [c.city, c.loyaltyTier])).toEqual([
            [null, null],
            [null, null]
        ]);
    });

    describe('one person under several keys', () => {
        // Adobe's multi-entity example answers one entry per requested identity: the same person under several XIDs.
        const janeBy = (xid: string) => ({ ...JANE, entityId: xid });
        const BY_CRMID = janeBy('A-jane-by-crmid');
        const BY_EMAIL = janeBy('A-jane-by-email');
        const BY_PHONE = janeBy('A-jane-by-phone');
        const JANE_PHONE = cand('Phone', 'Phone', '+14155550123', 40);

        it("matches Jane's Contact (CRMID, Email, Phone) answered per requested identity, not ambiguous", () => {
            const every = [BY_CRMID, BY_EMAIL, BY_PHONE];
            const d = decideMatch({ outcomes: [found(CRMID, ...every), found(EMAIL, ...every), found(JANE_PHONE, ...every)] });
            expect(d).toMatchObject({ kind: 'match', candidate: CRMID, ambiguous: false, alternatives: [] });
            expect(d.kind === 'match' && d.entries.map((e) => e.entityId)).toEqual([
                'A-jane-by-crmid',
                'A-jane-by-email',
                'A-jane-by-phone'
            ]);
            expect(d.identitiesTried.map((t) => t.outcome)).toEqual(['matched', 'matched', 'matched']);
        });

        it("groups entries that share only some identities, in the older `identities` form of Adobe's example", () => {
            const full = envelope(
                'BVrqzwVv7o2p3naHvnsWpqZXv3KJgA',
                { first: 'Jane', last: 'Doe' },
                {},
                {
                    entity: {
                        identities: [
                            { id: '89149270342662559642753730269986316601', namespace: { code: 'ecid' } },
                            { id: 'janedoe@example.com', namespace: { code: 'email' } },
                            { id: '89149270342662559642753730269986316602', namespace: { code: 'ecid' }, primary: 'true' }
                        ]
                    }
                }
            );
            const partial = envelope(
                'A29cgveD5y64ezphxjUXNzcm',
                { first: 'Jane', last: 'Doe' },
                {},
                {
                    entity: { identities: [{ id: '89149270342662559642753730269986316601', namespace: { code: 'ecid' }, primary: true }] }
                }
            );
            const ecid = cand('Ecid__c', 'ECID', '89149270342662559642753730269986316601', 50);
            expect(decideMatch({ outcomes: [found(ecid, full, partial)] })).toMatchObject({ kind: 'match', ambiguous: false });
        });

        it('takes an agent pick by any key the person came under', () => {
            const every = [BY_CRMID, BY_EMAIL];
            const d = decideMatch({ outcomes: [found(CRMID, ...every), found(EMAIL, ...every)], profileId: 'A-jane-by-email' });
            expect(d).toMatchObject({ kind: 'match', selectedBy: 'agent', ambiguous: false });
            expect(d.kind === 'match' && d.profile.entityId).toBe('A-jane-by-email');
        });

        it('keeps two people apart when they share a phone but hold different CRM ids; merges them when no namespace says so', () => {
            expect(decideMatch({ outcomes: [found(PHONE, SAM, ALEX)] }).kind).toBe('ambiguous');
            expect(decideMatch({ outcomes: [found(PHONE, SAM, ALEX)], personNamespaces: [] }).kind).toBe('match');
        });

        it('reports a field once, matched when any of its spellings matched', () => {
            const normalised = cand('Email', 'Email', 'olivia.brandt@example.com', 20);
            const asStored = { ...cand('Email', 'Email', 'Olivia.Brandt@Example.com', 20), spelling: 'asStored' as const };
            const olivia = envelope('A-olivia', { first: 'Olivia', last: 'Brandt' }, { email: ['Olivia.Brandt@Example.com'] });
            const d = decideMatch({ outcomes: [none(normalised), found(asStored, olivia)] });
            expect(d).toMatchObject({ kind: 'match', candidate: asStored });
            expect(d.identitiesTried).toEqual([{ field: 'Email', namespace: 'Email', maskedValue: 'masked:Email', outcome: 'matched' }]);
        });
    });
});
