import { LightningElement, api } from 'lwc';
import { LABELS } from 'c/profileLabels';

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
const CHANNEL_LABEL = { email: 'Email', sms: 'ChannelSms', call: 'ChannelCall', push: 'ChannelPush', any: 'ChannelAny' };

/** Emails, phones, postal address (when permitted) and marketing consent. */
export default class ProfileContactPoints extends LightningElement {
    @api contactPoints;

    labels = LABELS;

    kindLabel(kind) {
        return this.labels[`Kind${kind.charAt(0).toUpperCase()}${kind.slice(1)}`] ?? kind;
    }

    get emails() {
        return (this.contactPoints?.emails ?? []).map((email, index) => ({
            key: `email-${index}`,
            value: email.address,
            kind: this.kindLabel(email.kind),
            primary: email.primary
        }));
    }

    get phones() {
        return (this.contactPoints?.phones ?? []).map((phone, index) => ({
            key: `phone-${index}`,
            value: phone.number,
            kind: this.kindLabel(phone.kind),
            primary: phone.primary
        }));
    }

    get address() {
        const a = this.contactPoints?.address;
        if (!a) {
            return null;
        }
        const lines = [a.street, [a.postalCode, a.city].filter(Boolean).join(' '), a.stateProvince, a.country];
        return lines.filter(Boolean).join(', ') || null;
    }

    get consents() {
        const consent = this.contactPoints?.marketingConsent ?? {};
        return Object.keys(consent).map((channel) => ({
            channel,
            text: `${this.labels[CHANNEL_LABEL[channel]] ?? channel}: ${this.labels[CONSENT_LABEL[String(consent[channel]).toLowerCase()]] ?? consent[channel]}`
        }));
    }

    get preferredChannel() {
        return this.contactPoints?.preferredChannel;
    }

    get isEmpty() {
        return !this.emails.length && !this.phones.length && !this.address && !this.consents.length;
    }
}
