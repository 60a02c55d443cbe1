import { loadCliConfig } from '../src/cliConfig';

describe('CLI environment', () => {
    it('defaults to port 8181 on loopback, realistic 150-500 ms latency on look-ups, events on', () => {
        const { options } = loadCliConfig({});
        expect(options).toMatchObject({ host: '127.0.0.1', port: 8181, identityRegion: 'va7', tokenLifetimeSeconds: 86399, logger: false });
        expect(options.faults).toEqual([
            { group: 'entities', action: { type: 'latency', ms: 150, jitterMs: 350 } },
            { group: 'events', action: { type: 'latency', ms: 150, jitterMs: 350 } }
        ]);
        expect(options.eventLookup).toEqual({ primary: { enabled: true, refusalStatus: 403 } });
        expect(options.multiEntityKeying).toBe('perRequestedIdentity');
        expect(options.dataset).toBeUndefined();
    });

    it('reads latency 0, events off/422, rate limit, faults and generated data', () => {
        const { options } = loadCliConfig({
            EMULATOR_LATENCY_MS: '0',
            EMULATOR_EVENTS: 'off',
            EMULATOR_EVENTS_REFUSAL_STATUS: '422',
            EMULATOR_RATE_LIMIT_RPS: '20',
            EMULATOR_FAULTS: JSON.stringify([
                { group: 'identity', action: { type: 'status', status: 503 }, mode: { type: 'probability', probability: 0.1, seed: 9 } }
            ]),
            EMULATOR_GENERATE_PROFILES: '1000',
            EMULATOR_GENERATE_EVENTS: '5',
            EMULATOR_MULTI_ENTITY_KEYING: 'perProfile'
        });
        expect(options.multiEntityKeying).toBe('perProfile');
        expect(options.faults).toEqual([
            { group: 'identity', action: { type: 'status', status: 503 }, mode: { type: 'probability', probability: 0.1, seed: 9 } }
        ]);
        expect(options.eventLookup).toEqual({ primary: { enabled: false, refusalStatus: 422 } });
        expect(options.rateLimit).toEqual({ requestsPerSecond: 20, retryAfterMs: 500 });
        expect(options.dataset?.profileCount).toBe(1000);
    });

    it.each([
        [{ EMULATOR_PORT: '70000' }, /EMULATOR_PORT/],
        [{ EMULATOR_HOST: '0.0.0.0' }, /EMULATOR_HOST/],
        [{ EMULATOR_LATENCY_MS: 'fast' }, /EMULATOR_LATENCY_MS/],
        [{ EMULATOR_LATENCY_MS: '500-100' }, /maximum below its minimum/],
        [{ EMULATOR_EVENTS: 'maybe' }, /EMULATOR_EVENTS/],
        [{ EMULATOR_EVENTS_REFUSAL_STATUS: '404' }, /EMULATOR_EVENTS_REFUSAL_STATUS/],
        [{ EMULATOR_MULTI_ENTITY_KEYING: 'perPerson' }, /EMULATOR_MULTI_ENTITY_KEYING/],
        [{ EMULATOR_FAULTS: '{not json' }, /not valid JSON/],
        [{ EMULATOR_FAULTS: '[{"action":{"type":"explode"}}]' }, /EMULATOR_FAULTS is invalid/]
    ])('refuses %p', (env, message) => {
        expect(() => loadCliConfig(env)).toThrow(message);
    });
});
