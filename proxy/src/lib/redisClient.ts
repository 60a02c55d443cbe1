import Redis from 'ioredis';
import type { Logger } from '../observability/logger';

/**
 * A Redis connection (REDIS_URL) for a part of the proxy that shares state across instances: the card cache
 * and coalescing (cache/redisStore.ts), the fleet's AEP budget (aep/aepBudget.ts). Short command timeouts and no
 * offline queue: when Redis is slow or down, a command fails at once and its caller carries on alone (in-process
 * cache, this instance's share of the budget) instead of waiting on it. `what` names the part in the one warning
 * logged when Redis goes away (and again after it came back).
 */
export function createRedisClient(url: string, prefix: string, log: Logger, what: string): Redis {
    const redis = new Redis(url, {
        lazyConnect: false,
        enableOfflineQueue: false,
        maxRetriesPerRequest: 1,
        commandTimeout: 250,
        connectTimeout: 2000,
        keyPrefix: prefix
    });
    let warned = false;
    redis.on('error', (err: Error) => {
        if (!warned) log.warn({ err: { message: err.message } }, `redis unavailable; ${what}`);
        warned = true;
    });
    redis.on('ready', () => {
        warned = false;
    });
    return redis;
}

/** Closes `redis` politely (QUIT), or at once when it does not answer. */
export async function closeRedisClient(redis: Redis): Promise<void> {
    try {
        await redis.quit();
    } catch {
        // Already gone: nothing to say goodbye to.
    }
    redis.disconnect();
}
