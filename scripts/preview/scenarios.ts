import type { CallOverrides } from './apex/customerProfileRelay';

/**
 * The preview's scenarios (platform/previewScenario.js, chosen in the preview controls), as the server side plays
 * them: the same relay and proxy, with the one thing that differs in such an org. No permission and a record without
 * identity need nothing here (the card's custom permission and the record itself make them).
 */
export const SCENARIO_KEYS = ['normal', 'noPermission', 'sensitiveHidden', 'noIdentity', 'configError'] as const;
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
