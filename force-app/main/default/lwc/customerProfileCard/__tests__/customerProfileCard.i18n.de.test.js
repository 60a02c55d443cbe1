/*
 * The card for a German user: German labels (translations/de.translation-meta.xml), German number and date formats,
 * and the configuration as Apex resolves it for German (next step, score, factor and attribute names).
 * Labels and the locale are registered before the component module is required, so require() is used on purpose.
 */
const { labelsFor, registerLabels } = require('../../../../../test/jest-mocks/labels');

const DE = labelsFor('de');
registerLabels(DE);
jest.mock('@salesforce/i18n/locale', () => ({ __esModule: true, default: 'de-DE' }), { virtual: true });

const { createElement } = require('lwc');
const CustomerProfileCard = require('c/customerProfileCard').default;
const startLookup = require('@salesforce/apexContinuation/CustomerProfileController.startLookup').default;
const getCardConfig = require('@salesforce/apex/ProfileCardConfigController.getCardConfig').default;
const { deepText, flushPromises, queryDeep } = require('../../../../../test/jest-mocks/domUtils');

jest.mock('@salesforce/apexContinuation/CustomerProfileController.startLookup', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/ProfileCardConfigController.getCardConfig', () => ({ default: jest.fn() }), { virtual: true });

const JANE = require('./data/janeDoe.json');
const CONFIG_DE = require('./data/config/cardConfig.de.json');

describe('c-customer-profile-card in German', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it('gives the summary, the next step and the reasons in German', async () => {
        getCardConfig.mockResolvedValue(CONFIG_DE);
        startLookup.mockResolvedValue(JSON.stringify(JANE));
        const element = createElement('c-customer-profile-card', { is: CustomerProfileCard });
        element.recordId = '0038c00002JaneDAAR';
        element.objectApiName = 'Contact';
        document.body.appendChild(element);
        await flushPromises();
        await flushPromises();

        const summary = deepText(queryDeep(element, 'c-profile-summary')[0]);
        expect(summary).toContain('Kundenwert 12.480,50 $ · Hoher Wert');
        expect(summary).toContain('Gold-Mitglied · 24.310 Punkte');
        expect(summary).toContain('Abwanderungsrisiko: Hoch (72)');
        expect(summary).toContain('Vor allem: 1 Supportanruf in den letzten 30 Tagen');
        const gold = CONFIG_DE.rules.find((rule) => rule.name === 'Gold_Retention').text;
        expect(deepText(queryDeep(element, '.next-step-text')[0])).toBe(gold);
        expect(deepText(queryDeep(element, 'p.match')[0])).toBe(DE.CAH_MatchContactId);
        expect(deepText(element)).not.toMatch(/Churn risk|Lifetime value|Recent activity|supportCalls/);
    });
});
