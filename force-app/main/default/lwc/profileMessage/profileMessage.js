import { LightningElement, api } from 'lwc';
import { LABELS } from 'c/profileLabels';
import { formatLabel } from 'c/profileUtils';

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

/** One panel for every state that is not a profile: what happened, what the agent can do, and a retry. */
export default class ProfileMessage extends LightningElement {
    @api kind;
    /** `{ code, message, retryAfterSeconds, retryable }` from c/profileUtils reduceError. */
    @api error;

    labels = LABELS;

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
        const seconds = this.error?.retryAfterSeconds;
        return this.canRetry && seconds ? formatLabel(this.labels.RetryAfter, seconds) : null;
    }

    get errorCode() {
        return this.kind === 'error' && this.error?.code ? formatLabel(this.labels.ErrorCode, this.error.code) : null;
    }

    handleRetry() {
        this.dispatchEvent(new CustomEvent('retry'));
    }
}
