import { LABELS } from 'c/profileLabels';
import { formatDate, formatLabel, formatMoney, formatNumber, pluralLabel } from 'c/profileUtils';

/*
 * What AEP and Salesforce call things, in the agent's words and language: identity namespaces, enum values (gender,
 * tiers, channels), the record field that matched, and the names of scores, influential factors and computed
 * attributes from the admin's label mappings (Profile_Label_Mapping__mdt, resolved by ProfileCardConfigController).
 * Whatever has no label is shown as a readable form of its key, never as the raw code.
 */

/** Label per identity namespace code (compared lower-cased; AEP codes are case-insensitive). */
const NAMESPACE_LABEL = {
    email: 'NsEmail',
    phone: 'NsPhone',
    'phone_e.164': 'NsPhone',
    crmid: 'NsCrmId',
    ecid: 'NsEcid',
    loyaltyid: 'NsLoyaltyId',
    email_lc_sha256: 'NsEmailHashed',
    phone_sha256: 'NsPhoneHashed',
    'phone_sha256_e.164': 'NsPhoneHashed'
};

/** XDM person.gender values (https://github.com/adobe/xdm/blob/master/components/datatypes/person/person.schema.json). */
const GENDER_LABEL = { female: 'GenderFemale', male: 'GenderMale', not_specified: 'GenderNotSpecified', non_specific: 'GenderNonSpecific' };

const LOYALTY_TIER_LABEL = { platinum: 'TierPlatinum', gold: 'TierGold', silver: 'TierSilver', bronze: 'TierBronze' };

const VALUE_TIER_LABEL = { high: 'ValueTierHigh', medium: 'ValueTierMedium', low: 'ValueTierLow', prospect: 'ValueTierProspect' };

/** Channels of the card model (campaigns, message events) and of consents.marketing.preferred. */
const CHANNEL_LABEL = {
    email: 'ChannelEmailName',
    sms: 'ChannelSmsName',
    push: 'ChannelPushName',
    inapp: 'ChannelInAppName',
    web: 'ChannelWebName',
    whatsapp: 'ChannelWhatsAppName',
    phone: 'ChannelPhoneName',
    call: 'ChannelPhoneName',
    phymail: 'ChannelMailName',
    other: 'ChannelOtherName'
};

/**
 * "Matched by the contact's email": the phrase per record object and identity field (the fields
 * Profile_Identity_Field__mdt ships; a Case's Contact fields speak of the contact). Other fields use MatchOther
 * with the field name made readable.
 */
const MATCH_LABEL = {
    'Contact:Email': 'MatchContactEmail',
    'Contact:Phone': 'MatchContactPhone',
    'Contact:MobilePhone': 'MatchContactMobile',
    'Contact:Id': 'MatchContactId',
    'Case:Contact.Email': 'MatchContactEmail',
    'Case:Contact.Phone': 'MatchContactPhone',
    'Case:Contact.MobilePhone': 'MatchContactMobile',
    'Case:Contact.Id': 'MatchContactId',
    'Case:SuppliedEmail': 'MatchCaseWebEmail',
    'Case:SuppliedPhone': 'MatchCaseWebPhone',
    'Lead:Email': 'MatchLeadEmail',
    'Lead:Phone': 'MatchLeadPhone',
    'Lead:MobilePhone': 'MatchLeadMobile',
    'Account:PersonEmail': 'MatchAccountEmail',
    'Account:PersonMobilePhone': 'MatchAccountMobile',
    'Account:Id': 'MatchAccountId'
};

/** Object of a record id by its key prefix, for the match phrase when the card only has the id. */
const OBJECT_BY_PREFIX = { '003': 'Contact', '00Q': 'Lead', 500: 'Case', '001': 'Account' };

/** "contractMonthsRemaining" -> "Contract months remaining", "internetSubscription.paymentStatus" -> "Internet subscription payment status". */
export function humanise(key) {
    const words = String(key ?? '')
        .replace(/([a-z])([A-Z])/g, '$1 $2')
        .replace(/([A-Za-z])(\d)/g, '$1 $2')
        .replace(/(\d)([A-Za-z]{3,})/g, '$1 $2')
        .replace(/__c$/i, '')
        .replace(/[_\-.]+/g, ' ')
        .trim()
        .toLowerCase();
    return words.charAt(0).toUpperCase() + words.slice(1);
}

function labelFor(table, value) {
    const name = table[String(value ?? '').toLowerCase()];
    return name ? LABELS[name] : null;
}

/** "Email", "CRM ID", "Experience Cloud ID"; a namespace of the org's own keeps its code. */
export function namespaceLabel(code) {
    return labelFor(NAMESPACE_LABEL, code) ?? code;
}

