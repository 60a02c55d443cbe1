import { createElement } from 'lwc';
import CustomerProfileCard from 'c/customerProfileCard';
import startLookup from '@salesforce/apexContinuation/CustomerProfileController.startLookup';
import { CurrentPageReference } from 'lightning/navigation';
import { IsConsoleNavigation, getFocusedTabInfo } from 'lightning/platformWorkspaceApi';
import { APPLICATION_SCOPE, subscribe, unsubscribe } from 'lightning/messageService';
import { deepText, flushPromises, queryDeep } from '../../../../../test/jest-mocks/domUtils';
import { labelsFor } from '../../../../../test/jest-mocks/labels';

jest.mock('@salesforce/apexContinuation/CustomerProfileController.startLookup', () => ({ default: jest.fn() }), {
    virtual: true
});

const JANE = require('./data/janeDoe.json');
const KENJI = require('./data/kenjiSato.json');
const LABELS = labelsFor('en_US');

const JANE_ID = '0038c00002JaneDAAR';
const KENJI_ID = '00Q8c00000KSatoEAD';

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
    await flushPromises();
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
    await flushPromises();
}

function sectionNames(element) {
    return queryDeep(element, 'div.section').map((section) => section.dataset.section);
}

describe('c-customer-profile-card in the utility bar', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it('asks for a record while no record page is focused', async () => {
        getFocusedTabInfo.mockResolvedValue({ tabId: 'tab0', pageReference: { type: 'standard__navItemPage' } });
        const element = await renderUtilityCard();
        IsConsoleNavigation.emit(true);
        CurrentPageReference.emit({ type: 'standard__navItemPage', attributes: { apiName: 'Home' } });
        await flushPromises();

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
        expect(sectionNames(element).slice(0, 3)).toEqual(['keyFigures', 'audiences', 'events']);
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
        await flushPromises();

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
});
