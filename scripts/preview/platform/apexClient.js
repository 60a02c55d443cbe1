/**
 * Browser half of the preview's Apex stand-in: POSTs the method's parameters to the preview server, which
 * runs the relay (scripts/preview/apex). The server answers like an Aura action (always HTTP 200 with
 * state SUCCESS or ERROR), so a handled exception is a result, not a failed request.
 *
 * Resolves with the method's return value; rejects with the shape Lightning gives an LWC for an Apex
 * exception: `{ body: { message, exceptionType, isUserDefinedException }, ok: false, status, statusText }`.
 */
import { CURRENT_LOCALE } from './previewLocale.js';
import { CURRENT_SCENARIO } from './previewScenario.js';

export async function invokeApex(className, methodName, params) {
    let response;
    try {
        response = await fetch(`/preview/apex/${encodeURIComponent(className)}/${encodeURIComponent(methodName)}`, {
            method: 'POST',
            // The user's language and the preview scenario, which in an org come with the session.
            headers: {
                'Content-Type': 'application/json',
                'X-Preview-Locale': CURRENT_LOCALE.key,
                'X-Preview-Scenario': CURRENT_SCENARIO.key
            },
            body: JSON.stringify(params ?? {})
        });
    } catch {
        throw apexError('Disconnected or Canceled', 0);
    }
    let payload;
    try {
        payload = await response.json();
    } catch {
        throw apexError(`Unexpected response from the server (HTTP ${response.status})`, response.status);
    }
    if (payload?.state === 'SUCCESS') {
        return payload.returnValue;
    }
    const error = payload?.error ?? {};
    throw apexError(error.message ?? 'An internal server error has occurred', 500, error.exceptionType);
}

function apexError(message, status, exceptionType = 'System.Exception') {
    return {
        body: { message, exceptionType, isUserDefinedException: exceptionType === 'System.AuraHandledException' },
        ok: false,
        status,
        statusText: status === 0 ? 'Network Error' : 'Server Error'
    };
}
