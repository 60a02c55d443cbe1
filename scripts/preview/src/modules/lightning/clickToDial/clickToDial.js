import { LightningElement, api } from 'lwc';

/**
 * Preview of `lightning-click-to-dial` (https://developer.salesforce.com/docs/platform/lightning-component-reference/guide/lightning-click-to-dial),
 * which the alpha lightning-base-components build does not ship. Without an enabled phone system (Open CTI
 * enableClickToDial) Salesforce shows the number as plain text; the preview has no softphone, so it does the same.
 */
export default class ClickToDial extends LightningElement {
    @api value;
    @api recordId;
    @api params;
}
