import {
    attributeName,
    channelLabel,
    factorSentence,
    genderLabel,
    humanise,
    indexMappings,
    loyaltyTierLabel,
    matchPhrase,
    namespaceLabel,
    objectOf,
    scoreName,
    valueTierLabel
} from 'c/profileVocabulary';
import { labelsFor } from '../../../../../test/jest-mocks/labels';

const LABELS = labelsFor('en_US');
const CONFIG = require('../../customerProfileCard/__tests__/data/config/cardConfig.en_US.json');
const MAPPINGS = indexMappings(CONFIG.labels);
const CHURN = { key: 'churn', label: 'Churn risk (proxy)' };

describe('c/profileVocabulary', () => {
    it('says how the record matched in plain words, per object and field', () => {
        expect(matchPhrase('Contact', 'Email')).toBe(LABELS.CAH_MatchContactEmail);
        expect(matchPhrase('Case', 'Contact.Email')).toBe(LABELS.CAH_MatchContactEmail);
        expect(matchPhrase('Case', 'SuppliedPhone')).toBe(LABELS.CAH_MatchCaseWebPhone);
        expect(matchPhrase('Lead', 'MobilePhone')).toBe(LABELS.CAH_MatchLeadMobile);
        expect(matchPhrase('Account', 'Id')).toBe(LABELS.CAH_MatchAccountId);
        // A field an admin added (Profile_Identity_Field__mdt) is made readable, never shown as its API name.
        expect(matchPhrase('Contact', 'Loyalty_Number__c')).toBe('Matched by: Loyalty number');
        expect(matchPhrase('Case', 'Contact.Id')).toBe(LABELS.CAH_MatchContactId);
    });

    it('finds the object of a record from its id when the page does not say', () => {
        expect(objectOf(undefined, '5008c00001CsJanAAF')).toBe('Case');
        expect(objectOf('Lead', '0038c00002JaneDAAR')).toBe('Lead');
        expect(objectOf(undefined, 'a0X000000000001AAA')).toBeNull();
    });

    it('names namespaces and enum values, and makes unknown ones readable', () => {
        expect([namespaceLabel('crmid'), namespaceLabel('ECID'), namespaceLabel('Email_LC_SHA256')]).toEqual([
            'CRM ID',
            'Experience Cloud ID',
            'Email (hashed)'
        ]);
        expect(namespaceLabel('acmeMemberNo')).toBe('acmeMemberNo');
        expect([genderLabel('female'), genderLabel('not_specified'), genderLabel(null)]).toEqual(['Female', 'Gender not given', null]);
        expect([loyaltyTierLabel('gold'), loyaltyTierLabel('diamond_plus')]).toEqual(['Gold', 'Diamond plus']);
        expect([valueTierLabel('high'), valueTierLabel('prospect')]).toEqual(['High value', 'Prospect']);
        expect([channelLabel('sms'), channelLabel('inApp'), channelLabel('carrierPigeon')]).toEqual([
            'SMS',
            'In-app message',
            'Carrier pigeon'
        ]);
    });

    it('turns a mapped factor into a sentence with the plural form of its value and its direction', () => {
        expect(factorSentence({ code: 'supportCallsLast30d', value: '1' }, CHURN, MAPPINGS)).toMatchObject({
            text: '1 support call in the last 30 days',
            direction: 'raises churn risk',
            raises: true
        });
        expect(factorSentence({ code: 'supportCallsLast30d', value: '3' }, CHURN, MAPPINGS).text).toBe(
            '3 support calls in the last 30 days'
        );
        expect(factorSentence({ code: 'tenureMonths', value: '29' }, CHURN, MAPPINGS)).toMatchObject({
            text: 'Customer for 29 months',
            direction: 'lowers churn risk'
        });
    });

    it('prefers the mapping for the factor value, and falls back to the score-independent direction', () => {
        expect(factorSentence({ code: 'internetSubscription.paymentStatus', value: 'overdue' }, CHURN, MAPPINGS).text).toBe(
            'Internet bill overdue'
        );
        // A value the mappings do not name: the readable form of code and value.
        expect(factorSentence({ code: 'internetSubscription.paymentStatus', value: 'paid' }, CHURN, MAPPINGS).text).toBe(
            'Internet subscription payment status: Paid'
        );
        expect(factorSentence({ code: 'emailOpens30d', value: '2' }, { key: 'engagement' }, MAPPINGS).direction).toBe(
            LABELS.CAH_FactorRaisesScore
        );
    });

    it('never shows a raw factor code, with or without mappings', () => {
        expect(factorSentence({ code: 'contractMonthsRemaining', value: '2' }, CHURN, indexMappings([])).text).toBe(
            'Contract months remaining: 2'
        );
        expect(factorSentence({ code: 'contractMonthsRemaining', value: null }, CHURN, undefined).text).toBe('Contract months remaining');
    });

    it('names scores and computed attributes from the mappings, else from the proxy', () => {
        expect(scoreName(CHURN, MAPPINGS)).toBe('Churn risk');
        expect(scoreName({ key: 'nps', label: 'Net promoter score' }, MAPPINGS)).toBe('Net promoter score');
        expect(attributeName({ name: 'totalSpend90d', label: 'Total spend 90d' }, MAPPINGS)).toBe('Spent in the last 90 days');
        expect(attributeName({ name: 'storeVisits', label: 'Store visits' }, MAPPINGS)).toBe('Store visits');
    });

    it('makes keys readable', () => {
        expect(humanise('contractMonthsRemaining')).toBe('Contract months remaining');
        expect(humanise('internetSubscription.paymentStatus')).toBe('Internet subscription payment status');
        expect(humanise('Loyalty_Number__c')).toBe('Loyalty number');
    });
});
