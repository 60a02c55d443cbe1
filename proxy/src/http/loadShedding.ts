import underPressure, { TYPE_EVENT_LOOP_DELAY } from '@fastify/under-pressure';
import type { FastifyInstance } from 'fastify';
import { ProxyError } from '../errors';

export interface LoadSheddingLimits {
    /** Routes refused under pressure (the look-up); the others stay answered. */
    shedRoutes: readonly string[];
    /** Mean event loop delay (ms) above which look-ups are refused; 0 = off. */
    maxEventLoopDelayMs: number;
    /** Resident set size above which look-ups are refused; 0 = off. */
    maxRssBytes: number;
}

/** Seconds a refused caller should wait: the process samples its load every second. */
export const OVERLOADED_RETRY_AFTER_SECONDS = 2;

/**
 * @fastify/under-pressure: while the event loop lags or RSS is above its limit, look-ups get a fast 503
 * OVERLOADED with Retry-After instead of queueing behind the backlog. Health, readiness and metrics stay
 * answered (only `shedRoutes` are refused): a busy instance is not a dead one, and a liveness probe that failed
 * under load would restart the instance at the worst moment.
 */
export function installLoadShedding(app: FastifyInstance, limits: LoadSheddingLimits): void {
    if (limits.maxEventLoopDelayMs === 0 && limits.maxRssBytes === 0) return;
    const shed = new Set(limits.shedRoutes);
    void app.register(underPressure, {
        maxEventLoopDelay: limits.maxEventLoopDelayMs,
        maxRssBytes: limits.maxRssBytes,
        sampleInterval: 1000,
        pressureHandler: (request, _reply, type) => {
            if (!shed.has(request.routeOptions.url ?? '')) return undefined;
            const reason = type === TYPE_EVENT_LOOP_DELAY ? 'EVENT_LOOP_DELAY' : 'MEMORY';
            return Promise.reject(
                new ProxyError('OVERLOADED', 'this proxy instance is overloaded; retry shortly', {
                    details: { reason },
                    logReason: reason,
                    retryAfterSeconds: OVERLOADED_RETRY_AFTER_SECONDS
                })
            );
        }
    });
}

/** Whether the app sheds load now; false when load shedding is off (nothing decorated) or the app is not ready yet. */
export function isUnderPressure(app: FastifyInstance): boolean {
    return app.hasDecorator('isUnderPressure') && app.isUnderPressure();
}
