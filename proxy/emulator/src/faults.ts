import { z } from 'zod';
import { mulberry32 } from './prng';
import { ROUTE_GROUPS, type RouteGroup } from './context';

/**
 * Fault injection per route group: added latency, throttling (429 + Retry-After), 5xx, a hang until the
 * client gives up, malformed JSON and connection resets, each "always", for the "next N" requests, or with a
 * seeded probability. Rules are plain data so that the HTTP admin API and env config share one schema.
 */
export const FaultTarget = z.enum([...ROUTE_GROUPS, 'all']);
export type FaultTarget = z.infer<typeof FaultTarget>;

export const FaultAction = z.discriminatedUnion('type', [
    z.object({
        type: z.literal('latency'),
        ms: z.number().int().min(0).max(600000),
        jitterMs: z.number().int().min(0).max(600000).optional()
    }),
    z.object({
        type: z.literal('status'),
        status: z.union([z.literal(429), z.literal(500), z.literal(502), z.literal(503)]),
        retryAfterMs: z.number().int().min(0).optional()
    }),
    z.object({ type: z.literal('timeout') }),
    z.object({ type: z.literal('malformedJson') }),
    z.object({ type: z.literal('connectionReset') })
]);
export type FaultAction = z.infer<typeof FaultAction>;

export const FaultMode = z.discriminatedUnion('type', [
    z.object({ type: z.literal('always') }),
    z.object({ type: z.literal('next'), count: z.number().int().min(1) }),
    z.object({ type: z.literal('probability'), probability: z.number().min(0).max(1), seed: z.number().int().optional() })
]);
export type FaultMode = z.infer<typeof FaultMode>;

export const FaultRule = z.object({
    group: FaultTarget.default('all'),
    action: FaultAction,
    mode: FaultMode.default({ type: 'always' })
});
export type FaultRule = z.input<typeof FaultRule>;
export type ActiveFault = z.infer<typeof FaultRule> & { readonly id: string; readonly remaining?: number; readonly fired: number };

/** What the server must do for one request. */
export interface FaultDecision {
    readonly latencyMs: number;
    readonly terminal?: Exclude<FaultAction, { type: 'latency' }>;
}

export interface FaultController {
    /**
     * Adds a rule and returns its id. A latency rule replaces the group's earlier latency rule; other rules
     * queue up in the order set (the first that fires answers the request), so "429 once, then 500 once" works.
     */
    set(rule: FaultRule): string;
    /** Removes one rule by id. */
    remove(id: string): boolean;
    /** Removes all rules, or those of one group. */
    clear(group?: FaultTarget): void;
    /** Back to the rules the emulator started with (its configured latency, EMULATOR_FAULTS): injected ones go. */
    reset(): void;
    list(): ActiveFault[];
}

interface RuleState {
    id: string;
    rule: z.infer<typeof FaultRule>;
    remaining?: number;
    fired: number;
    random?: () => number;
}

export class Faults implements FaultController {
    private rules: RuleState[] = [];
    private counter = 0;
    private readonly jitter = mulberry32(0x5eed);

    /** `startUp`: the rules active from the start, which reset() restores. */
    constructor(private readonly startUp: readonly FaultRule[] = []) {
        this.reset();
    }

    set(input: FaultRule): string {
        const rule = FaultRule.parse(input);
        if (rule.action.type === 'latency')
            this.rules = this.rules.filter((r) => !(r.rule.group === rule.group && r.rule.action.type === 'latency'));
        const id = `fault-${++this.counter}`;
        this.rules.push({
            id,
            rule,
            remaining: rule.mode.type === 'next' ? rule.mode.count : undefined,
            fired: 0,
            random: rule.mode.type === 'probability' ? mulberry32(rule.mode.seed ?? 1) : undefined
        });
        return id;
    }

    remove(id: string): boolean {
        const before = this.rules.length;
        this.rules = this.rules.filter((r) => r.id !== id);
        return this.rules.length !== before;
    }

    clear(group?: FaultTarget): void {
        this.rules = group === undefined ? [] : this.rules.filter((r) => r.rule.group !== group);
    }

    reset(): void {
        this.rules = [];
        for (const rule of this.startUp) this.set(rule);
    }

    list(): ActiveFault[] {
        return this.rules.map((r) => ({ ...r.rule, id: r.id, remaining: r.remaining, fired: r.fired }));
    }

    /** Decides, and consumes "next N"/probability draws, for one request of a group. */
    decide(group: RouteGroup): FaultDecision {
        let latencyMs = 0;
        let terminal: FaultDecision['terminal'];
        for (const state of [...this.rules]) {
            if (state.rule.group !== 'all' && state.rule.group !== group) continue;
            const action = state.rule.action;
            if (action.type !== 'latency' && terminal) continue;
            if (!this.fires(state)) continue;
            if (action.type === 'latency') latencyMs += action.ms + (action.jitterMs ? Math.floor(this.jitter() * action.jitterMs) : 0);
            else terminal = action;
        }
        return { latencyMs, terminal };
    }

    private fires(state: RuleState): boolean {
        if (state.remaining !== undefined) {
            if (state.remaining <= 0) return false;
            state.remaining -= 1;
            if (state.remaining === 0) this.rules = this.rules.filter((r) => r !== state);
        } else if (state.random && state.random() >= (state.rule.mode as { probability: number }).probability) {
            return false;
        }
        state.fired += 1;
        return true;
    }
}
