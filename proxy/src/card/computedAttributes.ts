/**
 * Computed attributes (`_{tenant}.SystemComputedAttributes.{name}.value`, present with withCA=true):
 * AEP's recommended source of behavioural data now that event look-up is deprecated (https://experienceleague.adobe.com/en/docs/experience-platform/profile/api/entities;
 * https://experienceleague.adobe.com/en/docs/experience-platform/profile/computed-attributes/faq).
 */
import { clip, isoOrNull } from './bound';
import { CARD_LIMITS, type CardModel } from '../contract/cardModel';
import type { ShapingConfig } from './shapingConfig';
import { asRecord, type XdmReader } from './xdm';

type Attribute = CardModel['computedAttributes'][number];
type Kind = Attribute['kind'];
const L = CARD_LIMITS.maxLabel;
/** Attribute names that hold money when nobody configured a kind. */
const MONEY = /(spend|revenue|amount|price|value|ltv|cost|sales|paid|payment)/i;

export function humanise(name: string): string {
    const words = name
        .replace(/([a-z])([A-Z])/g, '$1 $2')
        .replace(/([A-Za-z])(\d)/g, '$1 $2')
        .replace(/(\d)([A-Za-z]{3,})/g, '$1 $2')
        .replace(/[_\-.]+/g, ' ')
        .trim()
        .toLowerCase();
    return words.charAt(0).toUpperCase() + words.slice(1);
}

export function inferKind(name: string, value: string | number | boolean): Kind {
    if (typeof value === 'boolean') return 'boolean';
    if (typeof value === 'number') return MONEY.test(name) ? 'currency' : 'number';
    return isoOrNull(value) !== null ? 'date' : 'text';
}

export function toComputedAttributes(xdm: XdmReader, config: ShapingConfig['computedAttributes']): { items: Attribute[]; dropped: number } {
    const configured = Object.keys(config.attributes);
    const rank = (name: string) => {
        const i = configured.indexOf(name);
        return i < 0 ? configured.length : i;
    };
    const items: Attribute[] = [];
    for (const [name, holder] of xdm.entries(config.path)) {
        const display = Object.hasOwn(config.attributes, name) ? config.attributes[name] : undefined;
        if (display?.hidden || name.length > CARD_LIMITS.maxId) continue;
        // AEP wraps each value ({ value }); accept a bare primitive too.
        const raw = asRecord(holder) ? (holder as Record<string, unknown>).value : holder;
        const value = primitive(raw);
        if (value === null) continue;
        items.push({ name, label: clip(display?.label ?? humanise(name), L), value, kind: display?.kind ?? inferKind(name, value) });
    }
    items.sort((a, b) => rank(a.name) - rank(b.name) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return { items: items.slice(0, CARD_LIMITS.computedAttributes), dropped: Math.max(0, items.length - CARD_LIMITS.computedAttributes) };
}

function primitive(raw: unknown): string | number | boolean | null {
    if (typeof raw === 'boolean') return raw;
    if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
    if (typeof raw === 'string') {
        const s = clip(raw, L);
        return s === '' ? null : s;
    }
    return null; // objects and arrays have no one-line rendering
}
