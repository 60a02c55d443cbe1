import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import YAML from 'yaml';
import type { Registry } from 'prom-client';

export interface ReadinessReport {
    ready: boolean;
    checks: Record<string, { ok: boolean; detail?: string }>;
}

export interface OpsRouteDeps {
    registry: Registry;
    readiness: () => Promise<ReadinessReport>;
}

export const OPENAPI_PATH = join(__dirname, '..', '..', 'openapi', 'proxy.openapi.yaml');

/**
 * Health, readiness, metrics and the proxy's own OpenAPI document. None of these carry profile data, so
 * they need no caller credentials (a load balancer and Prometheus must reach them); keep them on the
 * internal network in deployments that expose the proxy publicly.
 */
export function registerOpsRoutes(app: FastifyInstance, deps: OpsRouteDeps): void {
    const openapiYaml = readFileSync(OPENAPI_PATH, 'utf8');
    const openapiJson = JSON.stringify(YAML.parse(openapiYaml));

    app.get('/healthz', async (_request, reply) => reply.header('cache-control', 'no-store').send({ status: 'ok' }));

    app.get('/readyz', async (_request, reply) => {
        const report = await deps.readiness();
        return reply
            .code(report.ready ? 200 : 503)
            .header('cache-control', 'no-store')
            .send(report);
    });

    app.get('/metrics', async (_request, reply) => reply.type(deps.registry.contentType).send(await deps.registry.metrics()));

    app.get('/openapi.yaml', async (_request, reply) => reply.type('application/yaml; charset=utf-8').send(openapiYaml));
    app.get('/openapi.json', async (_request, reply) => reply.type('application/json; charset=utf-8').send(openapiJson));
}
