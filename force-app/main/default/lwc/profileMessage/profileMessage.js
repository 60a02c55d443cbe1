import { LightningElement, api } from 'lwc';
import { LABELS } from 'c/profileLabels';
import { formatLabel, pluralLabel } from 'c/profileUtils';

/** Title/body labels and icon per card state; `error` kinds are refined by the relay's error code. */
const STATES = {
    notFound: { title: 'NotFoundTitle', body: 'NotFoundBody', icon: 'utility:search', tone: 'info' },
    ambiguous: { title: 'AmbiguousTitle', body: 'AmbiguousBody', icon: 'utility:people', tone: 'info' },
    noIdentity: { title: 'NoIdentityTitle', body: 'NoIdentityBody', icon: 'utility:info', tone: 'info' },
    noRecord: { title: 'NoRecordTitle', body: 'NoRecordBody', icon: 'utility:info', tone: 'info' },
    notCustomer: { title: 'NotCustomerTitle', body: 'NotCustomerBody', icon: 'utility:info', tone: 'info' }
};

const ERRORS = {
    NO_PERMISSION: { title: 'NoPermissionTitle', body: 'NoPermissionBody', icon: 'utility:lock' },
    NO_ACCESS: { title: 'NoAccessTitle', body: 'NoAccessBody', icon: 'utility:lock' },
    UNAUTHORIZED: { title: 'AdminTitle', body: 'AdminBody', icon: 'utility:settings' },
    CONFIGURATION: { title: 'AdminTitle', body: 'AdminBody', icon: 'utility:settings' },
    INVALID_REQUEST: { title: 'AdminTitle', body: 'AdminBody', icon: 'utility:settings' },
    RATE_LIMITED: { title: 'RateLimitedTitle', body: 'RateLimitedBody', icon: 'utility:clock' },
    UPSTREAM_TIMEOUT: { title: 'TimeoutTitle', body: 'TimeoutBody', icon: 'utility:clock' },
    UPSTREAM_UNAVAILABLE: { title: 'UnavailableTitle', body: 'UnavailableBody', icon: 'utility:offline' },
    INTERNAL: { title: 'UnexpectedTitle', body: 'UnexpectedBody', icon: 'utility:error' },
    // Not outages: the AEP edition lacks profile look-up, or AEP will not serve this customer's graph. No retry.
    AEP_NOT_ENTITLED: { title: 'NotEntitledTitle', body: 'NotEntitledBody', icon: 'utility:lock' },
    IDENTITY_GRAPH_TOO_LARGE: { title: 'GraphTooLargeTitle', body: 'GraphTooLargeBody', icon: 'utility:warning' }
};

/** The title of an error code in the agent's language (the card names a failed refresh with it). */
export function errorTitle(code) {
    return LABELS[(ERRORS[code] ?? ERRORS.INTERNAL).title];
}

/**
 * One panel for every state that is not a profile: what happened, what the agent can do, and a retry. One retry hint
 * only: the real wait when the relay passed one on (Retry-After, e.g. while the proxy's circuit breaker is open),
 * counted down to the second with the Retry button enabled when it is over; otherwise "Try again in a moment".
 */
export default class ProfileMessage extends LightningElement {
    @api kind;

    /** `{ code, message, retryAfterSeconds, retryable }` from c/profileUtils reduceError. */
    @api
    get error() {
        return this._error;
    }
    set error(value) {
        this._error = value;
        this.startCountdown(value?.retryAfterSeconds);
    }

    labels = LABELS;
    _error;
    secondsLeft = 0;
    timer;

    disconnectedCallback() {
        clearInterval(this.timer);
    }

    startCountdown(seconds) {
        clearInterval(this.timer);
        this.secondsLeft = Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : 0;
        if (this.secondsLeft > 0) {
            // eslint-disable-next-line @lwc/lwc/no-async-operation
            this.timer = setInterval(() => {
                this.secondsLeft -= 1;
                if (this.secondsLeft <= 0) {
                    clearInterval(this.timer);
                }
            }, 1000);
        }
    }

    get spec() {
        if (this.kind === 'error') {
            return { ...(ERRORS[this.error?.code] ?? ERRORS.INTERNAL), tone: 'error' };
        }
        return STATES[this.kind] ?? STATES.noRecord;
    }

    get title() {
        return this.labels[this.spec.title];
    }

    get body() {
        return this.labels[this.spec.body];
    }

    get iconName() {
        return this.spec.icon;
    }

    /** Errors interrupt the agent (alert); the other states are quiet answers (status). */
    get role() {
        return this.spec.tone === 'error' ? 'alert' : 'status';
    }

    get canRetry() {
        return this.kind === 'error' && this.error?.retryable === true;
    }

    get retryHint() {
        if (!this.canRetry) {
            return null;
        }
        return this.secondsLeft > 0 ? pluralLabel(this.labels.RetryAfter, this.secondsLeft) : this.labels.RetryLater;
    }

    get retryDisabled() {
        return this.secondsLeft > 0;
    }

    /** The code helps an admin or support; an agent who can simply retry does not need it. */
    get errorCode() {
        return this.kind === 'error' && this.error?.code && !this.canRetry ? formatLabel(this.labels.ErrorCode, this.error.code) : null;
    }

    handleRetry() {
        this.dispatchEvent(new CustomEvent('retry'));
    }
}
