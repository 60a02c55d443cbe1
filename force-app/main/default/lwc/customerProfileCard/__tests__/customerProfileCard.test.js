import { createElement } from 'lwc';
import CustomerProfileCard from 'c/customerProfileCard';
import startLookup from '@salesforce/apexContinuation/CustomerProfileController.startLookup';
import { deepText, flushPromises, queryDeep } from '../../../../../test/jest-mocks/domUtils';
import { labelsFor } from '../../../../../test/jest-mocks/labels';

jest.mock('@salesforce/apexContinuation/CustomerProfileController.startLookup', () => ({ default: jest.fn() }), {
    virtual: true
});

const JANE = require('./data/janeDoe.json');
const KENJI = require('./data/kenjiSato.json');
const HOUSEHOLD = require('./data/household.json');
const UNKNOWN = require('./data/unknown.json');
const NO_EVENTS = require('./data/eventsUnavailable.json');
const NO_IDENTITY = require('./data/noIdentity.json');

const LABELS = labelsFor('en_US');
const CONTACT_ID = '0038c00002JaneDAAR';

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

async function renderCard(props = {}) {
    // Create component
    const element = createElement('c-customer-profile-card', { is: CustomerProfileCard });
    Object.assign(element, { recordId: CONTACT_ID, objectApiName: 'Contact', ...props });
    document.body.appendChild(element);
    // Wait for the Apex promise and the re-render
    await flushPromises();
    return element;
}

function sectionNames(element) {
    return queryDeep(element, 'div.section').map((section) => section.dataset.section);
}

