import { LightningElement, api } from 'lwc';
import { isSectionOpen, rememberSection } from 'c/profileSectionState';

/**
 * One collapsible section of the card (SLDS expandable section, https://www.lightningdesignsystem.com/components/expandable-section/):
 * a heading button that opens and closes it, an optional count and "as of" note, and the section's content in the
 * slot, hidden while closed. The agent's choice is remembered per user and card placement (c/profileSectionState).
 */
export default class ProfileSection extends LightningElement {
    /** Section name: the key of the remembered state and the data-section attribute tests and styles use. */
    @api name;
    @api label;
    /** Shown next to the heading, e.g. the number of audiences; hidden when null. */
    @api count;
    /** A short note under the heading, e.g. "Scored Nov 19, 2026"; hidden when empty. */
    @api note;
    /** The card placement (layout) whose remembered state applies. */
    @api placement = 'full';
    @api defaultOpen = false;

    open = false;

    connectedCallback() {
        this.open = isSectionOpen(this.placement, this.name, this.defaultOpen === true);
    }

    get sectionClass() {
        return `slds-section${this.open ? ' slds-is-open' : ''}`;
    }

    get closed() {
        return !this.open;
    }

    get expanded() {
        return this.open ? 'true' : 'false';
    }

    get hasCount() {
        return this.count !== null && this.count !== undefined && this.count !== '';
    }

    handleToggle() {
        this.open = !this.open;
        rememberSection(this.placement, this.name, this.open);
    }
}
