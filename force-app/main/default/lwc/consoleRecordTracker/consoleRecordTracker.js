import { LightningElement, wire } from 'lwc';
import { CurrentPageReference } from 'lightning/navigation';
import { getRecord } from 'lightning/uiRecordApi';
import { IsConsoleNavigation, getFocusedTabInfo } from 'lightning/platformWorkspaceApi';
import { APPLICATION_SCOPE, MessageContext, subscribe, unsubscribe } from 'lightning/messageService';
import TAB_FOCUSED from '@salesforce/messageChannel/lightning__tabFocused';

/** Key prefixes of the objects the card knows, for tabs whose page reference names no object. */
const PREFIX_OBJECT = { '003': 'Contact', '00Q': 'Lead', 500: 'Case', '001': 'Account' };

/** Objects whose records have a customer; Accounts only when they are person accounts. */
const CUSTOMER_OBJECTS = new Set(['Case', 'Contact', 'Lead']);

/**
 * Read as an optional field: orgs without Person Accounts have no IsPersonAccount, and an optional field that
 * does not exist is left out instead of failing the whole record (getRecord, lightning/uiRecordApi).
 */
const IS_PERSON_ACCOUNT = 'Account.IsPersonAccount';

/**
 * Quiet time after the last navigation signal before the focused record is worked out: quick tab switches and
 * the signals one switch sends (page reference, console flag, tab focus) become one look-up, not one each.
 */
const SETTLE_MS = 300;

/**
 * Markup-free helper for the utility bar, where no recordId is injected: works out which record the agent
 * is looking at (the focused console tab, or the current page outside a console) and fires `recordchange`
 * with `{ recordId, objectApiName, isCustomer }` whenever it changes. `isCustomer` is false for records that
 * have no customer (an Opportunity, a business Account), so the card can say so without calling Apex.
 * All console and navigation APIs live here.
 */
export default class ConsoleRecordTracker extends LightningElement {
    @wire(MessageContext) messageContext;

    isConsoleNavigation;
    pageReference;
    subscription;
    settleTimer;
    current = { recordId: undefined };
    /** Page changes and tab focus events can overlap; only the latest resolution may publish. */
    seq = 0;
    /** The Account whose IsPersonAccount is being read, and the resolution waiting for it. */
    accountId;
    accountSeq;
    /** Account id -> whether it is a person account, as read so far. */
    personAccounts = new Map();

    // A wired function, not a property: wire adapters provision in no guaranteed order, and the focused subtab can
    // only be asked for once the console flag is known, so its arrival starts a resolution too.
    @wire(IsConsoleNavigation)
    wiredConsoleNavigation(isConsole) {
        this.isConsoleNavigation = isConsole;
        this.scheduleResolve();
    }

    @wire(CurrentPageReference)
    wiredPageReference(pageReference) {
        this.pageReference = pageReference;
        this.scheduleResolve();
    }

    @wire(getRecord, { recordId: '$accountId', optionalFields: [IS_PERSON_ACCOUNT] })
    wiredAccount({ data, error }) {
        if (!data && !error) {
            return;
        }
        // An Account the agent cannot read, or a business Account, has no customer to show.
        const isPersonAccount = data?.fields?.IsPersonAccount?.value === true;
        this.personAccounts.set(this.accountId, isPersonAccount);
        if (this.accountSeq === this.seq) {
            this.publish({ recordId: this.accountId, objectApiName: 'Account', isCustomer: isPersonAccount });
        }
    }

    connectedCallback() {
        // Subtab focus changes do not always change the page reference, so listen to the console event too.
        this.subscription = subscribe(this.messageContext, TAB_FOCUSED, () => this.scheduleResolve(), {
            scope: APPLICATION_SCOPE
        });
    }

    disconnectedCallback() {
        unsubscribe(this.subscription);
        this.subscription = undefined;
        clearTimeout(this.settleTimer);
    }

    scheduleResolve() {
        clearTimeout(this.settleTimer);
        // eslint-disable-next-line @lwc/lwc/no-async-operation
        this.settleTimer = setTimeout(() => this.resolve(), SETTLE_MS);
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
        if (seq !== this.seq) {
            return;
        }
        if (record?.objectApiName === 'Account') {
            const known = this.personAccounts.get(record.recordId);
            if (known !== undefined) {
                this.publish({ ...record, isCustomer: known });
                return;
            }
            // Person or business Account: the wired getRecord answers, for the latest resolution only.
            this.accountSeq = seq;
            this.accountId = record.recordId;
            return;
        }
        this.publish(
            record
                ? { ...record, isCustomer: CUSTOMER_OBJECTS.has(record.objectApiName) }
                : { recordId: undefined, objectApiName: undefined, isCustomer: false }
        );
    }

    publish(record) {
        if (record.recordId === this.current.recordId && record.isCustomer === this.current.isCustomer) {
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
