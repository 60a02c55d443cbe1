/**
 * Preview of `lightning/navigation`: the current page is the focused console tab's record page, and
 * navigating to a record page opens (or focuses) its tab. Other page types open in a new window.
 */
import { getState, onChange, openRecord, pageReferenceOf } from 'x/consoleStore';

export class CurrentPageReference {
    constructor(dataCallback) {
        this.dataCallback = dataCallback;
        this.stop = undefined;
    }

    emit() {
        this.dataCallback(pageReferenceOf(getState().focusedTabId));
    }

    connect() {
        this.emit();
        this.stop = onChange(() => this.emit());
    }

    update() {}

    disconnect() {
        this.stop?.();
        this.stop = undefined;
    }
}

const Navigate = Symbol('Navigate');
const GenerateUrl = Symbol('GenerateUrl');

function urlFor(pageReference) {
    if (pageReference?.type === 'standard__webPage') {
        return pageReference.attributes?.url ?? null;
    }
    if (pageReference?.type === 'standard__recordPage' && pageReference.attributes?.recordId) {
        const url = new URL(window.location.href);
        url.searchParams.set('record', pageReference.attributes.recordId);
        return url.toString();
    }
    return null;
}

export const NavigationMixin = (Base) =>
    class extends Base {
        [Navigate](pageReference) {
            if (pageReference?.type === 'standard__recordPage') {
                openRecord(pageReference.attributes?.recordId, { focus: true });
                return;
            }
            const url = urlFor(pageReference);
            if (url) {
                window.open(url, '_blank', 'noopener');
            }
        }

        [GenerateUrl](pageReference) {
            return Promise.resolve(urlFor(pageReference));
        }
    };
NavigationMixin.Navigate = Navigate;
NavigationMixin.GenerateUrl = GenerateUrl;
