/**
 * Audience memberships from `segmentMembership` (namespace -> audience id -> {status, lastQualificationTime}).
 *
 * realized and (legacy) existing mean member; exited means leaving (https://experienceleague.adobe.com/en/docs/experience-platform/xdm/field-groups/profile/segmentation). Members come
 * first, most recent qualification first, then exited ones. Names come from the segmentation API
 * (resolved and cached by the caller); an unknown name falls back to the id.
 */
import { clip, isoOrNull, timeOf } from './bound';
import { CARD_LIMITS, type CardModel } from '../contract/cardModel';
import type { ShapingConfig } from './shapingConfig';
import { asRecord, type XdmReader } from './xdm';

type Audience = CardModel['audiences'][number];
/** What the segmentation API told about an audience (resolved and cached by the caller). */
export interface AudienceDefinition {
    name: string;
    evaluation?: Audience['evaluation'];
}
const STATUSES = new Set(['realized', 'existing', 'exited']);

export function toAudiences(
    xdm: XdmReader,
    names: ReadonlyMap<string, AudienceDefinition>,
    config: ShapingConfig['audiences']
): { items: Audience[]; dropped: number } {
    const all: Array<Audience & { t: number }> = [];
    for (const namespace of config.namespaces) {
        for (const [id, raw] of xdm.entries(`segmentMembership.${namespace}`)) {
            const m = asRecord(raw);
            const status = typeof m?.status === 'string' ? m.status.toLowerCase() : '';
            if (!m || !STATUSES.has(status) || id === '' || id.length > CARD_LIMITS.maxId) continue;
            if (status === 'exited' && !config.showExited) continue;
            const definition = names.get(id);
            const known = definition?.name;
            const name = typeof known === 'string' && known.trim() !== '' ? clip(known, CARD_LIMITS.maxLabel) : null;
            const qualifiedAt = isoOrNull(m.lastQualificationTime);
            all.push({
                id,
                name: name ?? id,
                nameResolved: name !== null,
                namespace: clip(namespace, 32),
                status: status as Audience['status'],
                qualifiedAt,
                evaluation: definition?.evaluation ?? null,
                t: timeOf(qualifiedAt) ?? -Infinity
            });
        }
    }
    all.sort((a, b) => Number(a.status === 'exited') - Number(b.status === 'exited') || b.t - a.t || (a.id < b.id ? -1 : 1));
    return {
        items: all.slice(0, CARD_LIMITS.audiences).map(({ t: _t, ...a }) => a),
        dropped: Math.max(0, all.length - CARD_LIMITS.audiences)
    };
}
