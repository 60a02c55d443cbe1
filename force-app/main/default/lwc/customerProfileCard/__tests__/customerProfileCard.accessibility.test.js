import { createElement } from 'lwc';
import CustomerProfileCard from 'c/customerProfileCard';
import startLookup from '@salesforce/apexContinuation/CustomerProfileController.startLookup';
import { flushPromises } from '../../../../../test/jest-mocks/domUtils';

jest.mock('@salesforce/apexContinuation/CustomerProfileController.startLookup', () => ({ default: jest.fn() }), {
    virtual: true
});

const JANE = require('./data/janeDoe.json');
const KENJI = require('./data/kenjiSato.json');
const HOUSEHOLD = require('./data/household.json');
const UNKNOWN = require('./data/unknown.json');
const NO_EVENTS = require('./data/eventsUnavailable.json');
const NO_IDENTITY = require('./data/noIdentity.json');

async function renderCard(props) {
    const element = createElement('c-customer-profile-card', { is: CustomerProfileCard });
    Object.assign(element, { recordId: '0038c00002JaneDAAR', objectApiName: 'Contact', ...props });
    document.body.appendChild(element);
    await flushPromises();
    return element;
}

// Separate from customerProfileCard.test.js: axe needs real timers and a settled DOM.
describe('c-customer-profile-card accessibility', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it.each([
        ['a full profile', JANE, {}],
        ['a Lead in the sales layout', KENJI, { objectApiName: 'Lead' }],
        ['a compact profile', JANE, { layout: 'compact', aepLinkEnabled: true }],
        ['a profile without events', NO_EVENTS, {}],
        ['an ambiguous look-up', HOUSEHOLD, {}],
        ['a profile that was not found', UNKNOWN, {}],
        ['a record without identities', NO_IDENTITY, {}]
    ])('is accessible for %s', async (name, fixture, props) => {
        startLookup.mockResolvedValue(JSON.stringify(fixture));
        const element = await renderCard(props);
        await expect(element).toBeAccessible();
    });

    it('is accessible with a stale banner and alternatives to switch to', async () => {
        const result = JSON.parse(JSON.stringify(JANE));
        result.card.freshness.stale = true;
        Object.assign(result.card.match, {
            selectedBy: 'agent',
            ambiguous: true,
            ambiguityReason: 'IDENTITIES_DISAGREE',
            alternatives: HOUSEHOLD.candidates
        });
        startLookup.mockResolvedValue(JSON.stringify(result));
        const element = await renderCard();
        await expect(element).toBeAccessible();
    });

    it.each(['UPSTREAM_UNAVAILABLE', 'RATE_LIMITED', 'UNAUTHORIZED', 'NO_ACCESS', 'AEP_NOT_ENTITLED', 'IDENTITY_GRAPH_TOO_LARGE'])(
        'is accessible when the relay fails with %s',
        async (code) => {
            startLookup.mockRejectedValue({ body: { message: JSON.stringify({ code, message: code, retryAfterSeconds: 5 }) } });
            const element = await renderCard();
            await expect(element).toBeAccessible();
        }
    );

    it('is accessible while loading', async () => {
        startLookup.mockReturnValue(new Promise(() => {}));
        const element = await renderCard();
        await expect(element).toBeAccessible();
    });
});
