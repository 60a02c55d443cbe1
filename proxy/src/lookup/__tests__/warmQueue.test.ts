import type { FastifyBaseLogger } from 'fastify';
import { ProxyError } from '../../errors';
import type { LookupAnswer, LookupContext } from '../lookupTypes';
import { WarmQueue, type WarmJob, type WarmResult } from '../warmQueue';

const log = { error: jest.fn() } as unknown as FastifyBaseLogger;
const job = (n: number): WarmJob => ({
    request: {
        record: {
            objectApiName: 'Case',
            recordId: `5008c00001Cs${String(n).padStart(3, '0')}AAF`,
            fields: { SuppliedEmail: 'a@example.com' }
        }
    },
    ctx: { requestId: 'warm-test', log },
    callerAuth: 'shared-secret'
});
const answer: LookupAnswer = { body: '{}', source: 'aep', profileId: 'p', matchedNamespace: 'Email' };

describe('WarmQueue', () => {
    it('runs at most PROXY_WARM_CONCURRENCY look-ups at once, all at warm priority', async () => {
        let running = 0;
        let most = 0;
        const priorities: (string | undefined)[] = [];
        const done: WarmResult[] = [];
        const queue = new WarmQueue(
            { share: 0.2, concurrency: 2, queue: 10 },
            {
                lookup: async (_req, ctx: LookupContext) => {
                    priorities.push(ctx.priority);
                    most = Math.max(most, ++running);
                    await new Promise((resolve) => setTimeout(resolve, 5));
                    running--;
                    return answer;
                },
                onDone: (_job, result) => done.push(result)
            }
        );
        expect(queue.offer([1, 2, 3, 4, 5].map(job))).toEqual({ accepted: 5, dropped: 0 });
        await queue.idle();
        expect(most).toBe(2);
        expect(done).toHaveLength(5);
        expect(new Set(priorities)).toEqual(new Set(['warm']));
        expect(done[0]).toEqual({ outcome: 'OK', source: 'aep', matchedNamespace: 'Email' });
    });

    it('drops what does not fit in PROXY_WARM_QUEUE and counts it', () => {
        const dropped: number[] = [];
        const queue = new WarmQueue(
            { share: 0.2, concurrency: 1, queue: 2 },
            { lookup: () => new Promise<LookupAnswer>(() => undefined), onDone: () => undefined, onDropped: (n) => dropped.push(n) }
        );
        expect(queue.offer([1, 2, 3, 4, 5].map(job))).toEqual({ accepted: 2, dropped: 3 });
        expect(dropped).toEqual([3]);
        // One of the two runs, one waits: room for one more.
        expect(queue.offer([6, 7].map(job))).toEqual({ accepted: 1, dropped: 1 });
        queue.close();
    });

    it('pauses for the wait a spent share names and tries the record again, then reports the refusal', async () => {
        const calls: number[] = [];
        const done: WarmResult[] = [];
        const queue = new WarmQueue(
            { share: 0.2, concurrency: 1, queue: 10 },
            {
                lookup: async () => {
                    calls.push(Date.now());
                    throw new ProxyError('RATE_LIMITED', 'share spent', { retryAfterSeconds: 1 });
                },
                onDone: (_job, result) => done.push(result)
            }
        );
        queue.offer([job(1)]);
        await queue.idle();
        // Three attempts, about a second apart, then one RATE_LIMITED result.
        expect(calls).toHaveLength(3);
        expect(calls[1]! - calls[0]!).toBeGreaterThanOrEqual(900);
        expect(done).toEqual([{ outcome: 'RATE_LIMITED', source: null, matchedNamespace: null }]);
    });

    it('reports other refusals as their code, at once', async () => {
        const done: WarmResult[] = [];
        const queue = new WarmQueue(
            { share: 0.2, concurrency: 1, queue: 10 },
            {
                lookup: async () => {
                    throw new ProxyError('NO_IDENTITY', 'nothing to look up');
                },
                onDone: (_job, result) => done.push(result)
            }
        );
        queue.offer([job(1)]);
        await queue.idle();
        expect(done).toEqual([{ outcome: 'NO_IDENTITY', source: null, matchedNamespace: null }]);
    });

    it('pauses and tries again when agents hold the look-up slots (OVERLOADED)', async () => {
        const done: WarmResult[] = [];
        let calls = 0;
        const queue = new WarmQueue(
            { share: 0.2, concurrency: 1, queue: 10 },
            {
                lookup: async () => {
                    if (++calls === 1) throw new ProxyError('OVERLOADED', 'slots taken', { retryAfterSeconds: 1 });
                    return answer;
                },
                onDone: (_job, result) => done.push(result)
            }
        );
        queue.offer([job(1)]);
        await queue.idle();
        expect(calls).toBe(2);
        expect(done).toEqual([{ outcome: 'OK', source: 'aep', matchedNamespace: 'Email' }]);
    });

    it('starts nothing while the instance sheds load, and carries on when it no longer does', async () => {
        let pressure = true;
        const started: number[] = [];
        const queue = new WarmQueue(
            { share: 0.2, concurrency: 2, queue: 10 },
            {
                lookup: async () => {
                    started.push(Date.now());
                    return answer;
                },
                onDone: () => undefined,
                isUnderPressure: () => pressure
            }
        );
        const offered = Date.now();
        queue.offer([job(1), job(2)]);
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(started).toHaveLength(0);
        pressure = false;
        await queue.idle();
        expect(started).toHaveLength(2);
        expect(started[0]! - offered).toBeGreaterThanOrEqual(900);
    });
});
