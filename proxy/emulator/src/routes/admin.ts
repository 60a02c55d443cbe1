import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { FaultRule, FaultTarget, type Faults } from '../faults';
import type { StatsRecorder } from '../stats';
import type { TokenIssuer } from '../ims/tokens';
import type { RateLimiter } from '../rateLimit';
import { readJsonBody } from './jsonBody';
import { MULTI_ENTITY_KEYINGS, type MultiEntityKeying } from '../orgs';
import type { EmulatorServices } from '../context';

export const ADMIN_PREFIX = '/__emulator';

const FaultRequest = z.union([FaultRule, z.object({ rules: z.array(FaultRule).min(1) })]);
const Settings = z
    .object({
        tokenLifetimeSeconds: z.number().positive().optional(),
        rateLimit: z.object({ requestsPerSecond: z.number().int().min(0), retryAfterMs: z.number().int().min(0).optional() }).optional(),
        /** One keying for every org, or per org key ({"primary":"perProfile"}). */
        multiEntityKeying: z.union([z.enum(MULTI_ENTITY_KEYINGS), z.record(z.string(), z.enum(MULTI_ENTITY_KEYINGS))]).optional()
    })
    .strict();

/** Test/ops controls; not part of Adobe's API. Bodies are JSON; errors are plain `{error}` objects. */
export function registerAdminRoutes(
    app: FastifyInstance,
    deps: {
        faults: Faults;
        stats: StatsRecorder;
        tokens: TokenIssuer;
        rateLimiter: RateLimiter;
        services: EmulatorServices;
        setMultiEntityKeying: (keying: MultiEntityKeying | Readonly<Record<string, MultiEntityKeying>>) => void;
    }
): void {
    app.get(`${ADMIN_PREFIX}/faults`, async () => ({ faults: deps.faults.list() }));

    app.post(`${ADMIN_PREFIX}/faults`, async (request, reply) => {
        const parsed = readJsonBody(request.body);
        const result = parsed.ok ? FaultRequest.safeParse(parsed.value) : undefined;
        if (!result?.success)
            return reply.code(400).send({
                error: 'invalid fault rule',
                issues: result?.error.issues ?? [{ message: parsed.ok ? 'invalid' : parsed.reason }]
            });
        const rules = 'rules' in result.data ? result.data.rules : [result.data];
        const ids = rules.map((rule) => deps.faults.set(rule));
        return reply.code(201).send({ ids, faults: deps.faults.list() });
    });

    app.delete(`${ADMIN_PREFIX}/faults`, async (request, reply) => {
        const group = (request.query as { group?: string }).group;
        if (group !== undefined) {
            const target = FaultTarget.safeParse(group);
            if (!target.success) return reply.code(400).send({ error: `unknown group '${group}'` });
            deps.faults.clear(target.data);
        } else deps.faults.reset();
        return reply.code(204).send();
    });

    app.get(`${ADMIN_PREFIX}/stats`, async () => deps.stats.snapshot());

    app.post(`${ADMIN_PREFIX}/stats/reset`, async (_request, reply) => {
        deps.stats.reset();
        return reply.code(204).send();
    });

    app.post(`${ADMIN_PREFIX}/tokens/revoke`, async () => ({ revoked: deps.tokens.revokeAll() }));

    app.post(`${ADMIN_PREFIX}/settings`, async (request, reply) => {
        const parsed = readJsonBody(request.body);
        const result = parsed.ok ? Settings.safeParse(parsed.value) : undefined;
        if (!result?.success) return reply.code(400).send({ error: 'invalid settings', issues: result?.error.issues ?? [] });
        if (result.data.tokenLifetimeSeconds !== undefined) deps.tokens.setLifetimeSeconds(result.data.tokenLifetimeSeconds);
        if (result.data.rateLimit !== undefined) deps.rateLimiter.configure(result.data.rateLimit);
        const keying = result.data.multiEntityKeying;
        if (typeof keying === 'object') {
            const unknown = Object.keys(keying).filter((key) => !deps.services.orgs.orgs.some((org) => org.key === key));
            if (unknown.length > 0) return reply.code(400).send({ error: `unknown org key(s): ${unknown.join(', ')}` });
        }
        if (keying !== undefined) deps.setMultiEntityKeying(keying);
        return {
            tokenLifetimeSeconds: deps.tokens.tokenLifetimeSeconds,
            rateLimit: deps.rateLimiter.current,
            multiEntityKeying: Object.fromEntries(deps.services.orgs.orgs.map((org) => [org.key, deps.services.multiEntityKeyingFor(org)]))
        };
    });
}
