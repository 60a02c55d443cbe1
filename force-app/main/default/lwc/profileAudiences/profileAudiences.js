import { LightningElement, api } from 'lwc';
import { LABELS } from 'c/profileLabels';
import { formatDateTime, formatLabel, formatMore } from 'c/profileUtils';

/** Audience memberships: members first (most recent first, as the proxy sorts them), exited apart. */
export default class ProfileAudiences extends LightningElement {
    @api audiences = [];
    @api truncated = 0;
    @api compact = false;

    labels = LABELS;

    toItem(audience) {
        const date = audience.qualifiedAt ? formatDateTime(audience.qualifiedAt) : null;
        const exited = audience.status === 'exited';
        const template = exited ? this.labels.ExitedOn : this.labels.MemberSince;
        return {
            key: `${audience.namespace}:${audience.id}`,
            name: audience.name,
            status: date ? formatLabel(template, date) : exited ? this.labels.Exited : this.labels.Member,
            badgeClass: exited ? 'audience-exited' : 'audience-member slds-badge_inverse',
            iconName: exited ? 'utility:logout' : 'utility:check'
        };
    }

    get members() {
        return (this.audiences ?? []).filter((a) => a.status !== 'exited').map((a) => this.toItem(a));
    }

    get exited() {
        return (this.audiences ?? []).filter((a) => a.status === 'exited').map((a) => this.toItem(a));
    }

    get showExited() {
        return !this.compact && this.exited.length > 0;
    }

    get exitedCountText() {
        return this.compact && this.exited.length ? formatLabel(this.labels.ExitedCount, this.exited.length) : null;
    }

    get isEmpty() {
        return !this.audiences?.length;
    }

    get moreText() {
        return formatMore(this.truncated);
    }
}
