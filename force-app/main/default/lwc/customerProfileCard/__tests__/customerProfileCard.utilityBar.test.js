import { createElement } from 'lwc';
import CustomerProfileCard from 'c/customerProfileCard';
import startLookup from '@salesforce/apexContinuation/CustomerProfileController.startLookup';
import { CurrentPageReference } from 'lightning/navigation';
import { getRecord } from 'lightning/uiRecordApi';
import { IsConsoleNavigation, getFocusedTabInfo } from 'lightning/platformWorkspaceApi';
import { APPLICATION_SCOPE, subscribe, unsubscribe } from 'lightning/messageService';
import { deepText, queryDeep } from '../../../../../test/jest-mocks/domUtils';
import { labelsFor } from '../../../../../test/jest-mocks/labels';

jest.mock('@salesforce/apexContinuation/CustomerProfileController.startLookup', () => ({ default: jest.fn() }), {
    virtual: true
});

const JANE = require('./data/janeDoe.json');
const KENJI = require('./data/kenjiSato.json');
const LABELS = labelsFor('en_US');

const JANE_ID = '0038c00002JaneDAAR';
const KENJI_ID = '00Q8c00000KSatoEAD';
const OPPORTUNITY_ID = '0068c00000OpptyAAA';
const ACCOUNT_ID = '0018c00000AcmeTAAA';

/** The tracker waits this long after the last navigation signal (SETTLE_MS in consoleRecordTracker). */
const SETTLE_MS = 300;

/** Lets pending promises and re-renders run (timers are fake in this file). */
async function flushPromises() {
    await jest.advanceTimersByTimeAsync(0);
}

/** Lets the tracker's settle time pass and every answer arrive. */
async function settle() {
    await jest.advanceTimersByTimeAsync(SETTLE_MS);
    await flushPromises();
}

function recordPage(recordId, objectApiName) {
    return { type: 'standard__recordPage', attributes: { recordId, objectApiName, actionName: 'view' } };
}

/** The card as an admin puts it in the utility bar: no recordId, no objectApiName. */
async function renderUtilityCard(props = {}) {
    const element = createElement('c-customer-profile-card', { is: CustomerProfileCard });
    Object.assign(element, props);
    document.body.appendChild(element);
    await flushPromises();
    return element;
}

/** The card in a console app whose focused tab (`tab`) shows Jane Doe's Contact page. */
async function renderInConsoleOnJane(tab) {
    getFocusedTabInfo.mockResolvedValue(tab);
    const element = await renderUtilityCard();
    IsConsoleNavigation.emit(true);
    CurrentPageReference.emit(recordPage(JANE_ID, 'Contact'));
    await settle();
    return element;
}

/**
 * The agent focuses console tab `tab`. A subtab focus change does not always change the page reference:
 * the card hears it through the lightning__tabFocused message it subscribed to.
 */
async function focusTab(tab, previousTabId) {
    getFocusedTabInfo.mockResolvedValue(tab);
    const onTabFocused = subscribe.mock.calls[0][2];
    onTabFocused({ previousTabId, currentTabId: tab.tabId });
    await settle();
}

function sectionNames(element) {
    return queryDeep(element, 'c-profile-section').map((section) => section.name);
}

