import { createElement } from 'lwc';
import ProfileMessage from 'c/profileMessage';
import { deepText, queryDeep } from '../../../../../test/jest-mocks/domUtils';
import { labelsFor } from '../../../../../test/jest-mocks/labels';

const LABELS = labelsFor('en_US');

function render(error) {
    const element = createElement('c-profile-message', { is: ProfileMessage });
    element.kind = 'error';
    element.error = error;
    document.body.appendChild(element);
    return element;
}

/** Runs pending microtasks (re-renders) without real time passing. */
async function settle() {
    await Promise.resolve();
    await Promise.resolve();
}

describe('c-profile-message', () => {
    beforeEach(() => jest.useFakeTimers());
    afterEach(() => {
        while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
        jest.useRealTimers();
    });

    it('counts the real wait down with the right plural, then lets the agent retry', async () => {
        const element = render({ code: 'UPSTREAM_UNAVAILABLE', retryAfterSeconds: 2, retryable: true });
        await settle();
        const hint = () => deepText(queryDeep(element, 'p.retry-hint')[0]);
        const retry = () => queryDeep(element, 'lightning-button.retry')[0];

        expect(hint()).toBe('You can try again in 2 seconds.');
        expect(retry().disabled).toBe(true);
        jest.advanceTimersByTime(1000);
        await settle();
        expect(hint()).toBe('You can try again in 1 second.');
        jest.advanceTimersByTime(1000);
        await settle();
        expect(hint()).toBe(LABELS.CAH_RetryLater);
        expect(retry().disabled).toBe(false);
        // One hint only: the body says what happened, not when to try again.
        expect(deepText(queryDeep(element, 'p.body')[0])).toBe(LABELS.CAH_UnavailableBody);
    });

    it('says "try again in a moment" when the relay did not pass a wait on', async () => {
        const element = render({ code: 'RATE_LIMITED', retryAfterSeconds: null, retryable: true });
        await settle();
        expect(queryDeep(element, 'p.retry-hint').map((p) => deepText(p))).toEqual([LABELS.CAH_RetryLater]);
        expect(queryDeep(element, 'lightning-button.retry')[0].disabled).toBe(false);
    });

    it('restarts the countdown for a new error', async () => {
        const element = render({ code: 'RATE_LIMITED', retryAfterSeconds: 5, retryable: true });
        await settle();
        element.error = { code: 'RATE_LIMITED', retryAfterSeconds: 61, retryable: true };
        await settle();
        expect(deepText(queryDeep(element, 'p.retry-hint')[0])).toBe('You can try again in 61 seconds.');
    });
});
