import { LightningElement, api } from 'lwc';

/** The record page's highlights panel: object icon, type, title and the compact-layout fields. */
export default class RecordHighlights extends LightningElement {
    @api record;

    get icon() {
        return `standard:${this.record.objectApiName.toLowerCase()}`;
    }

    get fields() {
        return this.record.highlights.map((f, index) => ({ ...f, key: `${index}-${f.label}` }));
    }
}
