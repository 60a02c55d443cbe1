import { LightningElement, api } from 'lwc';
import { LABELS } from 'c/profileLabels';
import { formatDate, formatLabel, formatMore, pluralLabel } from 'c/profileUtils';

/** How many audiences show before "Show all". */
const FIRST = 3;

/** Label per AEP evaluation method (card audiences[].evaluation): batch memberships can be a day old. */
const EVALUATION_LABEL = { streaming: 'EvaluationStreaming', batch: 'EvaluationBatch', edge: 'EvaluationEdge' };

/**
 * Audience memberships, compact: current ones first (most recent qualification first, as the proxy sorts them), the
 * first few shown and the rest behind "Show all"; each says since when (or when it was left) and how fresh AEP keeps it.
 */
export default class ProfileAudiences extends LightningElement {
    @api audiences = [];
    @api truncated = 0;

    labels = LABELS;
    showAll = false;

    toItem(audience) {
        const exited = audience.status === 'exited';
        const date = audience.qualifiedAt ? formatDate(audience.qualifiedAt) : null;
        const since = date
            ? formatLabel(exited ? this.labels.ExitedOn : this.labels.MemberSince, date)
            : exited
              ? this.labels.Exited
              : this.labels.Member;
        const evaluation = this.labels[EVALUATION_LABEL[audience.evaluation]];
        return {
            key: `${audience.namespace}:${audience.id}`,
            name: audience.name,
            status: [since, evaluation].filter(Boolean).join(' · '),
            itemClass: `audience slds-grid slds-m-bottom_x-small${exited ? ' exited' : ''}`,
            iconName: exited ? 'utility:logout' : 'utility:check',
            iconLabel: exited ? this.labels.Exited : this.labels.Member
        };
    }

    get all() {
        const list = this.audiences ?? [];
        return [...list.filter((a) => a.status !== 'exited'), ...list.filter((a) => a.status === 'exited')].map((a) => this.toItem(a));
    }

    get items() {
        return this.showAll ? this.all : this.all.slice(0, FIRST);
    }

    get canShowAll() {
        return !this.showAll && this.all.length > FIRST;
    }

    get showAllLabel() {
        return pluralLabel(this.labels.ShowAll, this.all.length);
    }

    get moreText() {
        return this.showAll ? formatMore(this.truncated) : null;
    }

    handleShowAll() {
        this.showAll = true;
    }
}
