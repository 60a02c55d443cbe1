import getCardConfig from '@salesforce/apex/ProfileCardConfigController.getCardConfig';

/*
 * The org's card configuration (next-step rules and label mappings, ProfileCardConfigController.getCardConfig), asked
 * once per page and shared by every card on it. Called imperatively: the method is cacheable, so the framework serves
 * repeat calls from its client cache. Without it (no permission, Apex unreachable) the card still works: no next step,
 * and scores, factors and attributes named by readable keys.
 */

const EMPTY = Object.freeze({ rules: [], labels: [], problems: [] });
let pending = null;

export function loadCardConfig() {
    if (!pending) {
        pending = Promise.resolve()
            .then(() => getCardConfig())
            .then(
                (config) => {
                    for (const problem of config?.problems ?? []) {
                        // For the admin who set the rules up: the agent sees the card without that row.
                        console.warn(`Customer profile card configuration: ${problem}`);
                    }
                    return config ?? EMPTY;
                },
                () => {
                    pending = null;
                    return EMPTY;
                }
            );
    }
    return pending;
}

/** Forgets the loaded configuration (tests; a page never needs it). */
export function resetCardConfig() {
    pending = null;
}
