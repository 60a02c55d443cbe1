import type { CallOverrides } from './apex/customerProfileRelay';

/**
 * The preview's scenarios (platform/previewScenario.js, chosen in the preview controls), as the server side plays
 * them: the same relay and proxy, with the one thing that differs in such an org. No permission and a record without
 * identity need nothing here (the card's custom permission and the record itself make them).
 */
export const SCENARIO_KEYS = ['normal', 'noPermission', 'sensitiveHidden', 'noIdentity', 'configError', 'collapsed'] as const;
export type Scenario = (typeof SCENARIO_KEYS)[number];

export function scenarioOf(value: unknown): Scenario {
    return (SCENARIO_KEYS as readonly unknown[]).includes(value) ? (value as Scenario) : 'normal';
}

/**
 * Per-call differences for the relay: without View_Sensitive_Profile_Fields; or a Named Credential whose URL points
 * at a path the proxy does not serve (the proxy answers 404 ROUTE_NOT_FOUND, the relay CONFIGURATION, as in an org).
 */
export function relayOverrides(scenario: Scenario, proxyUrl: string): CallOverrides {
    switch (scenario) {
        case 'sensitiveHidden':
            return { canViewSensitiveFields: false };
        case 'configError':
            // A card cached before the "misconfiguration" would hide it: this scenario always calls out.
            return { proxyUrl: `${proxyUrl.replace(/\/+$/, '')}/wrong-path`, bypassCache: true };
        default:
            return {};
    }
}

/**
 * A merged profile that holds two people (card `match.collapse`, proxy/src/contract/cardModel.ts as agreed with the
 * identity work): until the proxy sets it from AEP's identity graph, the preview lays this fixture over OK answers so
 * the card's notice can be seen. Masked like the proxy masks identity values.
 */
export const COLLAPSE_FIXTURE = {
    namespace: 'CRMID',
    people: 2,
    ids: [
        { maskedValue: '0038c•••DAAR', thisRecord: true },
        { maskedValue: '0038c•••SAAR', thisRecord: false }
    ]
} as const;

/** The relay's JSON answer with the collapse fixture on its card (OK answers only). */
export function withCollapse(json: string): string {
    const envelope = JSON.parse(json) as { card?: { match?: Record<string, unknown> } | null };
    if (!envelope.card?.match) return json;
    envelope.card.match.collapse = COLLAPSE_FIXTURE;
    return JSON.stringify(envelope);
}
