import { join } from 'node:path';
import { startChild, type BenchChild } from '../infra/childProcess';
import { BENCH_AGENT_ID, BENCH_SHARED_SECRET } from '../infra/proxyInstance';

/**
 * The cache-hit scenario's "fastify + auth, audit line, metrics" reference must really do its duties, or the
 * figure it gives (what the duties cost by themselves) means nothing: a wrong key is refused, the right one gets
 * the bench's bytes with the request id echoed, and each answered request writes one audit line to stdout.
 */
describe('cache-hit reference: fastify with the duties', () => {
    let child: BenchChild<{ port: number }>;
    let origin: string;

    beforeAll(async () => {
        child = await startChild(join(__dirname, '..', 'children', 'fastifyDutiesBaseline.ts'), {
            label: 'fastify-with-duties baseline',
            countStdout: true
        });
        origin = `http://127.0.0.1:${child.ready.port}`;
        await child.call('setBody', {
            base64: Buffer.from('{"card":true}').toString('base64'),
            contentType: 'application/json; charset=utf-8'
        });
    }, 60_000);

    afterAll(async () => {
        await child?.stop();
    });

    const lookup = (key: string | null) =>
        fetch(`${origin}/v1/profiles/lookup`, {
            method: 'POST',
            headers: {
                'content-type': 'application/json',
                'x-agent-id': BENCH_AGENT_ID,
                'x-request-id': 'bench-test-1',
                ...(key === null ? {} : { 'x-proxy-key': key })
            },
            body: JSON.stringify({ record: { objectApiName: 'Lead' } })
        });

    it('refuses a missing or wrong key, and answers the right one with the fixed bytes', async () => {
        expect((await lookup(null)).status).toBe(401);
        expect((await lookup(`${BENCH_SHARED_SECRET}x`)).status).toBe(401);
        const ok = await lookup(BENCH_SHARED_SECRET);
        expect(ok.status).toBe(200);
        expect(ok.headers.get('x-request-id')).toBe('bench-test-1');
        expect(ok.headers.get('cache-control')).toBe('no-store');
        expect(await ok.text()).toBe('{"card":true}');
    });

    it('writes one audit line per request', async () => {
        const before = child.stdoutBytes();
        await (await lookup(BENCH_SHARED_SECRET)).text();
        // The destination is asynchronous: the line reaches stdout shortly after the answer.
        const deadline = Date.now() + 5000;
        while (child.stdoutBytes() === before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
        expect(child.stdoutBytes()).toBeGreaterThan(before + 100);
    });
});
