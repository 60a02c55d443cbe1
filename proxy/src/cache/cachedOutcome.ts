import type { CardModel } from '../contract/cardModel';
import type { ErrorDetails } from '../contract/errors';

/** Answers about the customer that are cached like cards: not found, ambiguous, a graph AEP will not serve. */
export type CachedErrorCode = 'PROFILE_NOT_FOUND' | 'AMBIGUOUS_PROFILE' | 'IDENTITY_GRAPH_TOO_LARGE';

/**
 * What the card cache holds for one look-up key. Negative answers are cached too (for the fresh TTL only,
 * never served stale) so a burst of agents on an unknown customer costs AEP one call.
 */
export type CachedOutcome =
    | { kind: 'card'; card: CardModel; fetchedAtMs: number; matchedNamespace: string | null }
    | {
          kind: 'error';
          code: CachedErrorCode;
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
