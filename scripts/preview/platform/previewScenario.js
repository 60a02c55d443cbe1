/**
 * The situation the preview shows, chosen with `?scenario=` in the page URL (preview controls): a normal agent, one
 * without the Customer Profile Viewer permission, one without the sensitive-fields permission, a record with no
 * identity, or a misconfigured Named Credential (a profile that merged several people is the household Case's real
 * answer). Like the user language it applies on the next page load; the browser sends it to the preview server with
 * every Apex call.
 */
export const SCENARIOS = [
    { key: 'normal', name: 'Normal' },
    { key: 'noPermission', name: 'No permission to view profiles' },
    { key: 'sensitiveHidden', name: 'Sensitive fields hidden' },
    { key: 'noIdentity', name: 'Record without identity' },
    { key: 'configError', name: 'Configuration error (Named Credential URL)' }
];

function requestedScenario() {
    try {
        return new URLSearchParams(window.location.search).get('scenario');
    } catch {
        return null;
    }
}

export const CURRENT_SCENARIO = SCENARIOS.find((s) => s.key === requestedScenario()) ?? SCENARIOS[0];

/** The preview user's custom permissions (`@salesforce/customPermission/*`) in this scenario. */
export function hasCustomPermission(name) {
    if (name === 'View_Customer_Profile') {
        return CURRENT_SCENARIO.key !== 'noPermission';
    }
    if (name === 'View_Sensitive_Profile_Fields') {
        return CURRENT_SCENARIO.key !== 'sensitiveHidden';
    }
    return true;
}
