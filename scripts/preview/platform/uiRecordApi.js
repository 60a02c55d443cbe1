/**
 * Preview of `lightning/uiRecordApi`'s getRecord, as far as the card uses it: the utility bar asks whether an
 * Account is a person account (optional field Account.IsPersonAccount). The preview's CRM has no Accounts, so
 * every record answers without that field, as a record of an org without Person Accounts does.
 */
export class getRecord {
    constructor(dataCallback) {
        this.dataCallback = dataCallback;
    }

    connect() {}

    update(config) {
        if (config?.recordId) {
            this.dataCallback({ data: { id: config.recordId, fields: {} }, error: undefined });
        }
    }

    disconnect() {}
}
