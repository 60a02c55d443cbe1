import type { CardModel } from '../contract/cardModel';
import type { ErrorDetails } from '../contract/errors';

/**
 * What the card cache holds for one look-up key. Not-found and ambiguous answers are cached too (for the
 * fresh TTL only, never served stale) so a burst of agents on an unknown customer costs AEP one call.
 */
export type CachedOutcome =
    | { kind: 'card'; card: CardModel; fetchedAtMs: number; matchedNamespace: string | null }
    | {
          kind: 'error';
          code: 'PROFILE_NOT_FOUND' | 'AMBIGUOUS_PROFILE';
          message: string;
          details: ErrorDetails;
          fetchedAtMs: number;
      };

export function serializeOutcome(o: CachedOutcome): string {
    return JSON.stringify(o);
}

export function deserializeOutcome(text: string): CachedOutcome | null {
    try {
        const o = JSON.parse(text) as CachedOutcome;
        return o && (o.kind === 'card' || o.kind === 'error') && typeof o.fetchedAtMs === 'number' ? o : null;
    } catch {
        return null;
    }
}
