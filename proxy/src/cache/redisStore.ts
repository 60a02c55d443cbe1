import { closeRedisClient, createRedisClient } from '../lib/redisClient';
import type { Logger } from '../observability/logger';

/** The shared cache (Redis) as the card cache and coalescing need it. Every method is best effort. */
export interface SharedStore {
    get(key: string): Promise<string | null>;
    set(key: string, value: string, ttlMs: number): Promise<void>;
    /** Cross-instance coalescing: true when this instance should call AEP for `key`. */
    tryLock(key: string, ttlMs: number): Promise<boolean>;
    unlock(key: string): Promise<void>;
    /** True when `key` was not set yet (now set for ttlMs), false when it was; null when the store cannot answer. */
    claimOnce(key: string, ttlMs: number): Promise<boolean | null>;
    ping(): Promise<boolean>;
    close(): Promise<void>;
}

/** Redis key of a cached card (under REDIS_KEY_PREFIX); exported for the bench, which fills the store. */
export function redisCardKey(key: string): string {
    return `card:${key}`;
}

/**
 * Redis-backed shared store (REDIS_URL). Every command is best effort: when Redis is slow or down the proxy
 * carries on with its in-process cache instead of waiting on it (lib/redisClient.ts).
 */
export function createRedisStore(url: string, prefix: string, log: Logger): SharedStore {
    const redis = createRedisClient(url, prefix, log, 'serving from the in-process cache only');
    const quiet = async <T>(fallback: T, fn: () => Promise<T>): Promise<T> => {
        try {
            return await fn();
        } catch {
            return fallback;
        }
    };
    return {
        get: (key) => quiet(null, () => redis.get(redisCardKey(key))),
        set: (key, value, ttlMs) =>
            quiet(undefined, async () => void (await redis.set(redisCardKey(key), value, 'PX', Math.max(1, Math.round(ttlMs))))),
        tryLock: (key, ttlMs) => quiet(true, async () => (await redis.set(`lock:${key}`, '1', 'PX', ttlMs, 'NX')) === 'OK'),
        unlock: (key) => quiet(undefined, async () => void (await redis.del(`lock:${key}`))),
        claimOnce: (key, ttlMs) =>
            quiet<boolean | null>(null, async () => (await redis.set(key, '1', 'PX', Math.max(1, Math.round(ttlMs)), 'NX')) === 'OK'),
        ping: () => quiet(false, async () => (await redis.ping()) === 'PONG'),
        close: () => closeRedisClient(redis)
    };
}
