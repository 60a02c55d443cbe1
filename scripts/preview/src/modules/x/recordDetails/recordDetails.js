import { LightningElement, api } from 'lwc';

/** Read-only record detail section, the way a record page's Details tab lays fields out in two columns. */
export default class RecordDetails extends LightningElement {
    @api record;

    get fields() {
        return this.record.details.map((f, index) => ({ ...f, key: `${index}-${f.label}`, display: f.value ?? '' }));
    }
}
