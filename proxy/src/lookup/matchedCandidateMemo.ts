import { LRUCache } from 'lru-cache';
import type { IdentityCandidate } from '../identity/buildCandidates';

/** Record shapes remembered: an org's mapping yields a handful per object (which fields hold values). */
const SHAPES = 512;

const which = (c: IdentityCandidate) => `${c.field}\u0000${c.namespace}\u0000${c.spelling}`;

/**
 * Which identity the profile was last found through, per shape of record (object and the fields, namespaces and
 * spellings its candidates came from; never a value). The events of a profile can only be asked for by one of its
 * identities, and they are asked for in the same round as the profile, before AEP has said which identity matched:
 * asking by the candidate that matched last time for records like this one (in many orgs a Contact's Id is not an
 * AEP identity but its Email is) saves the second, sequential events round. A wrong guess costs what no guess
 * costs: events are fetched again for the identity that matched.
 */
export class MatchedCandidateMemo {
    private readonly byShape = new LRUCache<string, string>({ max: SHAPES });

    /** The candidate most likely to match: the one that matched last time for this shape, else the top one. */
    likely(objectApiName: string, candidates: readonly IdentityCandidate[]): IdentityCandidate {
        const remembered = this.byShape.get(shapeOf(objectApiName, candidates));
        return (remembered !== undefined && candidates.find((c) => which(c) === remembered)) || candidates[0]!;
    }

    remember(objectApiName: string, candidates: readonly IdentityCandidate[], matched: IdentityCandidate): void {
        this.byShape.set(shapeOf(objectApiName, candidates), which(matched));
    }
}

function shapeOf(objectApiName: string, candidates: readonly IdentityCandidate[]): string {
    return `${objectApiName}\u0001${candidates.map(which).join('\u0001')}`;
}
