import { LightningElement, wire } from 'lwc';
import { CurrentPageReference } from 'lightning/navigation';
import { IsConsoleNavigation, getFocusedTabInfo } from 'lightning/platformWorkspaceApi';
import { APPLICATION_SCOPE, MessageContext, subscribe, unsubscribe } from 'lightning/messageService';
import TAB_FOCUSED from '@salesforce/messageChannel/lightning__tabFocused';

/** Key prefixes of the objects the card supports, for tabs whose page reference names no object. */
const PREFIX_OBJECT = { '003': 'Contact', '00Q': 'Lead', 500: 'Case' };

/**
 * Markup-free helper for the utility bar, where no recordId is injected: works out which record the agent
 * is looking at (the focused console tab, or the current page outside a console) and fires `recordchange`
 * with `{ recordId, objectApiName }` whenever it changes. All console/navigation APIs live here.
 */
export default class ConsoleRecordTracker extends LightningElement {
    @wire(IsConsoleNavigation) isConsoleNavigation;
    @wire(MessageContext) messageContext;

    pageReference;
    subscription;
    current = { recordId: undefined, objectApiName: undefined };
    /** Page changes and tab focus events can overlap; only the latest resolution may publish. */
    seq = 0;

    @wire(CurrentPageReference)
    wiredPageReference(pageReference) {
        this.pageReference = pageReference;
        this.resolve();
    }

    connectedCallback() {
        // Subtab focus changes do not always change the page reference, so listen to the console event too.
        this.subscription = subscribe(this.messageContext, TAB_FOCUSED, () => this.resolve(), {
            scope: APPLICATION_SCOPE
        });
    }

    disconnectedCallback() {
        unsubscribe(this.subscription);
        this.subscription = undefined;
    }

    async resolve() {
        const seq = ++this.seq;
        let record = fromPageReference(this.pageReference);
        if (this.isConsoleNavigation) {
            try {
                const tab = await getFocusedTabInfo();
                record = fromTabInfo(tab) ?? record;
            } catch {
                // No focused tab (all closed): fall back to the page reference.
            }
        }
        if (seq === this.seq) {
            this.publish(record ?? { recordId: undefined, objectApiName: undefined });
        }
    }

    publish(record) {
        if (record.recordId === this.current.recordId) {
            return;
        }
        this.current = record;
        this.dispatchEvent(new CustomEvent('recordchange', { detail: { ...record } }));
    }
}

function fromPageReference(pageReference) {
    const attributes = pageReference?.attributes;
    if (pageReference?.type !== 'standard__recordPage' || !attributes?.recordId) {
        return null;
    }
    return {
        recordId: attributes.recordId,
        objectApiName: attributes.objectApiName ?? objectFromId(attributes.recordId)
    };
}

function fromTabInfo(tab) {
    const recordId = tab?.recordId ?? tab?.pageReference?.attributes?.recordId;
    if (!recordId) {
        return null;
    }
    const objectApiName = tab.pageReference?.attributes?.objectApiName ?? objectFromId(recordId);
    return { recordId, objectApiName };
}

function objectFromId(recordId) {
    return PREFIX_OBJECT[String(recordId).slice(0, 3)];
}
