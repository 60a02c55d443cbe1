import { LightningElement, api } from 'lwc';
import { LABELS } from 'c/profileLabels';
import { formatLabel, pluralLabel } from 'c/profileUtils';
import { namespaceLabel } from 'c/profileVocabulary';

/**
 * Says plainly that the merged profile may hold several people (card `match.collapse`: AEP's identity graph linked
 * them through a shared identity), which of the person ids is this record's, and what it means for the data below.
 */
export default class ProfileCollapseNotice extends LightningElement {
    /** `{ namespace, people, ids: [{ maskedValue, thisRecord }] }` (proxy/src/contract/cardModel.ts, Match.collapse). */
    @api collapse;

    labels = LABELS;

    get title() {
        return pluralLabel(this.labels.CollapseTitle, this.collapse.people);
    }

    get idsHeading() {
        return formatLabel(this.labels.CollapseIds, namespaceLabel(this.collapse.namespace));
    }

    get ids() {
        return (this.collapse.ids ?? []).map((id, index) => ({
            key: `${index}-${id.maskedValue}`,
            text: id.thisRecord ? formatLabel(this.labels.CollapseThisRecord, id.maskedValue) : id.maskedValue,
            itemClass: id.thisRecord ? 'this-record' : ''
        }));
    }
}
