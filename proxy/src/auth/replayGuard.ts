import { hash } from 'node:crypto';
import { LRUCache } from 'lru-cache';

/** Where token ids already seen are remembered across instances (Redis `SET NX PX`); null when it cannot answer. */
export interface SharedClaims {
    claimOnce(key: string, ttlMs: number): Promise<boolean | null>;
}

export interface ReplayGuard {
    /** True the first time a token id of this issuer is presented within `ttlMs`, false on every later use. */
    firstUse(issuer: string, jti: string, ttlMs: number): Promise<boolean>;
}

/** Token ids remembered in process: the newest this many (an evicted id could be replayed once, so size generously). */
export const LOCAL_REPLAY_ENTRIES = 100_000;

/**
 * The `jti` replay window (PROXY_JWT_REPLAY_CHECK): each token id is accepted once until the token expires.
 * With REDIS_URL every instance shares the window (a token replayed against another instance is refused too);
 * without it, or while Redis does not answer, each instance keeps its own. Ids are kept as hashes only.
 */
export function createReplayGuard(shared: SharedClaims | null, maxEntries = LOCAL_REPLAY_ENTRIES): ReplayGuard {
    const seen = new LRUCache<string, true>({ max: maxEntries, ttlAutopurge: false });
    return {
        async firstUse(issuer, jti, ttlMs) {
            const key = hash('sha256', `${issuer}\u0000${jti}`, 'base64url');
            if (seen.has(key)) return false;
            const ttl = Math.max(1000, Math.ceil(ttlMs));
            seen.set(key, true, { ttl });
            const claimed = shared ? await shared.claimOnce(`jti:${key}`, ttl) : null;
            return claimed !== false;
        }
    };
}
