import { detectCollapse } from '../collapse';
import { ALEX, JANE, SAM, envelope } from './support/envelopes';

const SAM_ID = '0038c00002RivrSAAR';
const ALEX_ID = '0038c00002RivrAAAR';

/** The household as AEP merges it without linking rules: one profile, both CRM ids. */
const HOUSEHOLD = envelope(
    'A-household',
    { first: 'Sam', last: 'Rivera' },
    { crmid: [SAM_ID, ALEX_ID], email: ['sam.rivera@example.com', 'alex.rivera@example.com'], phone: ['+14155550188'] }
);

describe('detectCollapse', () => {
    it('says nothing for the profile of one person', () => {
        expect(detectCollapse([JANE], ['CRMID'], [])).toBeNull();
        expect(detectCollapse([SAM], ['CRMID'], [{ namespace: 'CRMID', value: SAM_ID }])).toBeNull();
    });

    it("flags a profile holding two CRM ids, this record's first, Salesforce ids readable", () => {
        expect(detectCollapse([HOUSEHOLD], ['CRMID'], [{ namespace: 'CRMID', value: ALEX_ID }])).toEqual({
            namespace: 'CRMID',
            people: 2,
            ids: [
                { maskedValue: ALEX_ID, thisRecord: true },
                { maskedValue: SAM_ID, thisRecord: false }
            ]
        });
    });

    it('marks no id as the record when the record was found by a shared phone only', () => {
        const collapse = detectCollapse([HOUSEHOLD], ['CRMID'], [{ namespace: 'Phone', value: '+14155550188' }]);
        expect(collapse?.ids.map((i) => i.thisRecord)).toEqual([false, false]);
    });

    it('counts the values across every entry of one person, masks ids that are not Salesforce Ids, and lists at most five', () => {
        const ids = Array.from({ length: 7 }, (_, i) => `CUST-778120${i}`);
        const entries = ids.map((id, i) => envelope(`A-${i}`, { first: 'X', last: 'Y' }, { crmid: [id] }));
        const collapse = detectCollapse(entries, ['crmid'], [{ namespace: 'CRMID', value: 'CUST-7781206' }]);
        expect(collapse).toMatchObject({ namespace: 'crmid', people: 7 });
        expect(collapse?.ids).toHaveLength(5);
        expect(collapse?.ids[0]).toEqual({ maskedValue: '•••1206', thisRecord: true });
        expect(JSON.stringify(collapse)).not.toContain('CUST-778120');
    });

    it('reads only the configured person namespaces', () => {
        expect(detectCollapse([HOUSEHOLD], [], [])).toBeNull();
        expect(detectCollapse([HOUSEHOLD], ['loyaltyId'], [])).toBeNull();
        expect(detectCollapse([SAM, ALEX], ['CRMID'], [])).toMatchObject({ people: 2 });
    });
});
