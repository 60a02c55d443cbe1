/**
 * Person block of the card, and the short summary used to tell candidate profiles apart.
 */
import type { ProfileEnvelope } from '../contract/aepEntities';
import { textOrNull, clip, isoOrNull } from './bound';
import { CARD_LIMITS, type CandidateProfile, type CardModel } from '../contract/cardModel';
import { createXdmReader, type XdmReader } from './xdm';

const L = CARD_LIMITS.maxLabel;
/** Shown when a profile has no name at all (anonymous web visitor merged with an email, say). */
export const UNNAMED = 'Unnamed customer';

export function toPerson(xdm: XdmReader): CardModel['person'] {
    const firstName = textOrNull(xdm.get('person.name.firstName'), L);
    const lastName = textOrNull(xdm.get('person.name.lastName'), L);
    return {
        displayName: displayName(xdm),
        firstName,
        lastName,
        courtesyTitle: textOrNull(xdm.get('person.name.courtesyTitle'), L),
        birthDate: isoOrNull(xdm.get('person.birthDate')),
        gender: textOrNull(xdm.get('person.gender'), L)
    };
}

function displayName(xdm: XdmReader): string {
    const full = textOrNull(xdm.get('person.name.fullName'), L);
    if (full) return full;
    const parts = ['person.name.firstName', 'person.name.middleName', 'person.name.lastName']
        .map((p) => textOrNull(xdm.get(p), L))
        .filter((p): p is string => p !== null);
    if (parts.length > 0) return clip(parts.join(' '), L);
    return UNNAMED;
}

export function toCandidateProfile(
    envelope: ProfileEnvelope,
    via: { field: string; namespace: string },
    denylist: readonly string[]
): CandidateProfile {
    const xdm = createXdmReader(envelope.entity, denylist);
    return {
        profileId: clip(envelope.entityId, 128),
        displayName: displayName(xdm),
        field: clip(via.field, 80),
        namespace: clip(via.namespace, 64),
        city: textOrNull(xdm.get('homeAddress.city'), L),
        loyaltyTier: textOrNull(xdm.get('loyalty.tier'), L),
        lastModifiedAt: isoOrNull(envelope.lastModifiedAt)
    };
}
