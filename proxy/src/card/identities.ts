/**
 * The profile's identities (merged identityMap: lower-case namespace keys -> [{id, primary}]).
 */
import { clip } from './bound';
import { CARD_LIMITS, type CardModel } from '../contract/cardModel';
import { asArray, asRecord, type XdmReader } from './xdm';

type IdentityRef = CardModel['identities'][number];
/** What an agent recognises first; device ids (ECID) last, there are usually several. */
const ORDER = ['crmid', 'email', 'phone', 'loyaltyid'];
/** Ids read per namespace; a graph holds at most 50 identities (https://experienceleague.adobe.com/en/docs/experience-platform/identity/guardrails). */
const MAX_PER_NAMESPACE = 60;

export function toIdentities(xdm: XdmReader): { items: IdentityRef[]; dropped: number } {
    const rank = (ns: string) => {
        const i = ORDER.indexOf(ns.toLowerCase());
        return i < 0 ? (ns.toLowerCase() === 'ecid' ? ORDER.length + 1 : ORDER.length) : i;
    };
    const namespaces = xdm.entries('identityMap').sort(([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
    const all: IdentityRef[] = [];
    const seen = new Set<string>();
    for (const [namespace, ids] of namespaces) {
        if (namespace === '' || namespace.length > 64) continue;
        for (const item of asArray(ids, MAX_PER_NAMESPACE)) {
            const rec = asRecord(item);
            const id = rec?.id;
            if (typeof id !== 'string' || id.trim() === '') continue;
            const key = `${namespace}\u0000${id}`;
            if (seen.has(key)) continue;
            seen.add(key);
            all.push({ namespace, id: clip(id, CARD_LIMITS.maxLabel), primary: rec?.primary === true });
        }
    }
    return { items: all.slice(0, CARD_LIMITS.identities), dropped: Math.max(0, all.length - CARD_LIMITS.identities) };
}
