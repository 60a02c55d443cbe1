import { SALESFORCE_ID } from '../../../proxy/src/contract/lookupRequest';
import type { RelayChoice } from './relayResult';
import { RelayError } from './relayErrors';
import type { RecordSource } from './recordSource';

/**
 * The preview's twin of the org's profile choices and "Not this person" reports (Customer_Profile_Choice__c,
 * Customer_Profile_Feedback__c; force-app/main/default/classes/ProfileChoiceStore.cls and ProfileChoiceController.cls):
 * kept in memory for as long as the preview runs, shared by every tab like the org's records are shared by every agent.
 */

const PROFILE_ID = /^[A-Za-z0-9_-]{8,128}$/;

/** One "Not this person" report, as the org's Customer_Profile_Feedback__c row holds it. */
export interface ProfileFeedback {
    recordId: string;
    profileId: string;
    matchedField: string | null;
    matchedNamespace: string | null;
    maskedValue: string | null;
    agentId: string;
    agentName: string;
    reportedAt: string;
}

export interface Agent {
    id: string;
    name: string;
}

export class ProfileChoices {
    private readonly choices = new Map<string, RelayChoice>();
    readonly feedback: ProfileFeedback[] = [];

    constructor(
        private readonly source: RecordSource,
        private readonly now: () => number = Date.now
    ) {}

    /** ProfileChoiceStore.find: the stored choice for the record, or null. */
    find(recordId: string): RelayChoice | null {
        return this.choices.get(recordId) ?? null;
    }

    /** ProfileChoiceController.rememberChoice. */
    async remember(agent: Agent, params: { recordId?: unknown; profileId?: unknown }): Promise<RelayChoice> {
        const recordId = await this.requireRecord(params.recordId);
        const profileId = requireProfileId(params.profileId);
        const choice = { profileId, chosenBy: agent.name, chosenAt: this.isoNow() };
        this.choices.set(recordId, choice);
        return choice;
    }

    /** ProfileChoiceController.forgetChoice. */
    async forget(params: { recordId?: unknown }): Promise<void> {
        this.choices.delete(await this.requireRecord(params.recordId));
    }

    /** ProfileChoiceController.reportNotThisPerson: the report, and a stored choice of that profile forgotten. */
    async reportNotThisPerson(
        agent: Agent,
        params: { recordId?: unknown; profileId?: unknown; matchedField?: unknown; matchedNamespace?: unknown; maskedValue?: unknown }
    ): Promise<void> {
        const recordId = await this.requireRecord(params.recordId);
        const profileId = requireProfileId(params.profileId);
        const text = (value: unknown, max: number) => (typeof value === 'string' ? value.slice(0, max) : null);
        this.feedback.push({
            recordId,
            profileId,
            matchedField: text(params.matchedField, 161),
            matchedNamespace: text(params.matchedNamespace, 64),
            maskedValue: text(params.maskedValue, 80),
            agentId: agent.id,
            agentName: agent.name,
            reportedAt: this.isoNow()
        });
        if (this.choices.get(recordId)?.profileId === profileId) this.choices.delete(recordId);
    }

    private isoNow(): string {
        return new Date(this.now()).toISOString().replace(/\.\d{3}Z$/, 'Z');
    }

    /** The record must exist and be readable (UserRecordAccess in the org). */
    private async requireRecord(recordId: unknown): Promise<string> {
        if (typeof recordId !== 'string' || !SALESFORCE_ID.test(recordId)) {
            throw new RelayError('INVALID_REQUEST', 'A Case, Contact, Lead or person Account id is required.');
        }
        if (!(await this.source.read(recordId))) throw new RelayError('NO_ACCESS', 'You do not have access to this record.');
        return recordId;
    }
}

function requireProfileId(profileId: unknown): string {
    if (typeof profileId !== 'string' || !PROFILE_ID.test(profileId))
        throw new RelayError('INVALID_REQUEST', 'The profile id is not valid.');
    return profileId;
}
