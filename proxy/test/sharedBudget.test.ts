import { spawn, type ChildProcess } from 'node:child_process';
import { buildProxyStack, type ProxyStack } from '../../scripts/stack/proxyStack';
import { describeWithTools } from '../../scripts/systemTools';
import type { RunningEmulator } from '../emulator/src/index';
import { buildProxy, createLogger, createMetrics, type BuiltProxy } from '../src/index';
import { PROXY_KEY } from './support/harness';

/**
 * One AEP budget for the fleet: two instances sharing Debian's redis-server keep to AEP_MAX_RPS together; with
 * Redis stopped each keeps to its share (AEP_MAX_RPS / PROXY_EXPECTED_INSTANCES) and says so in /healthz and
 * /metrics; with Redis back they share the budget again. The budget's window is long (AEP_BURST / AEP_MAX_RPS =
 * 60 s), so no window can roll over while a test counts.
 */
describeWithTools(['redis-server'], 'the AEP budget shared by two instances through Redis', () => {
    const port = 20000 + Math.floor(Math.random() * 20000);
    let redis: ChildProcess | null = null;
    let stack: ProxyStack<BuiltProxy>;
    let emulator: RunningEmulator;
    let a: BuiltProxy;
    let b: BuiltProxy;
    let customer = 0;

    const startRedis = () => {
        redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
            stdio: 'ignore'
        });
    };
    const stopRedis = async () => {
        const r = redis;
        redis = null;
        if (r && r.exitCode === null) {
            r.kill('SIGKILL');
            await new Promise((resolve) => r.once('exit', resolve));
        }
    };

    beforeAll(async () => {
        startRedis();
        const deps = () => ({ logger: createLogger('silent'), metrics: createMetrics({ defaultMetrics: false }) });
        stack = await buildProxyStack({
            env: {
                PROXY_SHARED_SECRET: PROXY_KEY,
                REDIS_URL: `redis://127.0.0.1:${port}`,
                REDIS_KEY_PREFIX: `budget${port}:`,
                AEP_MAX_RPS: '1',
                AEP_BURST: '60',
                PROXY_EXPECTED_INSTANCES: '2',
                // One AEP call per look-up (the profile), and no card cache to answer instead of AEP.
                AEP_EVENTS_ENABLED: 'false',
                CACHE_TTL_SECONDS: '0',
                CACHE_STALE_TTL_SECONDS: '0'
            },
            deps: deps()
        });
        emulator = stack.emulator;
        a = stack.proxy;
        b = await buildProxy(stack.config, deps());
        await until(async () => (await scopes()).every((s) => s === 'fleet'));
    });
    afterAll(async () => {
        await b?.close();
        await stack?.close();
        await stopRedis();
    });

    const scopes = async () => Promise.all([a, b].map(async (p) => (await p.health()).aepBudget.scope));

    /** `count` look-ups of customers AEP does not know, alternating between the instances; their statuses per instance. */
    async function lookups(count: number): Promise<{ a: number[]; b: number[] }> {
        const out = { a: [] as number[], b: [] as number[] };
        for (let i = 0; i < count; i++) {
            const p = i % 2 === 0 ? a : b;
            const res = await p.app.inject({
                method: 'POST',
                url: '/v1/profiles/lookup',
                headers: { 'content-type': 'application/json', 'x-proxy-key': PROXY_KEY },
                payload: JSON.stringify({
                    record: { objectApiName: 'Lead', recordId: '00Q8c00000BudgtEAD', fields: { Email: `budget${customer++}@example.com` } }
                })
            });
            (p === a ? out.a : out.b).push(res.statusCode);
        }
        return out;
    }

    const aepCalls = () =>
        Object.entries(emulator.stats().byGroup)
            .filter(([group]) => group !== 'ims')
            .reduce((sum, [, n]) => sum + (n ?? 0), 0);

    it("keeps both instances within one budget: AEP_MAX_RPS is the fleet's, not each instance's", async () => {
        emulator.resetStats();
        const statuses = await lookups(100);
        const calls = aepCalls();
        // The fleet's window allows 60 calls (some went to the warm-up); one budget per instance would have allowed 120.
        expect(calls).toBeLessThanOrEqual(60);
        expect(calls).toBeGreaterThan(45);
        for (const s of [statuses.a, statuses.b]) {
            expect(s.filter((x) => x === 404).length).toBeGreaterThan(0);
            expect(s.filter((x) => x === 429).length).toBeGreaterThan(0);
        }
        const health = await a.health();
        expect(health.aepBudget).toMatchObject({ scope: 'fleet', callsPerSecond: 1, burst: 60 });
        expect((await a.app.inject({ method: 'GET', url: '/metrics' })).body).toMatch(/^proxy_aep_budget_shared 1$/m);
    });

    it("falls back to each instance's share while Redis is down, and says so", async () => {
        await stopRedis();
        await until(async () => (await scopes()).every((s) => s === 'instance'));
        for (const p of [a, b]) {
            const health = (await p.app.inject({ method: 'GET', url: '/healthz' })).json<{ aepBudget: unknown }>();
            expect(health.aepBudget).toMatchObject({ scope: 'instance', callsPerSecond: 0.5, burst: 30 });
            const metrics = (await p.app.inject({ method: 'GET', url: '/metrics' })).body;
            expect(metrics).toMatch(/^proxy_aep_budget_shared 0$/m);
            expect(metrics).toMatch(/^proxy_aep_budget_calls_per_second 0\.5$/m);
        }
        emulator.resetStats();
        const statuses = await lookups(100);
        // Each instance keeps to 30 calls in its window (a few went to the warm-up before Redis answered).
        expect(aepCalls()).toBeLessThanOrEqual(60);
        for (const s of [statuses.a, statuses.b]) {
            expect(s.filter((x) => x === 404).length).toBeLessThanOrEqual(30);
            expect(s.filter((x) => x === 429).length).toBeGreaterThan(0);
        }
    });

    it('draws from the fleet budget again once Redis is back', async () => {
        startRedis();
        await until(async () => (await scopes()).every((s) => s === 'fleet'), 15_000);
        expect((await b.app.inject({ method: 'GET', url: '/metrics' })).body).toMatch(/^proxy_aep_budget_shared 1$/m);
    }, 20_000);
});

async function until(check: () => Promise<boolean>, timeoutMs = 8000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await check())) {
        if (Date.now() > deadline) throw new Error(`not reached within ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 100));
    }
}