describe('c-customer-profile-card in the utility bar', () => {
    beforeEach(() => {
        jest.useFakeTimers();
    });

    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
        jest.useRealTimers();
    });

    it('asks for a record while no record page is focused', async () => {
        getFocusedTabInfo.mockResolvedValue({ tabId: 'tab0', pageReference: { type: 'standard__navItemPage' } });
        const element = await renderUtilityCard();
        IsConsoleNavigation.emit(true);
        CurrentPageReference.emit({ type: 'standard__navItemPage', attributes: { apiName: 'Home' } });
        await settle();

        expect(startLookup).not.toHaveBeenCalled();
        expect(deepText(element)).toContain(LABELS.CAH_NoRecordTitle);
    });

    it('follows the focused console tab, in the compact layout', async () => {
        startLookup.mockResolvedValue(JSON.stringify(JANE));
        const element = await renderInConsoleOnJane({
            tabId: 'tab0',
            recordId: JANE_ID,
            pageReference: recordPage(JANE_ID, 'Contact')
        });

        expect(subscribe).toHaveBeenCalledWith(undefined, 'lightning__tabFocused', expect.any(Function), {
            scope: APPLICATION_SCOPE
        });
        expect(startLookup).toHaveBeenCalledWith({ recordId: JANE_ID, profileId: null, refresh: false });
        expect(deepText(element)).toContain('Jane Doe');
        // The summary leads; then recent activity, campaigns and contact points, what an agent on a call needs first.
        expect(queryDeep(element, 'c-profile-summary')).toHaveLength(1);
        expect(sectionNames(element).slice(0, 3)).toEqual(['events', 'campaigns', 'contactPoints']);
        // The utility panel names the card already: no second card header.
        expect(element.shadowRoot.querySelector('.slds-card__header')).toBeNull();
    });

    it('looks up the new record when another tab gets the focus', async () => {
        startLookup.mockResolvedValueOnce(JSON.stringify(JANE)).mockResolvedValueOnce(JSON.stringify(KENJI));
        const element = await renderInConsoleOnJane({ tabId: 'tab0', recordId: JANE_ID });
        await focusTab({ tabId: 'tab1', recordId: KENJI_ID }, 'tab0');

        expect(startLookup).toHaveBeenCalledTimes(2);
        expect(startLookup).toHaveBeenLastCalledWith({ recordId: KENJI_ID, profileId: null, refresh: false });
        expect(deepText(element)).toContain('Kenji Sato');
        expect(deepText(element)).not.toContain('Jane Doe');
    });

    it('does not look up the same record twice when the page and the tab agree', async () => {
        startLookup.mockResolvedValue(JSON.stringify(JANE));
        await renderInConsoleOnJane({ tabId: 'tab0', recordId: JANE_ID });
        await focusTab({ tabId: 'tab0', recordId: JANE_ID }, 'tab0');

        expect(startLookup).toHaveBeenCalledTimes(1);
    });

    it('ignores a late answer for the record the agent already left', async () => {
        let answerJane;
        startLookup.mockReturnValueOnce(new Promise((resolve) => (answerJane = resolve))).mockResolvedValueOnce(JSON.stringify(KENJI));
        const element = await renderInConsoleOnJane({ tabId: 'tab0', recordId: JANE_ID });
        await focusTab({ tabId: 'tab1', recordId: KENJI_ID }, 'tab0');
        answerJane(JSON.stringify(JANE));
        await flushPromises();

        expect(deepText(element)).toContain('Kenji Sato');
        expect(deepText(element)).not.toContain('Jane Doe');
    });

    it('uses the current page outside a console app', async () => {
        startLookup.mockResolvedValue(JSON.stringify(KENJI));
        await renderUtilityCard();
        IsConsoleNavigation.emit(false);
        CurrentPageReference.emit(recordPage(KENJI_ID, 'Lead'));
        await settle();

        expect(getFocusedTabInfo).not.toHaveBeenCalled();
        expect(startLookup).toHaveBeenCalledWith({ recordId: KENJI_ID, profileId: null, refresh: false });
    });

    it('stops listening to tab focus when removed', async () => {
        subscribe.mockReturnValueOnce({ id: 'subscription-1' });
        const element = await renderUtilityCard();
        document.body.removeChild(element);
        expect(unsubscribe).toHaveBeenCalledWith({ id: 'subscription-1' });
    });

    it('uses the record page recordId, not the console, when it has one', async () => {
        startLookup.mockResolvedValue(JSON.stringify(JANE));
        const element = await renderUtilityCard({ recordId: JANE_ID, objectApiName: 'Contact' });
        expect(queryDeep(element, 'c-console-record-tracker')).toHaveLength(0);
        expect(subscribe).not.toHaveBeenCalled();
    });

    describe('whichever wire provisions first', () => {
        // The workspace tab shows Jane's Contact; its focused subtab shows Kenji's Lead.
        const subtab = { tabId: 'tab0_sub1', isSubtab: true, recordId: KENJI_ID, pageReference: recordPage(KENJI_ID, 'Lead') };

        it('finds the focused subtab when the console flag comes first', async () => {
            startLookup.mockResolvedValue(JSON.stringify(KENJI));
            getFocusedTabInfo.mockResolvedValue(subtab);
            const element = await renderUtilityCard();
            IsConsoleNavigation.emit(true);
            CurrentPageReference.emit(recordPage(JANE_ID, 'Contact'));
            await settle();

            expect(startLookup).toHaveBeenCalledTimes(1);
            expect(startLookup).toHaveBeenCalledWith({ recordId: KENJI_ID, profileId: null, refresh: false });
            expect(deepText(element)).toContain('Kenji Sato');
        });

        it('finds the focused subtab when the page reference comes first', async () => {
            startLookup.mockResolvedValue(JSON.stringify(KENJI));
            getFocusedTabInfo.mockResolvedValue(subtab);
            const element = await renderUtilityCard();
            CurrentPageReference.emit(recordPage(JANE_ID, 'Contact'));
            IsConsoleNavigation.emit(true);
            await settle();

            expect(startLookup).toHaveBeenCalledTimes(1);
            expect(startLookup).toHaveBeenCalledWith({ recordId: KENJI_ID, profileId: null, refresh: false });
            expect(deepText(element)).toContain('Kenji Sato');
        });

        it('still finds the subtab when the console flag comes long after the page reference', async () => {
            startLookup.mockResolvedValueOnce(JSON.stringify(JANE)).mockResolvedValueOnce(JSON.stringify(KENJI));
            getFocusedTabInfo.mockResolvedValue(subtab);
            const element = await renderUtilityCard();
            CurrentPageReference.emit(recordPage(JANE_ID, 'Contact'));
            await settle();
            IsConsoleNavigation.emit(true);
            await settle();

            expect(startLookup).toHaveBeenLastCalledWith({ recordId: KENJI_ID, profileId: null, refresh: false });
            expect(deepText(element)).toContain('Kenji Sato');
            expect(deepText(element)).not.toContain('Jane Doe');
        });
    });

    it('looks up only the record the agent stops on when tabs are switched quickly', async () => {
        startLookup.mockResolvedValue(JSON.stringify(KENJI));
        getFocusedTabInfo.mockResolvedValue({ tabId: 'tab0', recordId: JANE_ID });
        await renderUtilityCard();
        IsConsoleNavigation.emit(true);
        CurrentPageReference.emit(recordPage(JANE_ID, 'Contact'));
        const onTabFocused = subscribe.mock.calls[0][2];
        // Three tab switches, 100 ms apart: each within the settle time of the one before.
        const switchTo = async (tabId, recordId) => {
            await jest.advanceTimersByTimeAsync(100);
            getFocusedTabInfo.mockResolvedValue({ tabId, recordId });
            onTabFocused({ currentTabId: tabId });
        };
        await switchTo('tab1', '5008c00001CsHouAAF');
        await switchTo('tab2', '00Q8c00000UnKnwEAF');
        await switchTo('tab3', KENJI_ID);
        await settle();

        expect(startLookup).toHaveBeenCalledTimes(1);
        expect(startLookup).toHaveBeenCalledWith({ recordId: KENJI_ID, profileId: null, refresh: false });
    });

    describe('records without a customer', () => {
        it('says quietly that an Opportunity is not a customer record, without calling Apex', async () => {
            getFocusedTabInfo.mockResolvedValue({
                tabId: 'tab0',
                recordId: OPPORTUNITY_ID,
                pageReference: recordPage(OPPORTUNITY_ID, 'Opportunity')
            });
            const element = await renderUtilityCard();
            IsConsoleNavigation.emit(true);
            CurrentPageReference.emit(recordPage(OPPORTUNITY_ID, 'Opportunity'));
            await settle();

            expect(startLookup).not.toHaveBeenCalled();
            expect(deepText(element)).toContain(LABELS.CAH_NotCustomerTitle);
            expect(deepText(element)).toContain(LABELS.CAH_NotCustomerBody);
            expect(deepText(element)).not.toContain(LABELS.CAH_AdminTitle);
            expect(queryDeep(element, '[role="status"]').length).toBeGreaterThan(0);
            expect(queryDeep(element, '[role="alert"]')).toHaveLength(0);
        });

        it('says the same for a business Account, reading only whether it is a person account', async () => {
            getFocusedTabInfo.mockResolvedValue({ tabId: 'tab0', recordId: ACCOUNT_ID, pageReference: recordPage(ACCOUNT_ID, 'Account') });
            const element = await renderUtilityCard();
            IsConsoleNavigation.emit(true);
            CurrentPageReference.emit(recordPage(ACCOUNT_ID, 'Account'));
            await settle();
            expect(getRecord.getLastConfig()).toEqual({ recordId: ACCOUNT_ID, optionalFields: ['Account.IsPersonAccount'] });
            getRecord.emit({ id: ACCOUNT_ID, fields: { IsPersonAccount: { value: false } } });
            await flushPromises();

            expect(startLookup).not.toHaveBeenCalled();
            expect(deepText(element)).toContain(LABELS.CAH_NotCustomerTitle);
        });

        it('treats an Account as a business Account in an org without Person Accounts (no such field)', async () => {
            getFocusedTabInfo.mockResolvedValue({ tabId: 'tab0', recordId: ACCOUNT_ID });
            const element = await renderUtilityCard();
            IsConsoleNavigation.emit(true);
            CurrentPageReference.emit(recordPage(ACCOUNT_ID, 'Account'));
            await settle();
            getRecord.emit({ id: ACCOUNT_ID, fields: {} });
            await flushPromises();

            expect(startLookup).not.toHaveBeenCalled();
            expect(deepText(element)).toContain(LABELS.CAH_NotCustomerTitle);
        });

        it('looks up a person Account', async () => {
            startLookup.mockResolvedValue(JSON.stringify(JANE));
            getFocusedTabInfo.mockResolvedValue({ tabId: 'tab0', recordId: ACCOUNT_ID, pageReference: recordPage(ACCOUNT_ID, 'Account') });
            const element = await renderUtilityCard();
            IsConsoleNavigation.emit(true);
            CurrentPageReference.emit(recordPage(ACCOUNT_ID, 'Account'));
            await settle();
            getRecord.emit({ id: ACCOUNT_ID, fields: { IsPersonAccount: { value: true } } });
            await flushPromises();

            expect(startLookup).toHaveBeenCalledWith({ recordId: ACCOUNT_ID, profileId: null, refresh: false });
            expect(deepText(element)).toContain('Jane Doe');
        });

        it("clears the previous customer's card when the agent moves on to an Opportunity", async () => {
            startLookup.mockResolvedValue(JSON.stringify(JANE));
            const element = await renderInConsoleOnJane({ tabId: 'tab0', recordId: JANE_ID });
            expect(deepText(element)).toContain('Jane Doe');
            await focusTab({ tabId: 'tab1', recordId: OPPORTUNITY_ID, pageReference: recordPage(OPPORTUNITY_ID, 'Opportunity') }, 'tab0');

            expect(startLookup).toHaveBeenCalledTimes(1);
            expect(deepText(element)).not.toContain('Jane Doe');
            expect(deepText(element)).toContain(LABELS.CAH_NotCustomerTitle);
        });
    });
});
