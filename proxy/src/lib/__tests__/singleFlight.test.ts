import { SingleFlight } from '../singleFlight';

/** A promise resolved or rejected from outside, so the test decides when a call ends. */
function deferred<T>() {
    let resolve!: (value: T) => void;
    let reject!: (err: unknown) => void;
    const promise = new Promise<T>((res, rej) => {
        resolve = res;
        reject = rej;
    });
    return { promise, resolve, reject };
}

describe('SingleFlight', () => {
    it('runs one call per key while it is in flight; others join it', async () => {
        const flight = new SingleFlight<number>();
        const call = deferred<number>();
        let calls = 0;
        const fn = () => {
            calls += 1;
            return call.promise;
        };
        const first = flight.run('k', fn);
        const second = flight.run('k', fn);
        const other = flight.run('other', async () => 7);
        expect([first.joined, second.joined, other.joined]).toEqual([false, true, false]);
        call.resolve(42);
        expect(await Promise.all([first.promise, second.promise, other.promise])).toEqual([42, 42, 7]);
        expect(calls).toBe(1);
        expect(flight.size).toBe(0);
    });

    it('forgets a failed call, so the next one starts afresh', async () => {
        const flight = new SingleFlight<string>();
        await expect(flight.share('k', () => Promise.reject(new Error('AEP down')))).rejects.toThrow('AEP down');
        expect(flight.size).toBe(0);
        await expect(flight.share('k', async () => 'ok')).resolves.toBe('ok');
    });
});
