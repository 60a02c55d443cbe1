import { z } from 'zod';
import type { EmulatorOptions, FaultRule } from './index';
import { generateDataset } from './generator';
import { FaultRule as FaultRuleSchema } from './faults';
import { MULTI_ENTITY_KEYINGS } from './orgs';

/** The CLI's environment, validated once at start (`src/main.ts`). */
const Env = z.object({
    EMULATOR_HOST: z.enum(['127.0.0.1', '::1', 'localhost']).default('127.0.0.1'),
    EMULATOR_PORT: z.coerce.number().int().min(0).max(65535).default(8181),
    /** Added latency for profile/event look-ups: "300" or a range "150-500" (AEP documents ~500 ms); "0" disables. */
    EMULATOR_LATENCY_MS: z
        .string()
        .regex(/^\d+(-\d+)?$/, 'use a number of ms or a range like 150-500')
        .default('150-500'),
    /** Event look-up for the primary org: on (Ultimate) or off (refused like Prime). */
    EMULATOR_EVENTS: z.enum(['on', 'off']).default('on'),
    EMULATOR_EVENTS_REFUSAL_STATUS: z.coerce
        .number()
        .pipe(z.union([z.literal(403), z.literal(422)]))
        .default(403),
    EMULATOR_TOKEN_TTL_SECONDS: z.coerce.number().int().positive().default(86399),
    EMULATOR_IDENTITY_REGION: z
        .string()
        .regex(/^[a-z0-9]+$/)
        .default('va7'),
    /** Per-org requests per second before 429; 0 = no limit. */
    EMULATOR_RATE_LIMIT_RPS: z.coerce.number().int().min(0).default(0),
    EMULATOR_RATE_LIMIT_RETRY_MS: z.coerce.number().int().min(0).default(500),
    /** JSON array of fault rules, e.g. [{"group":"entities","action":{"type":"status","status":503},"mode":{"type":"probability","probability":0.1,"seed":7}}]. */
    EMULATOR_FAULTS: z.string().optional(),
    /** Generated benchmark data on top of the seed people: profiles x events each. */
    EMULATOR_GENERATE_PROFILES: z.coerce.number().int().min(0).default(0),
    EMULATOR_GENERATE_EVENTS: z.coerce.number().int().min(0).default(10),
    EMULATOR_GENERATE_SEED: z.coerce.number().int().default(42),
    EMULATOR_LOG: z.enum(['true', 'false']).default('false'),
    /** How the multi-entity POST keys its answer, for every org: per requested identity (Adobe's example) or per profile. */
    EMULATOR_MULTI_ENTITY_KEYING: z.enum(MULTI_ENTITY_KEYINGS).default('perRequestedIdentity')
});

export function latencyRules(spec: string): FaultRule[] {
    const [min, max] = spec.split('-').map(Number) as [number, number | undefined];
    if (max !== undefined && max < min) throw new Error(`EMULATOR_LATENCY_MS range ${spec} has its maximum below its minimum`);
    if (min === 0 && (max === undefined || max === 0)) return [];
    const action = { type: 'latency' as const, ms: min, jitterMs: max !== undefined ? Math.max(0, max - min) : 0 };
    return [
        { group: 'entities', action },
        { group: 'events', action }
    ];
}

export function faultRules(json: string | undefined): FaultRule[] {
    if (!json) return [];
    let value: unknown;
    try {
        value = JSON.parse(json);
    } catch {
        throw new Error('EMULATOR_FAULTS is not valid JSON');
    }
    const parsed = z.array(FaultRuleSchema).safeParse(value);
    if (!parsed.success) throw new Error(`EMULATOR_FAULTS is invalid: ${parsed.error.message}`);
    return parsed.data;
}

export interface CliConfig {
    readonly options: EmulatorOptions;
    readonly latency: string;
    readonly events: 'on' | 'off';
}

/** Throws with every problem listed when the environment is invalid. */
export function loadCliConfig(source: NodeJS.ProcessEnv): CliConfig {
    const parsed = Env.safeParse(source);
    if (!parsed.success) {
        throw new Error(`invalid emulator environment: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    }
    const env = parsed.data;
    return {
        latency: env.EMULATOR_LATENCY_MS,
        events: env.EMULATOR_EVENTS,
        options: {
            host: env.EMULATOR_HOST,
            port: env.EMULATOR_PORT,
            identityRegion: env.EMULATOR_IDENTITY_REGION,
            tokenLifetimeSeconds: env.EMULATOR_TOKEN_TTL_SECONDS,
            faults: [...latencyRules(env.EMULATOR_LATENCY_MS), ...faultRules(env.EMULATOR_FAULTS)],
            rateLimit: { requestsPerSecond: env.EMULATOR_RATE_LIMIT_RPS, retryAfterMs: env.EMULATOR_RATE_LIMIT_RETRY_MS },
            eventLookup: { primary: { enabled: env.EMULATOR_EVENTS === 'on', refusalStatus: env.EMULATOR_EVENTS_REFUSAL_STATUS } },
            dataset:
                env.EMULATOR_GENERATE_PROFILES > 0
                    ? generateDataset({
                          seed: env.EMULATOR_GENERATE_SEED,
                          profiles: env.EMULATOR_GENERATE_PROFILES,
                          eventsPerProfile: env.EMULATOR_GENERATE_EVENTS
                      })
                    : undefined,
            logger: env.EMULATOR_LOG === 'true',
            multiEntityKeying: env.EMULATOR_MULTI_ENTITY_KEYING
        }
    };
}
