import { LightningElement } from 'lwc';

/** SLDS global header look-alike; nothing in it is functional except making the page read as Salesforce. */
export default class GlobalHeader extends LightningElement {}
