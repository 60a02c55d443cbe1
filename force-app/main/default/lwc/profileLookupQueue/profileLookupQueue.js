import startLookup from '@salesforce/apexContinuation/CustomerProfileController.startLookup';

/**
 * Hands the cards' look-ups to the framework one at a time, newest wish per card first.
 *
 * The framework runs actions that return a Continuation one after the other per browser client: "At any time,
 * there can be only one continuation in progress on the client" (LWC Developer Guide, Continuation Limits,
 * https://developer.salesforce.com/docs/platform/lwc/guide/apex-continuations-limits.html). Calling Apex for
 * every tab switch would line up look-ups nobody waits for anymore ahead of the current one, each up to the
 * Continuation timeout when AEP is slow. So all cards of the page share this module-level queue:
 * - each card (owner) has at most one look-up waiting: a newer request replaces its older one;
 * - requests for the same record, pick and refresh share one call (the record page card and the utility bar
 *   card on the same record make one look-up, and both show its answer);
 * - a call already handed to the framework cannot be cancelled; when no card waits for it anymore the queue
 *   moves on (the framework still finishes it first, but nothing stale is added behind it).
 */

/** Look-ups not yet handed to the framework, oldest first: { key, params, waiters: Map<owner, waiter> }. */
const waiting = [];
/** The look-up the framework is running, or null. */
let running = null;

/** Raised to a card whose earlier request was replaced by its newer one; the card ignores it. */
export class LookupSuperseded extends Error {
    constructor() {
        super('superseded by a newer look-up of the same card');
        this.name = 'LookupSuperseded';
    }
}

function keyOf(params) {
    return JSON.stringify([params.recordId, params.profileId ?? null, params.refresh === true]);
}

/**
 * Asks for a look-up on behalf of `owner` (the card component). Resolves with the relay's JSON string or rejects
 * with its error, like startLookup itself; rejects with LookupSuperseded when the owner asks again first.
 */
export function requestLookup(owner, params) {
    withdraw(owner);
    const key = keyOf(params);
    return new Promise((resolve, reject) => {
        const waiter = { resolve, reject };
        const shared = running?.key === key && running.waiters.size > 0 ? running : waiting.find((entry) => entry.key === key);
        if (shared) {
            shared.waiters.set(owner, waiter);
            return;
        }
        waiting.push({ key, params, waiters: new Map([[owner, waiter]]) });
        next();
    });
}

/** Withdraws the owner's pending look-up (the card left the record, or was removed from the page). */
export function cancelLookups(owner) {
    withdraw(owner);
}

function withdraw(owner) {
    for (const entry of [running, ...waiting]) {
        const waiter = entry?.waiters.get(owner);
        if (waiter) {
            entry.waiters.delete(owner);
            waiter.reject(new LookupSuperseded());
        }
    }
    for (let i = waiting.length - 1; i >= 0; i--) {
        if (waiting[i].waiters.size === 0) {
            waiting.splice(i, 1);
        }
    }
    if (running && running.waiters.size === 0) {
        running = null;
        next();
    }
}

function next() {
    if (running || waiting.length === 0) {
        return;
    }
    const entry = waiting.shift();
    running = entry;
    let call;
    try {
        call = Promise.resolve(startLookup(entry.params));
    } catch (error) {
        call = Promise.reject(error);
    }
    call.then(
        (raw) => settle(entry, (waiter) => waiter.resolve(raw)),
        (error) => settle(entry, (waiter) => waiter.reject(error))
    );
}

function settle(entry, notify) {
    for (const waiter of entry.waiters.values()) {
        notify(waiter);
    }
    entry.waiters.clear();
    if (running === entry) {
        running = null;
    }
    next();
}
