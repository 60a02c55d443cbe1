import { readCardConfig } from './cardConfig';
import type { CustomerProfileRelay, RelayTiming } from './customerProfileRelay';
import type { Agent, ProfileChoices } from './profileChoices';
import { RelayError } from './relayErrors';
import { relayOverrides, scenarioOf } from '../scenarios';

/**
 * The Apex methods the card calls, as the preview server serves them (POST /preview/apex/<Class>/<method>): the relay
 * stand-in, its configuration twin and the profile choices, each in the preview user's language and scenario.
 */
export interface ApexCall {
    params: Record<string, unknown>;
    /** The preview user's language key (en_US, ko, nl_NL, de, fr, zh_TW). */
    locale: string;
    scenario: string;
    /** Filled by the look-up with where its time went, for the action's Server-Timing header. */
    timing?: RelayTiming;
}

export type ApexMethod = (call: ApexCall) => Promise<unknown>;

const LOCALE_KEYS = new Set(['en_US', 'ko', 'nl_NL', 'de', 'fr', 'zh_TW']);

export function previewApex(opts: {
    relay: CustomerProfileRelay;
    choices: ProfileChoices;
    proxyUrl: string;
    agent: Agent;
}): Record<string, ApexMethod> {
    const requirePermission = (scenario: string) => {
        if (scenarioOf(scenario) === 'noPermission') {
            throw new RelayError('NO_PERMISSION', 'You do not have permission to view customer profiles.');
        }
    };
    return {
        'CustomerProfileController.startLookup': async ({ params, scenario, timing }) => {
            requirePermission(scenario);
            return opts.relay.startLookup(params, { ...relayOverrides(scenarioOf(scenario), opts.proxyUrl), timing });
        },
        'ProfileCardConfigController.getCardConfig': async ({ locale, scenario }) => {
            requirePermission(scenario);
            return readCardConfig(LOCALE_KEYS.has(locale) ? locale : 'en_US');
        },
        'ProfileChoiceController.rememberChoice': async ({ params, scenario }) => {
            requirePermission(scenario);
            return opts.choices.remember(opts.agent, params);
        },
        'ProfileChoiceController.forgetChoice': async ({ params, scenario }) => {
            requirePermission(scenario);
            await opts.choices.forget(params);
            return null;
        },
        'ProfileChoiceController.reportNotThisPerson': async ({ params, scenario }) => {
            requirePermission(scenario);
            await opts.choices.reportNotThisPerson(opts.agent, params);
            return null;
        }
    };
}
