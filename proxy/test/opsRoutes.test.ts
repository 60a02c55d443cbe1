import { readFileSync } from 'node:fs';
import YAML from 'yaml';
import { ERROR_STATUS } from '../src/contract/errors';
import { OPENAPI_FILE } from '../src/contract/generate';
import { json, RECORDS, startHarness, type Harness } from './support/harness';

describe('health, readiness, metrics and the OpenAPI document', () => {
    let h: Harness;
    beforeAll(async () => {
        h = await startHarness();
    });
    afterAll(async () => {
        await h.close();
    });

    it('reports liveness with AEP detail, and readiness once warmed up', async () => {
        const starting = await h.proxy.app.inject({ method: 'GET', url: '/readyz' });
        expect(starting.statusCode).toBe(503);
        expect(json(starting).checks.started.ok).toBe(false);
        await h.proxy.warmUp();
        const health = await h.proxy.app.inject({ method: 'GET', url: '/healthz' });
        expect(health.statusCode).toBe(200);
        expect(json(health)).toEqual({
            status: 'ok',
            aep: {
                status: 'ok',
                checks: {
                    imsToken: { ok: true },
                    namespaceCatalog: { ok: true },
                    mergePolicy: { ok: true },
                    circuits: { ok: true, detail: 'all closed' }
                }
            },
            // No REDIS_URL and one expected instance: the instance keeps to the whole budget (AEP_MAX_RPS 50 by default).
            aepBudget: {
                scope: 'instance',
                callsPerSecond: 50,
                burst: 50,
                detail: "no REDIS_URL: this instance keeps to its share of the fleet's budget"
            }
        });
        const ready = await h.proxy.app.inject({ method: 'GET', url: '/readyz' });
        expect(ready.statusCode).toBe(200);
        expect(json(ready)).toEqual({ ready: true, checks: { started: { ok: true } }, aep: 'ok' });
        const metrics = await h.proxy.app.inject({ method: 'GET', url: '/metrics' });
        expect(metrics.body).toMatch(/^proxy_aep_degraded 0$/m);
        expect(metrics.body).toMatch(/^proxy_aep_budget_shared 0$/m);
        expect(metrics.body).toMatch(/^proxy_aep_budget_calls_per_second 50$/m);
    });

    it('exposes Prometheus metrics for requests, upstream calls and the cache', async () => {
        await h.lookup({ record: RECORDS.janeByEmail });
        await h.lookup({ record: RECORDS.janeByEmail });
        const res = await h.proxy.app.inject({ method: 'GET', url: '/metrics' });
        expect(res.headers['content-type']).toMatch(/text\/plain/);
        expect(res.body).toMatch(
            /proxy_http_request_duration_seconds_count\{route="\/v1\/profiles\/lookup",method="POST",status="200"\} 2/
        );
        expect(res.body).toMatch(/proxy_upstream_calls_total\{target="profile",status="200"\} \d+/);
        expect(res.body).toMatch(/proxy_card_cache_total\{result="hit"\} 1/);
        expect(res.body).not.toMatch(/jane/i);
    });

    it('serves its OpenAPI document as YAML and JSON', async () => {
        const yaml = await h.proxy.app.inject({ method: 'GET', url: '/openapi.yaml' });
        expect(yaml.statusCode).toBe(200);
        const doc = YAML.parse(yaml.body);
        expect(doc.openapi).toBe('3.0.3');
        expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/v1/profiles/lookup', '/healthz', '/readyz', '/metrics']));
        expect(json(await h.proxy.app.inject({ method: 'GET', url: '/openapi.json' }))).toEqual(doc);
    });

    it('documents every error code of proxy/src/contract/errors.ts', () => {
        const doc = YAML.parse(readFileSync(OPENAPI_FILE, 'utf8'));
        expect([...doc.components.schemas.ErrorResponse.properties.error.properties.code.enum].sort()).toEqual(
            Object.keys(ERROR_STATUS).sort()
        );
        const documented = Object.keys(doc.paths['/v1/profiles/lookup'].post.responses);
        for (const status of Object.values(ERROR_STATUS)) expect(documented).toContain(String(status));
    });
});

describe('health and readiness without AEP', () => {
    let h: Harness;
    beforeAll(async () => {
        h = await startHarness({
            emulator: { faults: [{ group: 'ims', action: { type: 'status', status: 503 } }] },
            env: { AEP_RETRY_MAX_ATTEMPTS: '1' }
        });
    });
    afterAll(async () => {
        await h.close();
    });

    it('stays ready while IMS is down, shows AEP degraded in /healthz and metrics, and recovers', async () => {
        await h.proxy.warmUp();
        const ready = await h.proxy.app.inject({ method: 'GET', url: '/readyz' });
        expect(ready.statusCode).toBe(200);
        expect(json(ready)).toMatchObject({ ready: true, aep: 'degraded' });
        const health = await h.proxy.app.inject({ method: 'GET', url: '/healthz' });
        expect(health.statusCode).toBe(200);
        expect(json(health).aep.status).toBe('degraded');
        expect(json(health).aep.checks.imsToken).toEqual({ ok: false, detail: 'ims: AEP answered 503' });
        expect((await h.proxy.app.inject({ method: 'GET', url: '/metrics' })).body).toMatch(/^proxy_aep_degraded 1$/m);
        const lookup = await h.lookup({ record: RECORDS.janeByEmail });
        expect(lookup.statusCode).toBe(503);
        h.emulator.faults.clear();
        expect((await h.lookup({ record: RECORDS.janeByEmail })).statusCode).toBe(200);
        expect(json(await h.proxy.app.inject({ method: 'GET', url: '/healthz' })).aep.status).toBe('ok');
    });
});
