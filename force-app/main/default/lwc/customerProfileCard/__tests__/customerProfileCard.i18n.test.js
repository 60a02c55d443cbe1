/*
 * The card in Korean: the same components, with the labels of translations/ko.translation-meta.xml.
 * Labels are registered before the component module is required, so require() is used on purpose.
 */
const { labelsFor, registerLabels } = require('../../../../../test/jest-mocks/labels');

const KO = labelsFor('ko');
registerLabels(KO);

const { createElement } = require('lwc');
const CustomerProfileCard = require('c/customerProfileCard').default;
const startLookup = require('@salesforce/apexContinuation/CustomerProfileController.startLookup').default;
const { deepText, flushPromises } = require('../../../../../test/jest-mocks/domUtils');

jest.mock('@salesforce/apexContinuation/CustomerProfileController.startLookup', () => ({ default: jest.fn() }), {
    virtual: true
});

const UNKNOWN = require('./data/unknown.json');
const JANE = require('./data/janeDoe.json');

describe('c-customer-profile-card in Korean', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    async function renderCard() {
        const element = createElement('c-customer-profile-card', { is: CustomerProfileCard });
        element.recordId = '00Q8c00000UnKnwEAF';
        document.body.appendChild(element);
        await flushPromises();
        return element;
    }

    it('shows the not-found state with the Korean labels and fills their placeholders', async () => {
        startLookup.mockResolvedValue(JSON.stringify(UNKNOWN));
        const element = await renderCard();

        const text = deepText(element);
        expect(text).toContain('고객 프로필');
        expect(text).toContain(KO.CAH_NotFoundTitle);
        expect(text).toContain(KO.CAH_IdentitiesTriedHeading);
        const tried = UNKNOWN.identitiesTried[0];
        expect(text).toContain(`${KO.CAH_NsEmail}: ${tried.maskedValue} (${KO.CAH_OutcomeNotFound})`);
    });

    it.each([
        ['AEP_NOT_ENTITLED', 'CAH_NotEntitledTitle', 'CAH_NotEntitledBody'],
        ['IDENTITY_GRAPH_TOO_LARGE', 'CAH_GraphTooLargeTitle', 'CAH_GraphTooLargeBody']
    ])('explains %s in Korean', async (code, titleLabel, bodyLabel) => {
        startLookup.mockRejectedValue({ body: { message: JSON.stringify({ code, message: 'relay', retryAfterSeconds: null }) } });
        const element = await renderCard();
        const text = deepText(element);
        expect(text).toContain(KO[titleLabel]);
        expect(text).toContain(KO[bodyLabel]);
    });

    it('shows section headings of a profile in Korean', async () => {
        startLookup.mockResolvedValue(JSON.stringify(JANE));
        const element = await renderCard();

        const text = deepText(element);
        for (const name of ['CAH_SummaryValue', 'CAH_AudiencesHeading', 'CAH_EventsHeading', 'CAH_CampaignsHeading', 'CAH_TierGold']) {
            expect(text).toContain(KO[name]);
        }
        expect(text).not.toContain('Recent activity');
    });
});
