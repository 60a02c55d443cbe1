import { createElement } from 'lwc';
import CustomerProfileCard from 'c/customerProfileCard';
import startLookup from '@salesforce/apexContinuation/CustomerProfileController.startLookup';
import getCardConfig from '@salesforce/apex/ProfileCardConfigController.getCardConfig';
import rememberChoice from '@salesforce/apex/ProfileChoiceController.rememberChoice';
import forgetChoice from '@salesforce/apex/ProfileChoiceController.forgetChoice';
import reportNotThisPerson from '@salesforce/apex/ProfileChoiceController.reportNotThisPerson';
import { resetCardConfig } from 'c/profileCardConfig';
import { deepText, flushPromises, queryDeep } from '../../../../../test/jest-mocks/domUtils';
import { labelsFor } from '../../../../../test/jest-mocks/labels';

jest.mock('@salesforce/apexContinuation/CustomerProfileController.startLookup', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/ProfileCardConfigController.getCardConfig', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/ProfileChoiceController.rememberChoice', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/ProfileChoiceController.forgetChoice', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/ProfileChoiceController.reportNotThisPerson', () => ({ default: jest.fn() }), { virtual: true });

// Real relay answers and the package's own rules and label mappings (scripts/fixtures/generateLwcFixtures.ts).
const JANE = require('./data/janeDoe.json');
const KENJI = require('./data/kenjiSato.json');
const HOUSEHOLD = require('./data/household.json');
const UNKNOWN = require('./data/unknown.json');
const NO_EVENTS = require('./data/eventsUnavailable.json');
const NO_IDENTITY = require('./data/noIdentity.json');
const CONFIG = require('./data/config/cardConfig.en_US.json');

const LABELS = labelsFor('en_US');
const CONTACT_ID = '0038c00002JaneDAAR';
/** An hour after the emulator seed's as-of instant: Jane's page view of 5:12 AM Los Angeles time is "Today". */
const NOW = Date.parse('2026-11-20T19:00:00Z');

/** A fixture changed for one test, leaving the shared one intact. */
function variant(fixture, change) {
    const copy = JSON.parse(JSON.stringify(fixture));
    change(copy);
    return copy;
}

/** What the Aura runtime rejects with when Apex throws AuraHandledException with the relay's JSON message. */
function auraError(code, retryAfterSeconds = null) {
    return { status: 500, body: { message: JSON.stringify({ code, message: `${code} from relay`, retryAfterSeconds }) } };
}

function ruleText(name) {
    return CONFIG.rules.find((rule) => rule.name === name).text;
}

async function renderCard(props = {}) {
    // Create component
    const element = createElement('c-customer-profile-card', { is: CustomerProfileCard });
    Object.assign(element, { recordId: CONTACT_ID, objectApiName: 'Contact', ...props });
    document.body.appendChild(element);
    // Wait for the Apex promises and the re-render
    await flushPromises();
    await flushPromises();
    return element;
}

function sectionNames(element) {
    return queryDeep(element, 'c-profile-section').map((s) => s.name);
}

function section(element, name) {
    return queryDeep(element, `c-profile-section`).find((s) => s.name === name);
}

async function openSection(element, name) {
    const target = section(element, name);
    const toggle = queryDeep(target, 'button.toggle')[0];
    if (toggle.getAttribute('aria-expanded') !== 'true') {
        toggle.click();
        await flushPromises();
    }
    return target;
}

/** Picks an action of the header's menu, as lightning-button-menu reports it. */
async function chooseAction(element, value) {
    const menu = queryDeep(element, 'lightning-button-menu.more-actions')[0];
    menu.dispatchEvent(new CustomEvent('select', { detail: { value } }));
    await flushPromises();
    await flushPromises();
}

