/**
 * Contact points, loyalty and lifetime value: the "who and how to reach them" part of the card.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { clip, currencyOrNull, isoOrNull, numberOrNull, textOrNull } from './bound';
import { CARD_LIMITS, type CardModel } from '../contract/cardModel';
import type { ShapingConfig } from './shapingConfig';
import type { XdmReader } from './xdm';

const L = CARD_LIMITS.maxLabel;
type Emails = CardModel['contactPoints']['emails'];
type Phones = CardModel['contactPoints']['phones'];

const EMAIL_FIELDS: Array<[string, Emails[number]['kind']]> = [
    ['personalEmail', 'personal'],
    ['workEmail', 'work']
];
const PHONE_FIELDS: Array<[string, Phones[number]['kind']]> = [
    ['mobilePhone', 'mobile'],
    ['homePhone', 'home'],
    ['workPhone', 'work']
];
const CONSENT_CHANNELS = ['email', 'sms', 'call', 'push', 'any'] as const;

export function toContactPoints(xdm: XdmReader): CardModel['contactPoints'] {
    const emails: Emails = [];
    for (const [path, kind] of EMAIL_FIELDS) {
        const address = xdm.get(`${path}.address`);
        // An email cut with an ellipsis is a wrong email: too long means left out.
        if (typeof address === 'string' && address.trim() !== '' && address.trim().length <= CARD_LIMITS.maxString) {
            emails.push({ address: clip(address), kind, primary: xdm.get(`${path}.primary`) === true });
        }
    }
    const phones: Phones = [];
    for (const [path, kind] of PHONE_FIELDS) {
        const number = xdm.get(`${path}.number`);
        if (typeof number === 'string' && number.trim() !== '' && number.trim().length <= L) {
            phones.push({ number: clip(number, L), ...nationalForm(number.trim()), kind, primary: xdm.get(`${path}.primary`) === true });
        }
    }
    return {
        emails: emails.slice(0, CARD_LIMITS.emails),
        phones: phones.slice(0, CARD_LIMITS.phones),
        address: toAddress(xdm),
        marketingConsent: toConsent(xdm),
        preferredChannel: textOrNull(xdm.get('consents.marketing.preferred'), L)
    };
}

/**
 * The national form of an E.164 number ("+14155550123" -> "(415) 555-0123"), its international form and its country,
 * so an agent reads the number the way the customer says it (or with the country code, calling from abroad). Only a
 * number with its country code is formatted: guessing a country for a national number could show a wrong one.
 */
export function nationalForm(number: string): { national: string | null; international: string | null; country: string | null } {
    const none = { national: null, international: null, country: null };
    if (!number.startsWith('+')) return none;
    const parsed = parsePhoneNumberFromString(number);
    if (!parsed?.isValid()) return none;
    return {
        national: clip(parsed.formatNational(), L),
        international: clip(parsed.formatInternational(), L),
        country: parsed.country ?? null
    };
}

function toAddress(xdm: XdmReader): CardModel['contactPoints']['address'] {
    const street = [xdm.get('homeAddress.street1'), xdm.get('homeAddress.street2')]
        .map((s) => textOrNull(s))
        .filter((s): s is string => s !== null);
    const address = {
        street: street.length > 0 ? clip(street.join(', ')) : null,
        city: textOrNull(xdm.get('homeAddress.city'), L),
        stateProvince: textOrNull(xdm.get('homeAddress.stateProvince'), L),
        postalCode: textOrNull(xdm.get('homeAddress.postalCode'), L),
        country: textOrNull(xdm.get('homeAddress.country'), L) ?? textOrNull(xdm.get('homeAddress.countryCode'), L)
    };
    return Object.values(address).some((v) => v !== null) ? address : null;
}

function toConsent(xdm: XdmReader): CardModel['contactPoints']['marketingConsent'] {
    const consent: Partial<Record<(typeof CONSENT_CHANNELS)[number], string>> = {};
    for (const channel of CONSENT_CHANNELS) {
        const val = textOrNull(xdm.get(`consents.marketing.${channel}.val`), 16);
        if (val !== null) consent[channel] = val;
    }
    return Object.keys(consent).length > 0 ? consent : null;
}

export function toLoyalty(xdm: XdmReader): CardModel['loyalty'] {
    const loyalty = {
        program: textOrNull(xdm.get('loyalty.program'), L),
        tier: textOrNull(xdm.get('loyalty.tier'), L),
        points: numberOrNull(xdm.get('loyalty.points')),
        status: textOrNull(xdm.get('loyalty.status'), L),
        memberSince: isoOrNull(xdm.get('loyalty.joinDate'))
    };
    return Object.values(loyalty).some((v) => v !== null) ? loyalty : null;
}

export function toLifetimeValue(xdm: XdmReader, config: ShapingConfig['lifetimeValue']): CardModel['lifetimeValue'] {
    const amount = numberOrNull(xdm.get(config.path));
    if (amount === null) return null;
    const fromProfile = config.currencyPath ? xdm.get(config.currencyPath) : undefined;
    return {
        value: { amount, currency: currencyOrNull(fromProfile) ?? config.currency },
        sourcePath: clip(config.path),
        valueTier: config.valueTierPath ? textOrNull(xdm.get(config.valueTierPath), L) : null
    };
}
