import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import YAML from 'yaml';
import type { Registry } from 'prom-client';
import type { BudgetReport } from '../aep/aepBudget';

export interface Check {
    ok: boolean;
    detail?: string;
}

/** /healthz: the process answers; how AEP looks from here, from state only (no AEP call is made to answer). */
export interface HealthReport {
    status: 'ok';
    aep: { status: 'ok' | 'degraded'; checks: Record<string, Check> };
    /** The outbound AEP rate limit in force: the fleet's budget (Redis) or this instance's share. */
    aepBudget: BudgetReport;
    /** Informational: with Redis down the in-process cache keeps serving. */
    redis?: Check;
}

/** /readyz: whether this instance takes traffic. AEP's state is repeated for information; it never decides. */
export interface ReadinessReport {
    ready: boolean;
    checks: { started: Check };
    aep: 'ok' | 'degraded';
}

export interface OpsRouteDeps {
    registry: Registry;
    /** The whole /healthz report, with the Redis ping. */
    health: () => Promise<HealthReport>;
    /** AEP's state from memory alone (no I/O); also refreshes proxy_aep_degraded. For /readyz and /metrics. */
    aepHealth: () => HealthReport['aep'];
    /** True once the start-up warm-up (token, namespaces, merge policy) has run, whatever its outcome. */
    started: () => boolean;
}

export const OPENAPI_PATH = join(__dirname, '..', '..', 'openapi', 'proxy.openapi.yaml');

/**
 * Health, readiness, metrics and the proxy's own OpenAPI document. None of these carry profile data, so
 * they need no caller credentials (a load balancer and Prometheus must reach them); keep them on the
 * internal network in deployments that expose the proxy publicly.
 *
 * Readiness means "can serve": an instance with AEP down still answers from its cache (stale cards) and with
 * clear error codes otherwise, which beats the load balancer's own error page; so only starting (the warm-up
 * has not run yet) makes it not ready. Once a stop began the listener is closed: probes fail to connect. AEP's state shows in /healthz and the proxy_aep_degraded and
 * proxy_circuit_breaker_state metrics, for alerts, never by leaving rotation. Both answer from memory at once.
 */
export function registerOpsRoutes(app: FastifyInstance, deps: OpsRouteDeps): void {
    const openapiYaml = readFileSync(OPENAPI_PATH, 'utf8');
    const openapiJson = JSON.stringify(YAML.parse(openapiYaml));

    app.get('/healthz', async (_request, reply) => reply.header('cache-control', 'no-store').send(await deps.health()));

    app.get('/readyz', async (_request, reply) => {
        const started = deps.started();
        const report: ReadinessReport = {
            ready: started,
            checks: { started: started ? { ok: true } : { ok: false, detail: 'warming up: IMS token, namespace catalog, merge policy' } },
            aep: deps.aepHealth().status
        };
        return reply
            .code(report.ready ? 200 : 503)
            .header('cache-control', 'no-store')
            .send(report);
    });

    app.get('/metrics', async (_request, reply) => {
        deps.aepHealth(); // refreshes proxy_aep_degraded
        return reply.type(deps.registry.contentType).send(await deps.registry.metrics());
    });

    app.get('/openapi.yaml', async (_request, reply) => reply.type('application/yaml; charset=utf-8').send(openapiYaml));
    app.get('/openapi.json', async (_request, reply) => reply.type('application/json; charset=utf-8').send(openapiJson));
}
