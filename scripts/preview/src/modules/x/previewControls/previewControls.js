import { LightningElement, api } from 'lwc';
import { CURRENT_LOCALE, LOCALES } from '../../../../platform/previewLocale.js';
import { CURRENT_SCENARIO, SCENARIOS } from '../../../../platform/previewScenario.js';

/** The record a scenario is about, when it is about a particular record (records.json). */
const SCENARIO_RECORD = { noIdentity: '00Q8c00000NoIdnEAF' };

const LAYOUT_OPTIONS = [
    { label: 'Record page (side panel)', value: 'record' },
    { label: 'Utility bar', value: 'utility' },
    { label: 'Lead / sales layout', value: 'sales' }
];

/** Preview-only toolbar (not part of Salesforce): pick the record, where the card sits, the user language and a scenario. */
export default class PreviewControls extends LightningElement {
    @api records = [];
    @api recordId;
    @api layout;
    @api source;

    layoutOptions = LAYOUT_OPTIONS;
    // Native selects: lightning-combobox needs attachInternals, which synthetic shadow does not support.
    localeOptions = LOCALES.map((l) => ({ label: `${l.name} (${l.key})`, value: l.key, selected: l.key === CURRENT_LOCALE.key }));
    scenarioOptions = SCENARIOS.map((s) => ({ label: s.name, value: s.key, selected: s.key === CURRENT_SCENARIO.key }));

    get recordOptions() {
        return this.records.map((r) => ({ label: `${r.objectLabel}: ${r.switcherLabel}`, value: r.id, selected: r.id === this.recordId }));
    }

    get sourceText() {
        return this.source === 'org'
            ? 'Identity fields read from your Salesforce org (jsforce)'
            : 'Local CRM data set (scripts/preview/crm/records.json)';
    }

    handleRecordChange(event) {
        this.dispatchEvent(new CustomEvent('recordselect', { detail: { recordId: event.target.value } }));
    }

    handleLayoutChange(event) {
        this.dispatchEvent(new CustomEvent('layoutselect', { detail: { layout: event.detail.value } }));
    }

    handleScenarioChange(event) {
        const scenario = event.target.value;
        this.dispatchEvent(new CustomEvent('scenarioselect', { detail: { scenario, recordId: SCENARIO_RECORD[scenario] ?? null } }));
    }

    handleLocaleChange(event) {
        this.dispatchEvent(new CustomEvent('localeselect', { detail: { locale: event.target.value } }));
    }
}
