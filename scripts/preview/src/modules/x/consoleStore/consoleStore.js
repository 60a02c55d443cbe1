/**
 * The preview console's workspace: which records are open as tabs and which tab has focus. The page app,
 * the preview `lightning/platformWorkspaceApi` and `lightning/navigation` all read and change this one
 * store, so a card in the utility bar sees exactly what the agent sees.
 */
import { publish } from 'lightning/messageService';
import TAB_FOCUSED from '@salesforce/messageChannel/lightning__tabFocused';
import TAB_CLOSED from '@salesforce/messageChannel/lightning__tabClosed';
import TAB_CREATED from '@salesforce/messageChannel/lightning__tabCreated';

const OBJECT_ICONS = { Case: 'standard:case', Contact: 'standard:contact', Lead: 'standard:lead' };

const state = { records: new Map(), tabs: [], focusedTabId: null };
const listeners = new Set();

function notify() {
    for (const listener of [...listeners]) {
        listener();
    }
}

/** Records the console can open: `{ id, objectApiName, title }` (from the preview server's CRM data). */
export function setRecords(records) {
    state.records = new Map(records.map((r) => [r.id, r]));
}

export function getState() {
    return { tabs: state.tabs.map((t) => ({ ...t })), focusedTabId: state.focusedTabId };
}

export function getRecord(recordId) {
    return state.records.get(recordId) ?? null;
}

/** Calls `listener` after every tab change; returns the function that stops it. */
export function onChange(listener) {
    listeners.add(listener);
    return () => listeners.delete(listener);
}

function tabIdFor(recordId) {
    return `ctab-${recordId}`;
}

/** Opens the record in a tab (or reuses its tab) and focuses it unless `focus` is false; returns the tab id. */
export function openRecord(recordId, { focus = true } = {}) {
    const record = state.records.get(recordId);
    if (!record) {
        return null;
    }
    const tabId = tabIdFor(recordId);
    if (!state.tabs.some((t) => t.tabId === tabId)) {
        state.tabs = [...state.tabs, { tabId, recordId, objectApiName: record.objectApiName, title: record.title }];
        publish(null, TAB_CREATED, { tabId });
    }
    if (focus) {
        focusTab(tabId);
    } else {
        notify();
    }
    return tabId;
}

export function focusTab(tabId) {
    if (!state.tabs.some((t) => t.tabId === tabId)) {
        return false;
    }
    const previousTabId = state.focusedTabId;
    state.focusedTabId = tabId;
    notify();
    if (previousTabId !== tabId) {
        publish(null, TAB_FOCUSED, { tabId, previousTabId });
    }
    return true;
}

/** Closes a tab; focus moves to the neighbour on the left (or right), as the console does. */
export function closeTab(tabId) {
    const index = state.tabs.findIndex((t) => t.tabId === tabId);
    if (index < 0) {
        return false;
    }
    state.tabs = state.tabs.filter((t) => t.tabId !== tabId);
    publish(null, TAB_CLOSED, { tabId });
    if (state.focusedTabId === tabId) {
        const next = state.tabs[Math.max(index - 1, 0)];
        state.focusedTabId = null;
        if (next) {
            focusTab(next.tabId);
            return true;
        }
        publish(null, TAB_FOCUSED, { tabId: null, previousTabId: tabId });
    }
    notify();
    return true;
}

export function pageReferenceOf(tabId) {
    const tab = state.tabs.find((t) => t.tabId === tabId);
    if (!tab) {
        return { type: 'standard__navItemPage', attributes: { apiName: 'standard-home' }, state: {} };
    }
    return {
        type: 'standard__recordPage',
        attributes: { recordId: tab.recordId, objectApiName: tab.objectApiName, actionName: 'view' },
        state: {}
    };
}

/** The tab as `getTabInfo` describes it in a Lightning console. */
export function tabInfo(tabId) {
    const tab = state.tabs.find((t) => t.tabId === tabId);
    if (!tab) {
        return null;
    }
    const url = new URL(window.location.href);
    url.searchParams.set('record', tab.recordId);
    return {
        tabId: tab.tabId,
        url: url.toString(),
        pageReference: pageReferenceOf(tab.tabId),
        recordId: tab.recordId,
        title: tab.title,
        icon: OBJECT_ICONS[tab.objectApiName] ?? 'standard:record',
        iconAlt: tab.objectApiName,
        isSubtab: false,
        parentTabId: null,
        focused: tab.tabId === state.focusedTabId,
        pinned: false,
        closeable: true,
        highlighted: false,
        customTitle: null,
        customIcon: null,
        subtabs: []
    };
}