describe('c-customer-profile-card', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    describe('profile found (OK)', () => {
        it('calls the relay with the record id only and renders Jane Doe', async () => {
            startLookup.mockResolvedValue(JSON.stringify(JANE));
            const element = await renderCard();

            expect(startLookup).toHaveBeenCalledTimes(1);
            expect(startLookup).toHaveBeenCalledWith({ recordId: CONTACT_ID, profileId: null, refresh: false });
            const text = deepText(element);
            expect(text).toContain('Jane Doe');
            expect(text).toContain(`Matched by ${JANE.card.match.field}: ${JANE.card.match.maskedValue}`);
            expect(queryDeep(element, 'lightning-badge.namespace')[0].label).toBe(JANE.card.match.namespace);
            expect(text).toContain('Lifetime value $12,480.50 (high)');
            expect(text).toContain(`Loyalty tier gold · ${JANE.card.loyalty.points.toLocaleString('en-US')} points`);
            expect(text).toContain('Churn risk High (score 72)');
            const churn = JANE.card.scores.find((score) => score.key === 'churn');
            expect(text).toContain(`${churn.factors[0].code}: ${churn.factors[0].value} (high impact)`);
            const spend = JANE.card.computedAttributes.find((a) => a.kind === 'currency');
            expect(text).toContain(`${spend.label} $${spend.value.toLocaleString('en-US')}`);
        });

        it('reloads for the new customer when the record page hands it another record', async () => {
            startLookup.mockResolvedValueOnce(JSON.stringify(JANE)).mockResolvedValueOnce(JSON.stringify(KENJI));
            const element = await renderCard();
            expect(deepText(element)).toContain('Jane Doe');

            // Update the public property on the connected card
            element.recordId = '00Q8c00000KSatoEAD';
            await flushPromises();

            expect(startLookup).toHaveBeenCalledTimes(2);
            expect(startLookup).toHaveBeenLastCalledWith({ recordId: '00Q8c00000KSatoEAD', profileId: null, refresh: false });
            expect(deepText(element)).toContain('Kenji Sato');
            expect(deepText(element)).not.toContain('Jane Doe');
        });

        it('does not look up again when the same record id is set again', async () => {
            startLookup.mockResolvedValue(JSON.stringify(JANE));
            const element = await renderCard();
            element.recordId = CONTACT_ID;
            await flushPromises();
            expect(startLookup).toHaveBeenCalledTimes(1);
        });

        it('lists member audiences first and exited ones apart, with status text', async () => {
            startLookup.mockResolvedValue(JSON.stringify(JANE));
            const element = await renderCard();

            const members = queryDeep(element, 'ul.members lightning-badge').map((b) => b.label);
            const exited = queryDeep(element, 'ul.exited lightning-badge').map((b) => b.label);
            const names = (statuses) => JANE.card.audiences.filter((a) => statuses.includes(a.status)).map((a) => a.name);
            expect(members).toEqual(names(['realized', 'existing']));
            expect(exited).toEqual(names(['exited']));
            expect(exited.length).toBeGreaterThan(0);
            expect(deepText(queryDeep(element, 'ul.exited')[0])).toMatch(/^Exited on /);
            expect(deepText(queryDeep(element, 'ul.members')[0])).toMatch(/^Member since /);
        });

        it('shows recent events with kind, amount and how many were left out', async () => {
            startLookup.mockResolvedValue(JSON.stringify(JANE));
            const element = await renderCard();

            const events = queryDeep(element, 'li.event');
            expect(events).toHaveLength(10); // maxEvents default
            const items = JANE.card.events.items;
            // Each line starts with the kind from the labels, then the proxy's detail (never an English kind).
            events.forEach((e, i) => {
                const line = deepText(queryDeep(e, 'p.title')[0]);
                const kind = queryDeep(e, 'lightning-icon')[0].alternativeText;
                expect(line).toBe(items[i].title ? `${kind} · ${items[i].title}` : kind);
            });
            const purchaseIndex = items.findIndex((i) => i.category === 'purchase');
            const purchase = events[purchaseIndex];
            expect(queryDeep(purchase, 'lightning-icon')[0].alternativeText).toBe(LABELS.CAH_EventCategoryPurchase);
            expect(deepText(queryDeep(purchase, 'p.title')[0])).toBe(`${LABELS.CAH_EventCategoryPurchase} · ${items[purchaseIndex].title}`);
            const cartIndex = items.findIndex((i) => i.eventType === 'commerce.productListAdds');
            expect(queryDeep(events[cartIndex], 'lightning-icon')[0].alternativeText).toBe(LABELS.CAH_EventAddedToCart);
            expect(deepText(purchase)).toContain(`$${items[purchaseIndex].amount.amount}`);
            const clickIndex = items.findIndex((i) => i.eventType === 'directMarketing.emailClicked');
            expect(queryDeep(events[clickIndex], 'lightning-icon')[0].alternativeText).toBe(LABELS.CAH_EventEmailClicked);
            const hidden = items.length - 10 + JANE.card.truncated.events;
            expect(deepText(queryDeep(element, 'c-profile-events')[0])).toContain(`and ${hidden} more`);
        });

        it('shows contact points and linked identities', async () => {
            startLookup.mockResolvedValue(JSON.stringify(JANE));
            const element = await renderCard();

            const contact = deepText(queryDeep(element, 'c-profile-contact-points')[0]);
            expect(contact).toContain('Email (personal): jane.doe@example.com · primary');
            expect(contact).toContain('Phone (mobile): +14155550123');
            expect(contact).toContain('Phone calls: no');
            const namespaces = queryDeep(queryDeep(element, 'c-profile-identities')[0], 'lightning-badge').map((b) => b.label);
            expect(namespaces).toEqual(JANE.card.identities.map((i) => i.namespace));
            expect(namespaces).toEqual(expect.arrayContaining(['email', 'phone', 'crmid', 'ecid']));
        });

        it('says how fresh the data is', async () => {
            const fresh = variant(JANE, (r) => {
                r.card.freshness.fetchedAt = new Date(Date.now() - 3 * 60 * 1000).toISOString();
            });
            startLookup.mockResolvedValue(JSON.stringify(fresh));
            const element = await renderCard();

            expect(deepText(queryDeep(element, 'p.freshness')[0])).toBe('Updated 3 minutes ago');
        });

        it('shows a stale banner when the proxy served the last good copy', async () => {
            startLookup.mockResolvedValue(
                JSON.stringify(variant(JANE, (r) => Object.assign(r.card.freshness, { stale: true, staleReason: 'UPSTREAM_UNAVAILABLE' })))
            );
            const element = await renderCard();

            const banner = queryDeep(element, '.stale')[0];
            expect(banner.getAttribute('role')).toBe('alert');
            expect(deepText(banner)).toBe(LABELS.CAH_StaleBanner);
        });

        it('has no stale banner for fresh data', async () => {
            startLookup.mockResolvedValue(JSON.stringify(JANE));
            const element = await renderCard();
            expect(queryDeep(element, '.stale')).toHaveLength(0);
        });

        it('links to the profile in AEP only when enabled and configured', async () => {
            startLookup.mockResolvedValue(JSON.stringify(JANE));
            const withLink = await renderCard({ aepLinkEnabled: true });
            const link = queryDeep(withLink, 'a.aep-link')[0];
            expect(link.href).toBe(JANE.card.links.aepProfileUrl);
            expect(link.target).toBe('_blank');
            expect(link.rel).toContain('noopener');

            const withoutLink = await renderCard({ aepLinkEnabled: false });
            expect(queryDeep(withoutLink, 'a.aep-link')).toHaveLength(0);
        });

        it('never renders a non-https AEP link', async () => {
            startLookup.mockResolvedValue(
                JSON.stringify(variant(JANE, (r) => (r.card.links.aepProfileUrl = 'http://aep.example.com/profile/1')))
            );
            const element = await renderCard({ aepLinkEnabled: true });
            expect(queryDeep(element, 'a.aep-link')).toHaveLength(0);
        });

        it('refreshes with refresh=true and lets the proxy choose again when nobody picked a profile', async () => {
            startLookup.mockResolvedValue(JSON.stringify(JANE));
            const element = await renderCard();

            queryDeep(element, 'lightning-button-icon.refresh')[0].click();
            await flushPromises();

            expect(startLookup).toHaveBeenCalledTimes(2);
            expect(startLookup).toHaveBeenLastCalledWith({
                recordId: CONTACT_ID,
                profileId: null,
                refresh: true
            });
        });

        it('keeps the profile the agent picked on refresh', async () => {
            startLookup.mockResolvedValueOnce(JSON.stringify(HOUSEHOLD)).mockResolvedValue(JSON.stringify(JANE));
            const element = await renderCard();
            const buttons = queryDeep(queryDeep(element, 'c-profile-candidate-picker')[0], 'lightning-button');
            buttons[1].click();
            await flushPromises();

            queryDeep(element, 'lightning-button-icon.refresh')[0].click();
            await flushPromises();

            expect(startLookup).toHaveBeenCalledTimes(3);
            expect(startLookup).toHaveBeenLastCalledWith({
                recordId: CONTACT_ID,
                profileId: HOUSEHOLD.candidates[1].profileId,
                refresh: true
            });
        });

        it('offers the other profiles after the agent picked one of the people the record identities reach, and switches on pick', async () => {
            // Identities that reach different people answer 409 first; this is the card of the agent's pick.
            const disagree = variant(JANE, (r) => {
                Object.assign(r.card.match, {
                    selectedBy: 'agent',
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
            });
            startLookup.mockResolvedValue(JSON.stringify(disagree));
            const element = await renderCard();

            const notice = queryDeep(element, '.ambiguity')[0];
            expect(deepText(notice)).toContain(LABELS.CAH_IdentitiesDisagreeNotice);
            expect(deepText(notice)).toContain('City: Oakland');
            const button = queryDeep(notice, 'lightning-button')[0];
            expect(button.label).toBe('Show Jane M. Doe');
            button.click();
            await flushPromises();

            expect(startLookup).toHaveBeenLastCalledWith({
                recordId: CONTACT_ID,
                profileId: 'OtherJaneXid000000000001',
                refresh: false
            });
        });

        it('says when the events of the org are not available', async () => {
            startLookup.mockResolvedValue(JSON.stringify(NO_EVENTS));
            const element = await renderCard();

            expect(deepText(queryDeep(element, 'p.unavailable')[0])).toBe(LABELS.CAH_EventsUnavailable);
            expect(queryDeep(element, 'li.event')).toHaveLength(0);
            expect(deepText(element)).toContain('Jane Doe');
        });

        it('says when sensitive fields were hidden by the relay', async () => {
            startLookup.mockResolvedValue(JSON.stringify(JANE));
            const element = await renderCard();
            expect(deepText(queryDeep(element, 'p.sensitive')[0])).toBe(LABELS.CAH_SensitiveHidden);
        });
    });

    describe('states other than a profile', () => {
        it('shows a spinner while the look-up runs', async () => {
            startLookup.mockReturnValue(new Promise(() => {}));
            const element = await renderCard();

            const spinner = element.shadowRoot.querySelector('lightning-spinner');
            expect(spinner.alternativeText).toBe(LABELS.CAH_Loading);
            expect(element.shadowRoot.querySelector('c-profile-header')).toBeNull();
        });

        it('shows not found with the identities that were tried', async () => {
            startLookup.mockResolvedValue(JSON.stringify(UNKNOWN));
            const element = await renderCard();

            const text = deepText(element);
            expect(text).toContain(LABELS.CAH_NotFoundTitle);
            const tried = UNKNOWN.identitiesTried[0];
            expect(text).toContain(`${tried.field} as ${tried.namespace}: ${tried.maskedValue} (not found)`);
            expect(queryDeep(element, 'lightning-button.retry')).toHaveLength(0);
        });

        it('lists the candidates of an ambiguous look-up and loads the one the agent picks', async () => {
            startLookup.mockResolvedValueOnce(JSON.stringify(HOUSEHOLD));
            const element = await renderCard();

            const text = deepText(element);
            expect(text).toContain(LABELS.CAH_AmbiguousTitle);
            expect(text).toContain('Found via SuppliedPhone (Phone)');
            expect(text).toContain('Loyalty tier: silver');
            expect(text).toContain('SuppliedPhone as Phone: •••0188 (several profiles)');
            const buttons = queryDeep(queryDeep(element, 'c-profile-candidate-picker')[0], 'lightning-button');
            expect(buttons.map((b) => b.label)).toEqual(['Show Sam Rivera', 'Show Alex Rivera']);

            const picked = variant(JANE, (r) => {
                r.card.person.displayName = 'Alex Rivera';
                r.card.match.selectedBy = 'agent';
            });
            startLookup.mockResolvedValueOnce(JSON.stringify(picked));
            buttons[1].click();
            await flushPromises();

            expect(startLookup).toHaveBeenLastCalledWith({
                recordId: CONTACT_ID,
                profileId: HOUSEHOLD.candidates[1].profileId,
                refresh: false
            });
            expect(deepText(element)).toContain('Alex Rivera');
            expect(deepText(queryDeep(element, '.selected-by-agent')[0])).toBe(LABELS.CAH_SelectedByAgent);
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
        ])('offers a retry for %s', async (code, titleLabel) => {
            startLookup.mockRejectedValueOnce(auraError(code));
            const element = await renderCard();

            const message = queryDeep(element, 'c-profile-message')[0];
            expect(deepText(message)).toContain(LABELS[titleLabel]);
            expect(deepText(message)).toContain(`Error code: ${code}`);
            expect(queryDeep(message, '[role="alert"]')).toHaveLength(1);

            startLookup.mockResolvedValueOnce(JSON.stringify(JANE));
            const retry = queryDeep(element, 'lightning-button.retry')[0];
            expect(retry.label).toBe(LABELS.CAH_Retry);
            retry.click();
            await flushPromises();
            expect(startLookup).toHaveBeenCalledTimes(2);
            expect(deepText(element)).toContain('Jane Doe');
        });

        it('tells when the agent can retry after a rate limit', async () => {
            startLookup.mockRejectedValue(auraError('RATE_LIMITED', 30));
            const element = await renderCard();
            expect(deepText(element)).toContain('You can try again in 30 seconds.');
        });

        it.each([
            ['UNAUTHORIZED', 'CAH_AdminTitle', 'CAH_AdminBody'],
            ['CONFIGURATION', 'CAH_AdminTitle', 'CAH_AdminBody'],
            ['NO_PERMISSION', 'CAH_NoPermissionTitle', 'CAH_NoPermissionBody'],
            ['NO_ACCESS', 'CAH_NoAccessTitle', 'CAH_NoAccessBody']
        ])('sends %s to the admin without a retry', async (code, titleLabel, bodyLabel) => {
            startLookup.mockRejectedValue(auraError(code));
            const element = await renderCard();

            const text = deepText(element);
            expect(text).toContain(LABELS[titleLabel]);
            expect(text).toContain(LABELS[bodyLabel]);
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
        it('shows only the configured sections', async () => {
            startLookup.mockResolvedValue(JSON.stringify(JANE));
            const element = await renderCard({ sections: 'audiences, events' });
            expect(sectionNames(element)).toEqual(['audiences', 'events']);
        });

        it('shows every section when the list names none it knows', async () => {
            startLookup.mockResolvedValue(JSON.stringify(JANE));
            const element = await renderCard({ sections: 'nonsense' });
            expect(sectionNames(element)).toEqual([
                'keyFigures',
                'scores',
                'computedAttributes',
                'audiences',
                'events',
                'contactPoints',
                'identities'
            ]);
        });

        it('limits the events to maxEvents and keeps the relay call to the contract', async () => {
            startLookup.mockResolvedValue(JSON.stringify(JANE));
            const element = await renderCard({ maxEvents: 3 });
            expect(queryDeep(element, 'li.event')).toHaveLength(3);
            // The relay takes recordId, profileId and refresh only; the event count the proxy returns is
            // the admin's setting in Apex, and maxEvents narrows what the card shows.
            expect(Object.keys(startLookup.mock.calls[0][0]).sort()).toEqual(['profileId', 'recordId', 'refresh']);
        });

        it('hides the events section for maxEvents 0', async () => {
            startLookup.mockResolvedValue(JSON.stringify(JANE));
            const element = await renderCard({ maxEvents: 0 });
            expect(sectionNames(element)).not.toContain('events');
        });

        it('puts audiences, propensities and campaign history first on Lead pages (auto)', async () => {
            startLookup.mockResolvedValue(JSON.stringify(KENJI));
            const element = await renderCard({ recordId: '00Q8c00000KSatoEAD', objectApiName: 'Lead' });
            expect(sectionNames(element).slice(0, 3)).toEqual(['audiences', 'scores', 'events']);
            expect(deepText(element)).toContain('Conversion propensity');
            expect(deepText(queryDeep(element, 'c-profile-events')[0])).toContain('Email sent');
        });

        it('uses the full layout on Contact pages (auto)', async () => {
            startLookup.mockResolvedValue(JSON.stringify(JANE));
            const element = await renderCard();
            expect(sectionNames(element).slice(0, 3)).toEqual(['keyFigures', 'scores', 'computedAttributes']);
        });

        it('honours an explicit sales layout on any page', async () => {
            startLookup.mockResolvedValue(JSON.stringify(JANE));
            const element = await renderCard({ layout: 'sales' });
            expect(sectionNames(element)[0]).toBe('audiences');
        });

        it('compact layout drops score factors and collapses exited audiences into a count', async () => {
            startLookup.mockResolvedValue(JSON.stringify(JANE));
            const element = await renderCard({ layout: 'compact' });
            expect(sectionNames(element).slice(0, 3)).toEqual(['keyFigures', 'audiences', 'events']);
            expect(queryDeep(element, 'ul.factors')).toHaveLength(0);
            expect(queryDeep(element, 'ul.exited')).toHaveLength(0);
            expect(deepText(queryDeep(element, 'p.exited-count')[0])).toBe('1 exited');
        });
    });

    describe('labels', () => {
        it('renders its texts from the CAH_ Custom Labels', async () => {
            startLookup.mockResolvedValue(JSON.stringify(JANE));
            const element = await renderCard();

            expect(element.shadowRoot.querySelector('lightning-card').title).toBe(LABELS.CAH_CardTitle);
            const headings = queryDeep(element, 'h3').map((h) => deepText(h));
            expect(headings).toEqual(
                expect.arrayContaining([
                    LABELS.CAH_KeyFiguresHeading,
                    LABELS.CAH_ScoresHeading,
                    LABELS.CAH_AudiencesHeading,
                    LABELS.CAH_EventsHeading,
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
