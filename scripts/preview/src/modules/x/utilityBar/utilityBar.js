import { LightningElement, api } from 'lwc';

/** Console utility bar with one item, the customer profile card, and its docked panel. */
export default class UtilityBar extends LightningElement {
    @api open = false;

    get itemClass() {
        return `slds-button slds-utility-bar__action${this.open ? ' slds-is-active' : ''}`;
    }

    get panelClass() {
        return `slds-utility-panel slds-grid slds-grid_vertical utility-panel${this.open ? ' slds-is-open' : ''}`;
    }

    toggle(open) {
        this.dispatchEvent(new CustomEvent('utilitytoggle', { detail: { open } }));
    }

    handleItemClick() {
        this.toggle(!this.open);
    }

    handleMinimize() {
        this.toggle(false);
    }
}
