import type { Socket } from 'node:net';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { gateway, internalErrorFor, retryAfterHeaders, throttledFor, type AdobeError } from './errors';
import { sendAdobeError, type RouteGroup } from './context';
import type { FaultDecision } from './faults';

/**
 * Carries out fault decisions. Timers and hung requests are tracked so that close() never leaves
 * anything pending (tests run many emulators in one process).
 */
export class FaultEffects {
    private readonly timers = new Set<{ timer: NodeJS.Timeout; resolve: () => void }>();
    private readonly hung = new Set<() => void>();

    async delay(ms: number): Promise<void> {
        if (ms <= 0) return;
        await new Promise<void>((resolve) => {
            const entry = {
                timer: setTimeout(() => {
                    this.timers.delete(entry);
                    resolve();
                }, ms),
                resolve
            };
            this.timers.add(entry);
        });
    }

    /** Applies a terminal fault; resolves when the request has been answered, reset or abandoned. */
    async apply(
        terminal: NonNullable<FaultDecision['terminal']>,
        group: RouteGroup,
        request: FastifyRequest,
        reply: FastifyReply
    ): Promise<void> {
        switch (terminal.type) {
            case 'status':
                await sendAdobeError(reply, statusBody(terminal.status, group, terminal.retryAfterMs));
                return;
            case 'malformedJson':
                // Truncated mid-object, as when a proxy or the service cuts a response short.
                await reply
                    .code(200)
                    .type('application/json')
                    .send('{"A0Lk1HmTjw2pQxZ9sVbNcR7e":{"entityId":"A0Lk1HmTjw2pQxZ9sVbNcR7e","mergePolicy":{"id":');
                return;
            case 'connectionReset': {
                reply.hijack();
                const socket = request.raw.socket as Socket & { resetAndDestroy?: () => void };
                if (typeof socket.resetAndDestroy === 'function') socket.resetAndDestroy();
                else socket.destroy();
                return;
            }
            case 'timeout':
                // Hold the request without answering until the client gives up or the emulator closes.
                reply.hijack();
                await new Promise<void>((resolve) => {
                    const done = () => {
                        this.hung.delete(done);
                        request.raw.socket.destroy();
                        resolve();
                    };
                    this.hung.add(done);
                    request.raw.socket.once('close', done);
                });
                return;
        }
    }

    /** Releases every pending delay and hung request (called on close). */
    releaseAll(): void {
        for (const entry of this.timers) {
            clearTimeout(entry.timer);
            entry.resolve();
        }
        this.timers.clear();
        for (const done of [...this.hung]) done();
    }
}

function statusBody(status: 429 | 500 | 502 | 503, group: RouteGroup, retryAfterMs = 500): AdobeError {
    if (status === 429) return throttledFor(group, retryAfterMs);
    if (status === 500) return internalErrorFor(group);
    const upstream = gateway.upstream(status);
    return status === 503 ? { ...upstream, headers: retryAfterHeaders(retryAfterMs) } : upstream;
}
