/**
 * Preview of `lightning/platformWorkspaceApi`: the preview console's workspace tabs (x/consoleStore) seen
 * through the same API a component uses in a Lightning console app. The focused tab is the record the
 * preview shows, so a utility-bar card follows it like it follows the focused tab in Service Console.
 */
import { closeTab as closeStoreTab, focusTab as focusStoreTab, getState, onChange, openRecord, tabInfo } from 'x/consoleStore';

export class IsConsoleNavigation {
    constructor(dataCallback) {
        this.dataCallback = dataCallback;
    }

    connect() {
        this.dataCallback(true);
    }

    update() {}

    disconnect() {}
}

/** The tab a component sits in: the focused tab when it was created (record pages), none in the utility bar. */
export class EnclosingTabId {
    constructor(dataCallback) {
        this.dataCallback = dataCallback;
    }

    connect() {
        this.dataCallback(getState().focusedTabId ?? null);
    }

    update() {}

    disconnect() {}
}

function findTab(tabId) {
    const info = tabInfo(tabId);
    if (!info) {
        return Promise.reject(new Error(`No tab with id ${tabId}`));
    }
    return Promise.resolve(info);
}

export function isConsoleNavigation() {
    return Promise.resolve(true);
}

export function getFocusedTabInfo() {
    const { focusedTabId } = getState();
    return focusedTabId ? findTab(focusedTabId) : Promise.reject(new Error('No tab is focused'));
}

export function getTabInfo(tabId) {
    return findTab(tabId);
}

export function getAllTabInfo() {
    return Promise.resolve(getState().tabs.map((tab) => tabInfo(tab.tabId)));
}

export function openTab({ recordId, pageReference, focus = true } = {}) {
    const id = recordId ?? pageReference?.attributes?.recordId;
    const tabId = openRecord(id, { focus });
    return tabId ? Promise.resolve(tabId) : Promise.reject(new Error(`The preview has no record ${id}`));
}

export function focusTab(tabId) {
    return focusStoreTab(tabId) ? Promise.resolve() : Promise.reject(new Error(`No tab with id ${tabId}`));
}

export function closeTab(tabId) {
    return closeStoreTab(tabId) ? Promise.resolve() : Promise.reject(new Error(`No tab with id ${tabId}`));
}

export function refreshTab(tabId) {
    return findTab(tabId).then(() => undefined);
}

export function setTabLabel(tabId) {
    return findTab(tabId).then(() => undefined);
}

export function setTabIcon(tabId) {
    return findTab(tabId).then(() => undefined);
}

export function setTabHighlighted(tabId) {
    return findTab(tabId).then(() => undefined);
}

export { onChange as onWorkspaceChange };