describe('c-customer-profile-card', () => {
    beforeEach(() => {
        // Only Date is faked: "Today" and "Updated ..." read the seed's day; promises and timers run as usual.
        jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'setTimeout', 'setInterval', 'clearInterval', 'queueMicrotask'] });
        jest.setSystemTime(NOW);
        getCardConfig.mockResolvedValue(CONFIG);
        window.localStorage.clear();
    });

    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.useRealTimers();
        jest.clearAllMocks();
        resetCardConfig();
    });

    describe('summary: who, value, risk and what to do next', () => {
        it('calls the relay with the record id only and says who this is in plain words', async () => {
            startLookup.mockResolvedValue(JSON.stringify(JANE));
            const element = await renderCard();

            expect(startLookup).toHaveBeenCalledTimes(1);
            expect(startLookup).toHaveBeenCalledWith({ recordId: CONTACT_ID, profileId: null, refresh: false });
            const header = queryDeep(element, 'c-profile-header')[0];
            expect(deepText(queryDeep(header, 'h3.name')[0])).toBe('Jane Doe');
            // match.field is "Id" on a Contact: the agent reads where the match came from, never "Id: 0038...".
            expect(deepText(queryDeep(header, 'p.match')[0])).toBe(LABELS.CAH_MatchContactId);
        });

        it("answers value, risk with its main reason, and the first matching next step in the agent's words", async () => {
            startLookup.mockResolvedValue(JSON.stringify(JANE));
            const element = await renderCard();

            const summary = deepText(queryDeep(element, 'c-profile-summary')[0]);
            expect(summary).toContain('$12,480.50 lifetime value · High value');
            expect(summary).toContain('Gold member · 24,310 points');
            expect(summary).toContain('Churn risk: High (72)');
            expect(summary).toContain('Mainly: 1 support call in the last 30 days');
            // Jane: high churn and gold, one support call: Resolve_First needs two calls, Gold_Retention is the first match.
            expect(deepText(queryDeep(element, '.next-step-text')[0])).toBe(ruleText('Gold_Retention'));
        });

        it('shows no next step when no rule applies, and the rest of the summary', async () => {
            // No churn score and no upsell score: none of the package's rules holds.
            const calm = variant(JANE, (r) => {
                r.card.scores = [];
                r.card.loyalty.tier = 'silver';
            });
            startLookup.mockResolvedValue(JSON.stringify(calm));
            const element = await renderCard();

            expect(queryDeep(element, '.next-step')).toHaveLength(0);
            expect(deepText(queryDeep(element, 'c-profile-summary')[0])).toContain('Silver member');
        });

        it('still shows the profile, without a next step, when the configuration cannot be loaded', async () => {
            getCardConfig.mockRejectedValue(new Error('no access'));
            startLookup.mockResolvedValue(JSON.stringify(JANE));
            const element = await renderCard();

            expect(queryDeep(element, '.next-step')).toHaveLength(0);
            expect(deepText(element)).toContain('Churn risk: High (72)');
        });

        it('never shows a raw AEP value, factor code or Salesforce API name', async () => {
            const withGender = variant(JANE, (r) => {
                r.card.person.gender = 'not_specified';
                r.card.person.birthDate = '1985-07-22';
            });
            startLookup.mockResolvedValue(JSON.stringify(withGender));
            const element = await renderCard();
            await openSection(element, 'scores');
            await openSection(element, 'computedAttributes');
            await openSection(element, 'identities');

            const text = deepText(element);
            expect(text).toContain(LABELS.CAH_GenderNotSpecified);
            for (const raw of [
                'not_specified',
                'female',
                'crmid',
                'ecid',
                'loyaltyid',
                'supportCallsLast30d',
                'Contact.Id',
                'MSG-',
                '(high)'
            ]) {
                expect(text).not.toContain(raw);
            }
            expect(text).not.toMatch(/c\.CAH_|\{\d\}|one:|other:/);
        });
    });

    describe('recent activity', () => {
        it('comes first after the summary, grouped by day, with the count and the window it covers', async () => {
            startLookup.mockResolvedValue(JSON.stringify(JANE));
            const element = await renderCard();

            expect(sectionNames(element)[0]).toBe('events');
            const events = queryDeep(element, 'c-profile-events')[0];
            const headings = queryDeep(events, 'h4.day-heading').map((h) => deepText(h));
            expect(headings.slice(0, 3)).toEqual([LABELS.CAH_Today, LABELS.CAH_Yesterday, 'Nov 18, 2026']);
            expect(deepText(queryDeep(events, 'p.window')[0])).toBe('The latest 10 events, Nov 13, 2026 – Nov 20, 2026');
            expect(queryDeep(events, 'li.event')).toHaveLength(10);
            const hidden = JANE.card.events.items.length - 10 + JANE.card.truncated.events;
            expect(deepText(queryDeep(events, 'p.more')[0])).toBe(`and ${hidden} more`);
        });

        it("names each event's kind in the agent's language, a campaign message by its campaign, never its message id", async () => {
            startLookup.mockResolvedValue(JSON.stringify(JANE));
            const element = await renderCard();

            const lines = queryDeep(element, 'li.event p.title').map((p) => deepText(p));
            const purchase = JANE.card.events.items.find((e) => e.category === 'purchase');
            expect(lines).toContain(`${LABELS.CAH_EventCategoryPurchase} · ${purchase.title}`);
            expect(lines).toContain('Email link clicked · Fall loyalty double points');
            expect(lines).toContain(`${LABELS.CAH_EventAddedToCart} · Wireless Earbuds Pro`);
        });

        it('is left out when the AEP edition has no event look-up, and says so when it failed this time', async () => {
            startLookup.mockResolvedValueOnce(JSON.stringify(NO_EVENTS));
            const element = await renderCard();
            expect(sectionNames(element)).not.toContain('events');
            expect(deepText(element)).toContain('Jane Doe');

            const failed = variant(JANE, (r) => Object.assign(r.card.events, { status: 'error', reason: 'TIMEOUT', items: [] }));
            startLookup.mockResolvedValueOnce(JSON.stringify(failed));
            const other = await renderCard({ recordId: '0038c00002MLopzAAD' });
            expect(deepText(queryDeep(other, 'p.unavailable')[0])).toBe(LABELS.CAH_EventsError);
        });
    });

    describe('campaigns and audiences', () => {
        it('lists the campaigns that reached the customer by name and channel, newest first, never an id', async () => {
            startLookup.mockResolvedValue(JSON.stringify(JANE));
            const element = await renderCard();

            const campaigns = queryDeep(element, 'li.campaign');
            expect(campaigns.map((c) => deepText(queryDeep(c, 'p.name')[0]))).toEqual(JANE.card.campaigns.map((c) => c.name));
            expect(deepText(campaigns[0])).toContain('Email · Bought after clicking');
            expect(deepText(campaigns[3])).toContain('Sent to: Spring upgrade campaign – targeted');
            const text = deepText(queryDeep(element, 'c-profile-campaigns')[0]);
            for (const campaign of JANE.card.campaigns) expect(text).not.toContain(campaign.id);
        });

        it('names a campaign without a configured name by its channel', async () => {
            const unnamed = variant(KENJI, (r) => {
                r.card.campaigns[0].name = null;
            });
            startLookup.mockResolvedValue(JSON.stringify(unnamed));
            const element = await renderCard({ recordId: '00Q8c00000KSatoEAD', objectApiName: 'Lead' });
            expect(deepText(queryDeep(element, 'li.campaign p.name')[0])).toBe('Email campaign');
        });

        it('shows the first audiences with since when and how fresh AEP keeps them, the rest behind "Show all"', async () => {
            startLookup.mockResolvedValue(JSON.stringify(JANE));
            const element = await renderCard();

            const audiences = queryDeep(element, 'c-profile-audiences')[0];
            expect(queryDeep(audiences, 'li.audience')).toHaveLength(3);
            expect(deepText(queryDeep(audiences, 'li.audience')[0])).toBe(
                'High churn risk – mobile postpaid Member since Nov 19, 2026 · updated once a day'
            );
            const showAll = queryDeep(audiences, 'lightning-button.show-all')[0];
            expect(showAll.label).toBe(`Show all (${JANE.card.audiences.length})`);
            showAll.click();
            await flushPromises();

            const items = queryDeep(audiences, 'li.audience').map((li) => deepText(li));
            expect(items).toHaveLength(JANE.card.audiences.length);
            expect(items).toContain('Email engaged – last 30 days Member since Nov 13, 2026 · updates within minutes');
            expect(items[items.length - 1]).toMatch(/^Cart abandoners – last 7 days Exited on /);
        });
    });

    describe('scores, attributes, contact points and identities', () => {
        it('says each influential factor as a sentence with its direction, and a readable form of an unknown one', async () => {
            const unknownFactor = variant(JANE, (r) => {
                r.card.scores[0].factors.push({ code: 'routerRebootsLast7d', value: '4', importance: 'low' });
            });
            startLookup.mockResolvedValue(JSON.stringify(unknownFactor));
            const element = await renderCard();
            const scores = await openSection(element, 'scores');

            const factors = queryDeep(scores, 'li.factor').map((li) => deepText(li));
            expect(factors).toEqual(
                expect.arrayContaining([
                    '1 support call in the last 30 days · raises churn risk',
                    '2 months left on the contract · raises churn risk',
                    '4 visits to competitor comparison pages in 30 days · raises churn risk',
                    'Router reboots last 7d: 4'
                ])
            );
            expect(deepText(scores)).toContain('Upsell propensity');
        });

        it('names computed attributes from the label mappings and stacks name and value', async () => {
            startLookup.mockResolvedValue(JSON.stringify(JANE));
            const element = await renderCard();
            const attributes = await openSection(element, 'computedAttributes');
            const text = deepText(attributes);
            expect(text).toContain('Support calls in the last 30 days 1');
            expect(text).toContain('Spent in the last 90 days $1,537.97');
        });

        it('gives emails as links, phones to dial in the national format, and consent in words', async () => {
            startLookup.mockResolvedValue(JSON.stringify(JANE));
            const element = await renderCard();

            const contact = queryDeep(element, 'c-profile-contact-points')[0];
            expect(queryDeep(contact, 'lightning-formatted-email')[0].value).toBe('jane.doe@example.com');
            const dial = queryDeep(contact, 'lightning-click-to-dial')[0];
            // An agent in the US dials a US number as (415) 555-0123; the call is logged on this record.
            expect(dial.value).toBe('(415) 555-0123');
            expect(dial.recordId).toBe(CONTACT_ID);
            const text = deepText(contact);
            expect(text).toContain('Phone (mobile, primary)');
            expect(text).toContain(`${LABELS.CAH_ChannelCall}: ${LABELS.CAH_ConsentNo}`);
            expect(text).toContain(`${LABELS.CAH_PreferredChannel} Email`);
        });

        it('dials a foreign number with its country code', async () => {
            startLookup.mockResolvedValue(JSON.stringify(KENJI));
            const element = await renderCard({ recordId: '00Q8c00000KSatoEAD', objectApiName: 'Lead' });
            expect(queryDeep(element, 'lightning-click-to-dial')[0].value).toBe('+81 90 1234 5678');
        });

        it('puts the address in the order of the agent locale', async () => {
            const withAddress = variant(JANE, (r) => {
                r.card.contactPoints.address = {
                    street: '500 Howard St, Unit 12',
                    city: 'San Francisco',
                    stateProvince: 'CA',
                    postalCode: '94105',
                    country: 'United States'
                };
            });
            startLookup.mockResolvedValue(JSON.stringify(withAddress));
            const element = await renderCard();
            const address = queryDeep(element, 'lightning-formatted-address')[0];
            expect([address.street, address.city, address.province, address.postalCode]).toEqual([
                '500 Howard St, Unit 12',
                'San Francisco',
                'CA',
                '94105'
            ]);
        });

        it('names identity namespaces and keeps long ids behind "Show all"', async () => {
            startLookup.mockResolvedValue(JSON.stringify(JANE));
            const element = await renderCard();
            const identities = await openSection(element, 'identities');

            const namespaces = queryDeep(identities, 'dt.namespace').map((dt) => deepText(dt));
            expect(namespaces).toEqual(['CRM ID', 'Email', 'Phone']);
            queryDeep(identities, 'lightning-button.show-all')[0].click();
            await flushPromises();
            expect(queryDeep(identities, 'dt.namespace').map((dt) => deepText(dt))).toContain('Experience Cloud ID');
        });
    });

    describe('sections', () => {
        it('are collapsible, open or closed by default, and leave out those with nothing to say', async () => {
            startLookup.mockResolvedValue(JSON.stringify(NO_EVENTS));
            const element = await renderCard();

            // An org with event look-up off, and a profile no campaign reached: no section for either.
            expect(sectionNames(element)).toEqual(['audiences', 'scores', 'computedAttributes', 'contactPoints', 'identities']);
            const expanded = Object.fromEntries(
                queryDeep(element, 'c-profile-section').map((s) => [s.name, queryDeep(s, 'button.toggle')[0].getAttribute('aria-expanded')])
            );
            expect(expanded).toEqual({
                audiences: 'true',
                scores: 'false',
                computedAttributes: 'false',
                contactPoints: 'true',
                identities: 'false'
            });
        });

        it("build a closed section's body only once it is opened", async () => {
            startLookup.mockResolvedValue(JSON.stringify(JANE));
            const element = await renderCard();

            expect(queryDeep(section(element, 'scores'), 'c-profile-scores')).toHaveLength(0);
            expect(queryDeep(section(element, 'audiences'), 'c-profile-audiences')).toHaveLength(1);
            const scores = await openSection(element, 'scores');
            expect(queryDeep(scores, 'c-profile-scores')).toHaveLength(1);
        });

        it("remember the agent's open and closed sections on the next card", async () => {
            startLookup.mockResolvedValue(JSON.stringify(JANE));
            const first = await renderCard();
            queryDeep(section(first, 'audiences'), 'button.toggle')[0].click();
            await openSection(first, 'scores');
            document.body.removeChild(first);

            const next = await renderCard({ recordId: '0038c00002MLopzAAD' });
            expect(queryDeep(section(next, 'audiences'), 'button.toggle')[0].getAttribute('aria-expanded')).toBe('false');
            expect(queryDeep(section(next, 'scores'), 'button.toggle')[0].getAttribute('aria-expanded')).toBe('true');
            expect(queryDeep(section(next, 'audiences'), '.slds-section__content')[0].hidden).toBe(true);
        });
    });

    describe('notices', () => {
        it('shows a saved copy while AEP is down as a note scoped to the card', async () => {
            startLookup.mockResolvedValue(
                JSON.stringify(variant(JANE, (r) => Object.assign(r.card.freshness, { stale: true, staleReason: 'UPSTREAM_UNAVAILABLE' })))
            );
            const element = await renderCard();

            const banner = queryDeep(element, '.stale')[0];
            expect(banner.classList).toContain('slds-scoped-notification');
            expect(banner.getAttribute('role')).toBe('status');
            expect(deepText(banner)).toBe(LABELS.CAH_StaleBanner);
        });

        it('says plainly when the profile may combine several people, with the masked ids and this record marked', async () => {
            const collapsed = variant(JANE, (r) => {
                r.card.match.collapse = {
                    namespace: 'CRMID',
                    people: 2,
                    ids: [
                        { maskedValue: '0038c•••DAAR', thisRecord: true },
                        { maskedValue: '0038c•••SAAR', thisRecord: false }
                    ]
                };
            });
            startLookup.mockResolvedValue(JSON.stringify(collapsed));
            const element = await renderCard();

            const notice = queryDeep(element, 'c-profile-collapse-notice')[0];
            const text = deepText(notice);
            expect(text).toContain('This profile may combine 2 people');
            expect(text).toContain(LABELS.CAH_CollapseBody);
            expect(text).toContain('CRM ID values in this profile:');
            expect(queryDeep(notice, 'li').map((li) => deepText(li))).toEqual(['0038c•••DAAR (this record)', '0038c•••SAAR']);
            expect(queryDeep(notice, 'li.this-record')).toHaveLength(1);
        });

        it('has no collapse notice for a profile of one person', async () => {
            startLookup.mockResolvedValue(JSON.stringify(variant(JANE, (r) => (r.card.match.collapse = null))));
            const element = await renderCard();
            expect(queryDeep(element, 'c-profile-collapse-notice')).toHaveLength(0);
        });

        it('says when sensitive fields were hidden by the relay', async () => {
            startLookup.mockResolvedValue(JSON.stringify(JANE));
            const element = await renderCard();
            expect(deepText(queryDeep(element, 'p.sensitive')[0])).toBe(LABELS.CAH_SensitiveHidden);
        });
    });

    describe('refresh', () => {
        it('keeps the card while it refreshes and shows the progress inline', async () => {
            startLookup.mockResolvedValueOnce(JSON.stringify(JANE));
            const element = await renderCard();
            let answer;
            startLookup.mockReturnValueOnce(new Promise((resolve) => (answer = resolve)));

            queryDeep(element, 'lightning-button-icon.refresh')[0].click();
            await flushPromises();

            expect(startLookup).toHaveBeenLastCalledWith({ recordId: CONTACT_ID, profileId: null, refresh: true });
            expect(deepText(queryDeep(element, 'h3.name')[0])).toBe('Jane Doe');
            expect(deepText(queryDeep(element, '.refreshing')[0])).toBe(LABELS.CAH_Refreshing);
            expect(queryDeep(element, 'lightning-button-icon.refresh')[0].disabled).toBe(true);
            expect(queryDeep(element, 'div.loading')).toHaveLength(0);

            answer(JSON.stringify(variant(JANE, (r) => (r.card.loyalty.points = 25000))));
            await flushPromises();
            expect(queryDeep(element, '.refreshing')).toHaveLength(0);
            expect(deepText(element)).toContain('25,000 points');
        });

        it('keeps the earlier data when a refresh fails, and says so once', async () => {
            startLookup.mockResolvedValueOnce(JSON.stringify(JANE)).mockRejectedValueOnce(auraError('UPSTREAM_UNAVAILABLE', 10));
            const element = await renderCard();

            queryDeep(element, 'lightning-button-icon.refresh')[0].click();
            await flushPromises();

            expect(deepText(queryDeep(element, 'h3.name')[0])).toBe('Jane Doe');
            const note = queryDeep(element, '.refresh-error')[0];
            expect(deepText(note)).toBe(`Couldn’t refresh (${LABELS.CAH_UnavailableTitle}). The card still shows the earlier data.`);
            expect(queryDeep(element, 'c-profile-message')).toHaveLength(0);
        });
    });

    describe("the agent's choice of profile", () => {
        const chosen = (fixture, profileId) =>
            variant(fixture, (r) => {
                r.choice = { profileId, chosenBy: 'Avery Agent', chosenAt: '2026-11-20T17:30:00Z' };
                r.card.match.selectedBy = 'agent';
            });

        it('stores the pick for the record, then looks the record up with it', async () => {
            startLookup
                .mockResolvedValueOnce(JSON.stringify(HOUSEHOLD))
                .mockResolvedValueOnce(JSON.stringify(chosen(JANE, HOUSEHOLD.candidates[1].profileId)));
            rememberChoice.mockResolvedValue({ profileId: HOUSEHOLD.candidates[1].profileId, chosenBy: 'Avery Agent', chosenAt: null });
            const element = await renderCard({ recordId: '5008c00001CsHouAAF', objectApiName: 'Case' });

            queryDeep(queryDeep(element, 'c-profile-candidate-picker')[0], 'lightning-button')[1].click();
            await flushPromises();
            await flushPromises();

            expect(rememberChoice).toHaveBeenCalledWith({ recordId: '5008c00001CsHouAAF', profileId: HOUSEHOLD.candidates[1].profileId });
            // The relay applies the stored choice: the card asks without a profile id of its own.
            expect(startLookup).toHaveBeenLastCalledWith({ recordId: '5008c00001CsHouAAF', profileId: null, refresh: false });
            expect(deepText(queryDeep(element, 'p.choice')[0])).toBe('Chosen by Avery Agent on Nov 20, 2026');
        });

        it('is used on the next open of the record by any agent, without picking again', async () => {
            startLookup.mockResolvedValue(JSON.stringify(chosen(JANE, JANE.card.profileId)));
            const element = await renderCard({ recordId: '5008c00001CsHouAAF', objectApiName: 'Case' });

            expect(startLookup).toHaveBeenCalledWith({ recordId: '5008c00001CsHouAAF', profileId: null, refresh: false });
            expect(queryDeep(element, 'c-profile-candidate-picker')).toHaveLength(0);
            expect(deepText(queryDeep(element, 'p.choice')[0])).toBe('Chosen by Avery Agent on Nov 20, 2026');
        });

        it('can be changed: forgetting it looks the record up again for a new pick', async () => {
            startLookup
                .mockResolvedValueOnce(JSON.stringify(chosen(JANE, JANE.card.profileId)))
                .mockResolvedValueOnce(JSON.stringify(HOUSEHOLD));
            forgetChoice.mockResolvedValue(null);
            const element = await renderCard({ recordId: '5008c00001CsHouAAF', objectApiName: 'Case' });

            await chooseAction(element, 'forgetChoice');

            expect(forgetChoice).toHaveBeenCalledWith({ recordId: '5008c00001CsHouAAF' });
            expect(startLookup).toHaveBeenCalledTimes(2);
            expect(queryDeep(queryDeep(element, 'c-profile-candidate-picker')[0], 'li.candidate')).toHaveLength(2);
        });

        it('still applies in this tab when it cannot be stored, and says so', async () => {
            startLookup.mockResolvedValueOnce(JSON.stringify(HOUSEHOLD)).mockResolvedValueOnce(JSON.stringify(JANE));
            rememberChoice.mockRejectedValue(auraError('NO_ACCESS'));
            const element = await renderCard({ recordId: '5008c00001CsHouAAF', objectApiName: 'Case' });

            queryDeep(queryDeep(element, 'c-profile-candidate-picker')[0], 'lightning-button')[0].click();
            await flushPromises();
            await flushPromises();

            expect(startLookup).toHaveBeenLastCalledWith({
                recordId: '5008c00001CsHouAAF',
                profileId: HOUSEHOLD.candidates[0].profileId,
                refresh: false
            });
            expect(deepText(queryDeep(element, '.feedback')[0])).toBe(LABELS.CAH_ChoiceNotSaved);
        });

        it("offers the other people the record identities reach on the card of the agent's pick, and switches on pick", async () => {
            // Identities that reach different people answer 409 first; only the card of the agent's pick lists the others.
            const disagree = chosen(JANE, JANE.card.profileId);
            Object.assign(disagree.card.match, {
                ambiguous: true,
                ambiguityReason: 'IDENTITIES_DISAGREE',
                alternatives: [
                    {
                        profileId: 'OtherJaneXid000000000001',
                        displayName: 'Jane M. Doe',
                        field: 'Phone',
                        namespace: 'Phone',
                        city: 'Oakland',
                        loyaltyTier: null,
                        lastModifiedAt: null
                    }
                ]
            });
            startLookup.mockResolvedValueOnce(JSON.stringify(disagree)).mockResolvedValueOnce(JSON.stringify(JANE));
            rememberChoice.mockResolvedValue({ profileId: 'OtherJaneXid000000000001', chosenBy: 'Avery Agent', chosenAt: null });
            const element = await renderCard();

            const notice = queryDeep(element, '.ambiguity')[0];
            expect(deepText(notice)).toContain(LABELS.CAH_IdentitiesDisagreeNotice);
            expect(deepText(notice)).toContain('City: Oakland');
            const button = queryDeep(notice, 'lightning-button')[0];
            expect(button.label).toBe('Show Jane M. Doe');
            button.click();
            await flushPromises();
            await flushPromises();

            expect(rememberChoice).toHaveBeenCalledWith({ recordId: CONTACT_ID, profileId: 'OtherJaneXid000000000001' });
            expect(startLookup).toHaveBeenLastCalledWith({ recordId: CONTACT_ID, profileId: null, refresh: false });
        });
    });

    describe('"Not this person"', () => {
        it('records the record, the profile and the identity that matched, and thanks the agent', async () => {
            startLookup.mockResolvedValue(JSON.stringify(JANE));
            reportNotThisPerson.mockResolvedValue(null);
            const element = await renderCard();

            await chooseAction(element, 'notThisPerson');

            expect(reportNotThisPerson).toHaveBeenCalledWith({
                recordId: CONTACT_ID,
                profileId: JANE.card.profileId,
                matchedField: 'Id',
                matchedNamespace: 'CRMID',
                maskedValue: JANE.card.match.maskedValue
            });
            expect(deepText(queryDeep(element, '.feedback')[0])).toBe(LABELS.CAH_FeedbackRecorded);
            // The profile the proxy matched is still the proxy's answer: no new look-up.
            expect(startLookup).toHaveBeenCalledTimes(1);
        });

        it('drops a chosen profile the agent rejects and looks the record up again', async () => {
            const chosenJane = variant(JANE, (r) => {
                r.choice = { profileId: r.card.profileId, chosenBy: 'Sky Seller', chosenAt: '2026-11-19T10:00:00Z' };
            });
            startLookup.mockResolvedValueOnce(JSON.stringify(chosenJane)).mockResolvedValueOnce(JSON.stringify(HOUSEHOLD));
            reportNotThisPerson.mockResolvedValue(null);
            const element = await renderCard({ recordId: '5008c00001CsHouAAF', objectApiName: 'Case' });

            await chooseAction(element, 'notThisPerson');

            expect(startLookup).toHaveBeenCalledTimes(2);
            expect(queryDeep(queryDeep(element, 'c-profile-candidate-picker')[0], 'li.candidate')).toHaveLength(2);
        });

        it('says when the report could not be saved', async () => {
            startLookup.mockResolvedValue(JSON.stringify(JANE));
            reportNotThisPerson.mockRejectedValue(auraError('NO_ACCESS'));
            const element = await renderCard();

            await chooseAction(element, 'notThisPerson');
            expect(deepText(queryDeep(element, '.feedback')[0])).toBe(LABELS.CAH_FeedbackFailed);
        });
    });

    describe('states other than a profile', () => {
        it('shows a spinner while the first look-up runs', async () => {
            startLookup.mockReturnValue(new Promise(() => {}));
            const element = await renderCard();

            const spinner = element.shadowRoot.querySelector('lightning-spinner');
            expect(spinner.alternativeText).toBe(LABELS.CAH_Loading);
            expect(element.shadowRoot.querySelector('c-profile-header')).toBeNull();
        });

        it('shows not found with the masked identities that were tried, named in plain words', async () => {
            startLookup.mockResolvedValue(JSON.stringify(UNKNOWN));
            const element = await renderCard();

            const text = deepText(element);
            expect(text).toContain(LABELS.CAH_NotFoundTitle);
            expect(text).toContain(`Email: ${UNKNOWN.identitiesTried[0].maskedValue} (not found)`);
            expect(queryDeep(element, 'lightning-button.retry')).toHaveLength(0);
        });

        it('lists the candidates of an ambiguous look-up with hints that tell them apart', async () => {
            startLookup.mockResolvedValueOnce(JSON.stringify(HOUSEHOLD));
            const element = await renderCard({ recordId: '5008c00001CsHouAAF', objectApiName: 'Case' });

            const text = deepText(element);
            expect(text).toContain(LABELS.CAH_AmbiguousTitle);
            expect(text).toContain('Found via Phone');
            expect(text).toContain('Loyalty tier: Silver');
            expect(text).not.toContain('SuppliedPhone');
            const buttons = queryDeep(queryDeep(element, 'c-profile-candidate-picker')[0], 'lightning-button');
            expect(buttons.map((b) => b.label)).toEqual(['Show Sam Rivera', 'Show Alex Rivera']);
        });

        it('explains a record without identity values', async () => {
            startLookup.mockResolvedValue(JSON.stringify(NO_IDENTITY));
            const element = await renderCard();
            expect(deepText(element)).toContain(LABELS.CAH_NoIdentityTitle);
            expect(deepText(element)).toContain(LABELS.CAH_NoIdentityBody);
        });

        it.each([
            ['UPSTREAM_UNAVAILABLE', 'CAH_UnavailableTitle'],
            ['UPSTREAM_TIMEOUT', 'CAH_TimeoutTitle'],
            ['RATE_LIMITED', 'CAH_RateLimitedTitle'],
            ['INTERNAL', 'CAH_UnexpectedTitle']
        ])('offers one retry hint and a retry for %s', async (code, titleLabel) => {
            startLookup.mockRejectedValueOnce(auraError(code));
            const element = await renderCard();

            const message = queryDeep(element, 'c-profile-message')[0];
            expect(deepText(message)).toContain(LABELS[titleLabel]);
            expect(queryDeep(message, 'p.retry-hint').map((p) => deepText(p))).toEqual([LABELS.CAH_RetryLater]);
            // An agent who can simply retry does not need the code.
            expect(queryDeep(message, 'p.code')).toHaveLength(0);
            expect(queryDeep(message, '[role="alert"]')).toHaveLength(1);

            startLookup.mockResolvedValueOnce(JSON.stringify(JANE));
            const retry = queryDeep(element, 'lightning-button.retry')[0];
            expect(retry.label).toBe(LABELS.CAH_Retry);
            retry.click();
            await flushPromises();
            expect(startLookup).toHaveBeenCalledTimes(2);
            expect(deepText(element)).toContain('Jane Doe');
        });

        it.each([
            ['UNAUTHORIZED', 'CAH_AdminTitle', 'CAH_AdminBody'],
            ['CONFIGURATION', 'CAH_AdminTitle', 'CAH_AdminBody'],
            ['NO_PERMISSION', 'CAH_NoPermissionTitle', 'CAH_NoPermissionBody'],
            ['NO_ACCESS', 'CAH_NoAccessTitle', 'CAH_NoAccessBody']
        ])('sends %s to the admin with its code and without a retry', async (code, titleLabel, bodyLabel) => {
            startLookup.mockRejectedValue(auraError(code));
            const element = await renderCard();

            const text = deepText(element);
            expect(text).toContain(LABELS[titleLabel]);
            expect(text).toContain(LABELS[bodyLabel]);
            expect(text).toContain(`Error code: ${code}`);
            expect(queryDeep(element, 'lightning-button.retry')).toHaveLength(0);
        });

        it.each([
            ['AEP_NOT_ENTITLED', 'CAH_NotEntitledTitle', 'CAH_NotEntitledBody'],
            ['IDENTITY_GRAPH_TOO_LARGE', 'CAH_GraphTooLargeTitle', 'CAH_GraphTooLargeBody']
        ])(
            'explains %s with its own message instead of "not found" or a credentials problem, without a retry',
            async (code, titleLabel, bodyLabel) => {
                startLookup.mockRejectedValue(auraError(code));
                const element = await renderCard();

                const message = queryDeep(element, 'c-profile-message')[0];
                const text = deepText(message);
                expect(text).toContain(LABELS[titleLabel]);
                expect(text).toContain(LABELS[bodyLabel]);
                expect(text).toContain(`Error code: ${code}`);
                expect(text).not.toContain(LABELS.CAH_NotFoundTitle);
                expect(text).not.toContain(LABELS.CAH_AdminTitle);
                expect(queryDeep(element, 'lightning-button.retry')).toHaveLength(0);
            }
        );

        it('offers to forget a stored choice whose profile is not found anymore', async () => {
            const gone = variant(
                UNKNOWN,
                (r) => (r.choice = { profileId: 'AGoneProfileXid000000000', chosenBy: 'Avery Agent', chosenAt: null })
            );
            startLookup.mockResolvedValueOnce(JSON.stringify(gone)).mockResolvedValueOnce(JSON.stringify(UNKNOWN));
            forgetChoice.mockResolvedValue(null);
            const element = await renderCard();

            const button = queryDeep(element, 'lightning-button.forget-choice')[0];
            expect(button.label).toBe(LABELS.CAH_ChangeChoice);
            button.click();
            await flushPromises();
            await flushPromises();
            expect(forgetChoice).toHaveBeenCalledWith({ recordId: CONTACT_ID });
            expect(startLookup).toHaveBeenCalledTimes(2);
        });

        it('treats an error that is not the relay JSON as unexpected', async () => {
            startLookup.mockRejectedValue({ body: { message: 'Unable to connect to the server' } });
            const element = await renderCard();
            expect(deepText(element)).toContain(LABELS.CAH_UnexpectedTitle);
            expect(queryDeep(element, 'lightning-button.retry')).toHaveLength(1);
        });

        it('treats an unreadable relay answer as unexpected', async () => {
            startLookup.mockResolvedValue('{"status":"MAYBE"}');
            const element = await renderCard();
            expect(deepText(element)).toContain(LABELS.CAH_UnexpectedTitle);
        });
    });

    describe('design properties', () => {
        it('shows only the configured sections, the summary when keyFigures is among them', async () => {
            startLookup.mockResolvedValue(JSON.stringify(JANE));
            const element = await renderCard({ sections: 'audiences, events' });
            expect(sectionNames(element)).toEqual(['events', 'audiences']);
            expect(queryDeep(element, 'c-profile-summary')).toHaveLength(0);
        });

        it('shows every section with something to say when the list names none it knows', async () => {
            startLookup.mockResolvedValue(JSON.stringify(JANE));
            const element = await renderCard({ sections: 'nonsense' });
            expect(sectionNames(element)).toEqual([
                'events',
                'campaigns',
                'audiences',
                'scores',
                'computedAttributes',
                'contactPoints',
                'identities'
            ]);
            expect(queryDeep(element, 'c-profile-summary')).toHaveLength(1);
        });

        it('limits the events to maxEvents and keeps the relay call to the contract', async () => {
            startLookup.mockResolvedValue(JSON.stringify(JANE));
            const element = await renderCard({ maxEvents: 3 });
            expect(queryDeep(element, 'li.event')).toHaveLength(3);
            // The relay takes recordId, profileId and refresh only; maxEvents narrows what the card shows.
            expect(Object.keys(startLookup.mock.calls[0][0]).sort()).toEqual(['profileId', 'recordId', 'refresh']);
        });

        it('hides the events section for maxEvents 0', async () => {
            startLookup.mockResolvedValue(JSON.stringify(JANE));
            const element = await renderCard({ maxEvents: 0 });
            expect(sectionNames(element)).not.toContain('events');
        });

        it('puts campaigns, audiences and propensities right after the summary on Lead pages (auto)', async () => {
            startLookup.mockResolvedValue(JSON.stringify(KENJI));
            const element = await renderCard({ recordId: '00Q8c00000KSatoEAD', objectApiName: 'Lead' });
            expect(sectionNames(element).slice(0, 3)).toEqual(['campaigns', 'audiences', 'scores']);
            expect(deepText(queryDeep(element, 'p.match')[0])).toBe(LABELS.CAH_MatchLeadEmail);
            expect(deepText(queryDeep(element, '.next-step-text')[0])).toBe(ruleText('Convert_Lead'));
        });

        it('uses the full layout on Contact pages (auto): recent activity first', async () => {
            startLookup.mockResolvedValue(JSON.stringify(JANE));
            const element = await renderCard();
            expect(sectionNames(element).slice(0, 3)).toEqual(['events', 'campaigns', 'audiences']);
        });

        it('honours an explicit sales layout on any page', async () => {
            startLookup.mockResolvedValue(JSON.stringify(JANE));
            const element = await renderCard({ layout: 'sales' });
            expect(sectionNames(element)[0]).toBe('campaigns');
        });
    });

    describe('labels', () => {
        it('renders its texts from the CAH_ Custom Labels', async () => {
            startLookup.mockResolvedValue(JSON.stringify(JANE));
            const element = await renderCard();

            expect(deepText(element.shadowRoot.querySelector('h2.card-title'))).toBe(LABELS.CAH_CardTitle);
            const headings = queryDeep(element, 'c-profile-section').map((s) => s.label);
            expect(headings).toEqual(
                expect.arrayContaining([
                    LABELS.CAH_EventsHeading,
                    LABELS.CAH_CampaignsHeading,
                    LABELS.CAH_ScoresHeading,
                    LABELS.CAH_AudiencesHeading,
                    LABELS.CAH_ContactPointsHeading,
                    LABELS.CAH_IdentitiesHeading
                ])
            );
            expect(queryDeep(element, 'lightning-button-icon.refresh')[0].alternativeText).toBe(LABELS.CAH_Refresh);
            // An unmocked label would render as its import path.
            expect(deepText(element)).not.toMatch(/c\.CAH_|\{\d\}/);
        });
    });
});
