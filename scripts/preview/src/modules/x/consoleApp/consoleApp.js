import { LightningElement } from 'lwc';
import { CURRENT_LOCALE } from '../../../../platform/previewLocale.js';
import { CURRENT_SCENARIO } from '../../../../platform/previewScenario.js';
import { closeTab, focusTab, getRecord, getState, onChange, openRecord, setRecords } from 'x/consoleStore';

/** Page layouts the preview can show the card in. */
const LAYOUTS = {
    record: { app: 'Service Console', cardPlacement: 'side', cardLayout: 'auto' },
    utility: { app: 'Service Console', cardPlacement: 'utility', cardLayout: 'auto' },
    sales: { app: 'Sales Console', cardPlacement: 'main', cardLayout: 'sales' }
};

/**
 * The preview's Service Cloud console: global header, workspace tabs, the focused record's page (highlights
 * panel + details) and the customer profile card where an admin would put it. Record, layout and locale live
 * in the URL so every view can be linked and reloaded.
 */
export default class ConsoleApp extends LightningElement {
    records = [];
    source;
    loadError;
    tabs = [];
    focusedTabId;
    layout = 'record';
    /** Width of the record page's side region in px (`?sideWidth=400`), to see the card at a narrow panel's width. */
    sideWidth = null;
    stopWatching;

    connectedCallback() {
        const params = new URLSearchParams(window.location.search);
        this.layout = LAYOUTS[params.get('layout')] ? params.get('layout') : 'record';
        const sideWidth = Number(params.get('sideWidth'));
        this.sideWidth = Number.isInteger(sideWidth) && sideWidth >= 280 && sideWidth <= 1200 ? sideWidth : null;
        document.documentElement.lang = CURRENT_LOCALE.lang;
        this.stopWatching = onChange(() => this.syncFromStore());
        this.loadRecords(params.get('record'));
    }

    disconnectedCallback() {
        this.stopWatching?.();
    }

    async loadRecords(requestedId) {
        try {
            const response = await fetch('/preview/api/records');
            const payload = await response.json();
            if (!response.ok) {
                throw new Error(payload?.error?.message ?? `HTTP ${response.status}`);
            }
            this.records = payload.records;
            this.source = payload.source;
            setRecords(this.records);
            const first = this.records.find((r) => r.id === requestedId) ?? this.records[0];
            if (first) {
                openRecord(first.id);
            }
        } catch (e) {
            this.loadError = `The preview server did not return the CRM records: ${e.message}`;
        }
    }

    syncFromStore() {
        const { tabs, focusedTabId } = getState();
        this.tabs = tabs;
        this.focusedTabId = focusedTabId;
        this.writeUrl();
    }

    writeUrl() {
        const url = new URL(window.location.href);
        const record = this.focusedRecord;
        if (record) {
            url.searchParams.set('record', record.id);
        } else {
            url.searchParams.delete('record');
        }
        url.searchParams.set('layout', this.layout);
        url.searchParams.set('locale', CURRENT_LOCALE.key);
        url.searchParams.set('scenario', CURRENT_SCENARIO.key);
        window.history.replaceState(null, '', url.toString());
    }

    get focusedRecord() {
        const tab = this.tabs.find((t) => t.tabId === this.focusedTabId);
        return tab ? getRecord(tab.recordId) : null;
    }

    get focusedRecordId() {
        return this.focusedRecord?.id;
    }

    get layoutConfig() {
        return LAYOUTS[this.layout];
    }

    get appName() {
        return this.layoutConfig.app;
    }

    get workspaceTabs() {
        return this.tabs.map((tab) => {
            const focused = tab.tabId === this.focusedTabId;
            return {
                ...tab,
                icon: `standard:${tab.objectApiName.toLowerCase()}`,
                itemClass: `slds-context-bar__item slds-context-bar__object-menu preview-tab${focused ? ' slds-is-active' : ''}`,
                focused,
                closeLabel: `Close ${tab.title}`
            };
        });
    }

    get hasRecord() {
        return Boolean(this.focusedRecord);
    }

    /** One entry per focused record: a new key gives the card a fresh instance, like a new console tab page. */
    get pageCards() {
        const record = this.focusedRecord;
        return record ? [{ key: `${record.id}-${this.layout}`, recordId: record.id, objectApiName: record.objectApiName }] : [];
    }

    get cardInSide() {
        return this.layoutConfig.cardPlacement === 'side';
    }

    get cardInMain() {
        return this.layoutConfig.cardPlacement === 'main';
    }

    get cardInUtility() {
        return this.layoutConfig.cardPlacement === 'utility';
    }

    get cardLayout() {
        return this.layoutConfig.cardLayout;
    }

    get pageClass() {
        return `record-page record-page_${this.layout}`;
    }

    /** The side region at a fixed width (a narrow side panel); otherwise the page's 5/12 column. */
    get sideClass() {
        return this.sideWidth ? 'slds-col region-side' : 'slds-col slds-size_1-of-1 slds-large-size_5-of-12 region-side';
    }

    get columnsClass() {
        return `slds-grid slds-gutters_x-small page-columns${this.sideWidth ? '' : ' slds-wrap'}`;
    }

    get sideStyle() {
        return this.sideWidth ? `flex: 0 0 ${this.sideWidth}px; max-width: ${this.sideWidth}px;` : '';
    }

    get mainClass() {
        return this.sideWidth ? 'slds-col region-main main-flex' : 'slds-col slds-size_1-of-1 slds-large-size_7-of-12 region-main';
    }

    handleRecordSelect(event) {
        openRecord(event.detail.recordId);
    }

    handleLayoutSelect(event) {
        this.layout = event.detail.layout;
        this.writeUrl();
    }

    /** The utility item opens the docked panel (utility layout); minimising it returns to the record page. */
    handleUtilityToggle(event) {
        this.layout = event.detail.open ? 'utility' : 'record';
        this.writeUrl();
    }

    handleLocaleSelect(event) {
        // Salesforce applies a new user language on the next page load; so does the preview.
        const url = new URL(window.location.href);
        url.searchParams.set('locale', event.detail.locale);
        window.location.assign(url.toString());
    }

    /** A scenario changes the user's permissions or the org's setup: like a new login, it takes a page load. */
    handleScenarioSelect(event) {
        const url = new URL(window.location.href);
        url.searchParams.set('scenario', event.detail.scenario);
        if (event.detail.recordId) {
            url.searchParams.set('record', event.detail.recordId);
        }
        window.location.assign(url.toString());
    }

    handleTabClick(event) {
        event.preventDefault();
        focusTab(event.currentTarget.dataset.tabId);
    }

    handleTabClose(event) {
        event.stopPropagation();
        closeTab(event.currentTarget.dataset.tabId);
    }
}
