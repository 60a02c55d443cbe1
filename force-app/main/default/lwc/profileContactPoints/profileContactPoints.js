import { LightningElement, api } from 'lwc';
import LOCALE from '@salesforce/i18n/locale';
import { LABELS } from 'c/profileLabels';
import { formatLabel } from 'c/profileUtils';
import { channelLabel } from 'c/profileVocabulary';

/** Labels (in c/profileLabels) per marketing consent value; AEP uses y/n plus a few rarer codes. */
const CONSENT_LABEL = {
    y: 'ConsentYes',
    n: 'ConsentNo',
    p: 'ConsentPending',
    u: 'ConsentUnknown',
    dy: 'ConsentYes',
    dn: 'ConsentNo'
};

/** Label (in c/profileLabels) per consents.marketing channel key. */
const CONSENT_CHANNEL_LABEL = { email: 'Email', sms: 'ChannelSms', call: 'ChannelCall', push: 'ChannelPush', any: 'ChannelAny' };

/** The agent's country, from the Salesforce user locale (en-US -> US); null when the locale names none. */
function agentCountry() {
    const region = String(LOCALE ?? '').split(/[-_]/)[1];
    return region && /^[A-Za-z]{2}$/.test(region) ? region.toUpperCase() : null;
}

/**
 * Emails as links (lightning-formatted-email), phones agents can dial (lightning-click-to-dial, with the org's
 * softphone), the postal address in the order of the agent's locale (lightning-formatted-address, when permitted),
 * the preferred channel and marketing consent, every value in the agent's language.
 */
export default class ProfileContactPoints extends LightningElement {
    @api contactPoints;
    /** The record the card is on: click-to-dial logs the call against it. */
    @api recordId;

    labels = LABELS;

    kindLabel(kind, primary) {
        const name = this.labels[`Kind${kind.charAt(0).toUpperCase()}${kind.slice(1)}`] ?? kind;
        return primary ? formatLabel(this.labels.KindPrimary, name) : name;
    }

    get emails() {
        return (this.contactPoints?.emails ?? []).map((email, index) => ({
            key: `email-${index}`,
            value: email.address,
            label: formatLabel(this.labels.ContactWithKind, this.labels.Email, this.kindLabel(email.kind, email.primary))
        }));
    }

    /**
     * A number in the customer's own country's format when the agent is in that country too, with its country code
     * otherwise: both are what the agent would dial. A number that is not valid E.164 stays as AEP holds it.
     */
    get phones() {
        const country = agentCountry();
        return (this.contactPoints?.phones ?? []).map((phone, index) => ({
            key: `phone-${index}`,
            value: (phone.country && phone.country === country ? phone.national : phone.international) ?? phone.number,
            label: formatLabel(this.labels.ContactWithKind, this.labels.Phone, this.kindLabel(phone.kind, phone.primary))
        }));
    }

    get address() {
        const a = this.contactPoints?.address;
        return a && Object.values(a).some(Boolean) ? a : null;
    }

    get consents() {
        const consent = this.contactPoints?.marketingConsent ?? {};
        return Object.keys(consent).map((channel) => ({
            channel,
            // "Email: yes", French "E-mail : oui": the punctuation is the label's.
            text: formatLabel(
                this.labels.ConsentLine,
                this.labels[CONSENT_CHANNEL_LABEL[channel]] ?? channel,
                this.labels[CONSENT_LABEL[String(consent[channel]).toLowerCase()]] ?? this.labels.ConsentUnknown
            )
        }));
    }

    get preferredChannel() {
        return channelLabel(this.contactPoints?.preferredChannel);
    }

    get isEmpty() {
        return !this.emails.length && !this.phones.length && !this.address && !this.consents.length;
    }
}
