import { LightningElement } from 'lwc';
import { CURRENT_LOCALE } from '../../../../platform/previewLocale.js';
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
    stopWatching;

    connectedCallback() {
        const params = new URLSearchParams(window.location.search);
        this.layout = LAYOUTS[params.get('layout')] ? params.get('layout') : 'record';
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

    handleTabClick(event) {
        event.preventDefault();
        focusTab(event.currentTarget.dataset.tabId);
    }

    handleTabClose(event) {
        event.stopPropagation();
        closeTab(event.currentTarget.dataset.tabId);
    }
}