export function genderLabel(value) {
    return value ? (labelFor(GENDER_LABEL, value) ?? humanise(value)) : null;
}

export function loyaltyTierLabel(value) {
    return value ? (labelFor(LOYALTY_TIER_LABEL, value) ?? humanise(value)) : null;
}

export function valueTierLabel(value) {
    return value ? (labelFor(VALUE_TIER_LABEL, value) ?? humanise(value)) : null;
}

export function channelLabel(value) {
    return value ? (labelFor(CHANNEL_LABEL, value) ?? humanise(value)) : null;
}

/** The object of the record, from objectApiName or the id's key prefix. */
export function objectOf(objectApiName, recordId) {
    return objectApiName || OBJECT_BY_PREFIX[String(recordId ?? '').slice(0, 3)] || null;
}

/** "Matched by the contact's email", or "Matched by Loyalty number" for a field the card has no phrase for. */
export function matchPhrase(objectApiName, field) {
    const name = MATCH_LABEL[`${objectApiName}:${field}`];
    if (name) {
        return LABELS[name];
    }
    const leaf = String(field ?? '')
        .split('.')
        .pop();
    return formatLabel(LABELS.MatchOther, humanise(leaf === 'Id' ? 'Salesforce ID' : leaf));
}

/**
 * The admin's label mappings (ProfileCardConfigController.getCardConfig().labels) indexed for look-up; tolerates a
 * missing configuration, which leaves every name to its readable fallback.
 */
export function indexMappings(labels) {
    const index = { score: new Map(), factor: [], attribute: new Map() };
    for (const mapping of labels ?? []) {
        if (mapping?.kind === 'Score') {
            index.score.set(mapping.key, mapping);
        } else if (mapping?.kind === 'Factor') {
            index.factor.push(mapping);
        } else if (mapping?.kind === 'Computed_Attribute') {
            index.attribute.set(mapping.key, mapping);
        }
    }
    return index;
}

/** A score's name: the mapping's, else the proxy's configured label. */
export function scoreName(score, index) {
    return index?.score.get(score?.key)?.text ?? score?.label ?? humanise(score?.key);
}

/** A computed attribute's name: the mapping's, else the proxy's label (already readable). */
export function attributeName(attribute, index) {
    return index?.attribute.get(attribute?.name)?.text ?? attribute?.label ?? humanise(attribute?.name);
}

/** The most specific factor mapping: this score and this value first, a blank score or value matching any. */
function factorMapping(factor, scoreKey, index) {
    let best = null;
    let bestRank = -1;
    for (const mapping of index?.factor ?? []) {
        if (mapping.key !== factor.code) {
            continue;
        }
        const scoreFits = !mapping.scoreKey || mapping.scoreKey === scoreKey;
        const valueFits = !mapping.value || String(mapping.value).toLowerCase() === String(factor.value ?? '').toLowerCase();
        const rank = (mapping.scoreKey ? 2 : 0) + (mapping.value ? 1 : 0);
        if (scoreFits && valueFits && rank > bestRank) {
            best = mapping;
            bestRank = rank;
        }
    }
    return best;
}

function formatFactorValue(value, unit) {
    const number = Number(value);
    switch (unit) {
        case 'Currency':
            return Number.isFinite(number) ? formatMoney({ amount: number, currency: null }) : value;
        case 'Date':
            return formatDate(value) ?? value;
        case 'Text':
            return humanise(value);
        default:
            return Number.isFinite(number) ? number : value;
    }
}

/**
 * One influential factor as the agent reads it: `text` ("1 support call in the last 30 days") and `direction`
 * ("raises churn risk", or null when the mapping does not say). Unmapped factors read "Contract months remaining: 2".
 */
export function factorSentence(factor, score, index) {
    const mapping = factorMapping(factor, score?.key, index);
    if (!mapping) {
        const value = factor.value === null || factor.value === undefined ? null : humanise(factor.value);
        return { text: value ? formatLabel(LABELS.FactorWithValue, humanise(factor.code), value) : humanise(factor.code), direction: null };
    }
    const value = formatFactorValue(factor.value, mapping.unit);
    const text = typeof value === 'number' ? pluralLabel(mapping.text, value) : formatLabel(mapping.text, value);
    const scoreMapping = index?.score.get(score?.key);
    let direction = null;
    if (mapping.direction === 'Raises') {
        direction = scoreMapping?.raisesText ?? LABELS.FactorRaisesScore;
    } else if (mapping.direction === 'Lowers') {
        direction = scoreMapping?.lowersText ?? LABELS.FactorLowersScore;
    }
    return { text, direction, raises: mapping.direction === 'Raises', lowers: mapping.direction === 'Lowers' };
}

/** Formats a number for display with the user's grouping. */
export function formatCount(value) {
    return formatNumber(value, 0);
}
