import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { SALESFORCE_ID } from '../../../proxy/src/contract/lookupRequest';
import { IDENTITY_FIELDS, type IdentityRecord, type SupportedObject } from '../../org/readIdentityFields';

/**
 * The preview's local CRM: the demo Contacts, Leads and Cases (crm/records.json), read the way
 * the Apex relay reads an org: by record Id, with a Case's Contact joined through ContactId.
 */

export const DEFAULT_RECORDS_FILE = path.join(__dirname, 'records.json');

const CrmRecord = z
    .object({
        Id: z.string().regex(SALESFORCE_ID),
        objectApiName: z.enum(['Contact', 'Lead', 'Case']),
        fields: z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/), z.string().nullable())
    })
    .strict();
type CrmRecord = z.infer<typeof CrmRecord>;

const CrmFile = z.object({ description: z.string().optional(), records: z.array(CrmRecord).min(1) }).strict();

/** What the console page shows of a record: highlights panel, details section, tab and switcher labels. */
export interface RecordView {
    id: string;
    objectApiName: SupportedObject;
    objectLabel: string;
    title: string;
    switcherLabel: string;
    highlights: { label: string; value: string | null }[];
    details: { label: string; value: string | null }[];
}

const OBJECT_LABELS: Record<SupportedObject, string> = { Contact: 'Contact', Lead: 'Lead', Case: 'Case' };

export class LocalCrm {
    private readonly byId: Map<string, CrmRecord>;
    private created = 0;

    constructor(records: CrmRecord[]) {
        this.byId = new Map(records.map((r) => [r.Id, r]));
        for (const r of records) {
            const contactId = r.fields.ContactId;
            if (r.objectApiName === 'Case' && contactId && this.byId.get(contactId)?.objectApiName !== 'Contact') {
                throw new Error(`CRM data: Case ${r.Id} points to ContactId ${contactId}, which is not a Contact in the data set`);
            }
        }
    }

    static fromFile(file: string = DEFAULT_RECORDS_FILE): LocalCrm {
        const parsed = CrmFile.safeParse(JSON.parse(readFileSync(file, 'utf8')));
        if (!parsed.success) throw new Error(`CRM data ${file} is invalid: ${z.prettifyError(parsed.error)}`);
        return new LocalCrm(parsed.data.records);
    }

    /** Accepts the 15-character form of an Id too, as Salesforce does. */
    private find(recordId: string): CrmRecord | undefined {
        if (recordId.length === 18) return this.byId.get(recordId);
        return [...this.byId.values()].find((r) => r.Id.slice(0, 15) === recordId);
    }

    has(recordId: string): boolean {
        return this.find(recordId) !== undefined;
    }

    /** The record's identity fields as the Apex sends them (IDENTITY_FIELDS order), or null when there is no such record. */
    readIdentityFields(recordId: string): IdentityRecord | null {
        const record = this.find(recordId);
        if (!record) return null;
        const contact = record.fields.ContactId ? this.byId.get(record.fields.ContactId) : undefined;
        const fields: Record<string, string | null> = {};
        for (const field of IDENTITY_FIELDS[record.objectApiName]) {
            fields[field] = this.valueAt(record, contact, field);
        }
        return { objectApiName: record.objectApiName, recordId: record.Id, fields };
    }

    private valueAt(record: CrmRecord, contact: CrmRecord | undefined, field: string): string | null {
        if (field === 'Id') return record.Id;
        if (field.startsWith('Contact.')) {
            if (!contact) return null;
            const name = field.slice('Contact.'.length);
            return name === 'Id' ? contact.Id : blankToNull(contact.fields[name]);
        }
        return blankToNull(record.fields[field]);
    }

    /**
     * A new Case, as Email-to-Case or Web-to-Case creates one (Web Email / Web Phone, status New); its Id continues
     * the Case key prefix. Returns the Case's view and its identity fields as the Apex reads them.
     */
    createCase(fields: { Subject: string; SuppliedEmail?: string | null; SuppliedPhone?: string | null; SuppliedName?: string | null }): {
        view: RecordView;
        identity: IdentityRecord;
    } {
        this.created += 1;
        const n = String(this.created).padStart(7, '0');
        const record: CrmRecord = {
            Id: `5008c0${n}NewAA`.slice(0, 15) + 'AAA',
            objectApiName: 'Case',
            fields: {
                CaseNumber: `0009${n.slice(-4)}`,
                Subject: fields.Subject,
                Status: 'New',
                Priority: 'Medium',
                Origin: 'Web',
                SuppliedEmail: blankToNull(fields.SuppliedEmail ?? null),
                SuppliedPhone: blankToNull(fields.SuppliedPhone ?? null),
                SuppliedName: blankToNull(fields.SuppliedName ?? null)
            }
        };
        CrmRecord.parse(record);
        this.byId.set(record.Id, record);
        return { view: this.view(record), identity: this.readIdentityFields(record.Id)! };
    }

    views(): RecordView[] {
        return [...this.byId.values()].map((r) => this.view(r));
    }

    private view(r: CrmRecord): RecordView {
        const f = r.fields;
        const v = (name: string) => blankToNull(f[name]);
        const objectLabel = OBJECT_LABELS[r.objectApiName];
        if (r.objectApiName === 'Case') {
            const contact = f.ContactId ? this.byId.get(f.ContactId) : undefined;
            const contactName = contact ? personName(contact) : null;
            const who = contactName ?? v('SuppliedName') ?? v('SuppliedEmail') ?? v('SuppliedPhone') ?? 'no contact';
            return {
                id: r.Id,
                objectApiName: r.objectApiName,
                objectLabel,
                title: v('CaseNumber') ?? r.Id,
                switcherLabel: `${v('CaseNumber')} · ${who} · ${v('Subject')}`,
                highlights: [
                    { label: 'Subject', value: v('Subject') },
                    { label: 'Contact Name', value: contactName },
                    { label: 'Status', value: v('Status') },
                    { label: 'Priority', value: v('Priority') }
                ],
                details: [
                    { label: 'Case Number', value: v('CaseNumber') },
                    { label: 'Case Owner', value: v('OwnerName') },
                    { label: 'Subject', value: v('Subject') },
                    { label: 'Status', value: v('Status') },
                    { label: 'Contact Name', value: contactName },
                    { label: 'Priority', value: v('Priority') },
                    { label: 'Contact Email', value: contact ? blankToNull(contact.fields.Email) : null },
                    { label: 'Case Origin', value: v('Origin') },
                    { label: 'Web Name', value: v('SuppliedName') },
                    { label: 'Type', value: v('Type') },
                    { label: 'Web Email', value: v('SuppliedEmail') },
                    { label: 'Web Phone', value: v('SuppliedPhone') }
                ]
            };
        }
        const name = personName(r);
        if (r.objectApiName === 'Lead') {
            return {
                id: r.Id,
                objectApiName: r.objectApiName,
                objectLabel,
                title: name,
                switcherLabel: `${name} · ${v('Company')}`,
                highlights: [
                    { label: 'Title', value: v('Title') },
                    { label: 'Company', value: v('Company') },
                    { label: 'Phone', value: v('Phone') },
                    { label: 'Email', value: v('Email') },
                    { label: 'Lead Status', value: v('Status') }
                ],
                details: [
                    { label: 'Name', value: [v('Salutation'), name].filter(Boolean).join(' ') },
                    { label: 'Lead Owner', value: v('OwnerName') },
                    { label: 'Title', value: v('Title') },
                    { label: 'Lead Status', value: v('Status') },
                    { label: 'Company', value: v('Company') },
                    { label: 'Lead Source', value: v('LeadSource') },
                    { label: 'Email', value: v('Email') },
                    { label: 'Rating', value: v('Rating') },
                    { label: 'Phone', value: v('Phone') },
                    { label: 'Mobile', value: v('MobilePhone') }
                ]
            };
        }
        return {
            id: r.Id,
            objectApiName: r.objectApiName,
            objectLabel,
            title: name,
            switcherLabel: `${name} · ${v('AccountName')}`,
            highlights: [
                { label: 'Title', value: v('Title') },
                { label: 'Account Name', value: v('AccountName') },
                { label: 'Phone', value: v('Phone') },
                { label: 'Email', value: v('Email') }
            ],
            details: [
                { label: 'Name', value: [v('Salutation'), name].filter(Boolean).join(' ') },
                { label: 'Contact Owner', value: v('OwnerName') },
                { label: 'Account Name', value: v('AccountName') },
                { label: 'Title', value: v('Title') },
                { label: 'Email', value: v('Email') },
                { label: 'Phone', value: v('Phone') },
                { label: 'Mobile', value: v('MobilePhone') },
                { label: 'Lead Source', value: v('LeadSource') },
                { label: 'Mailing City', value: v('MailingCity') },
                { label: 'Mailing State', value: v('MailingState') }
            ]
        };
    }
}

function personName(r: CrmRecord): string {
    return [r.fields.FirstName, r.fields.LastName].filter((p) => p && p.trim() !== '').join(' ');
}

function blankToNull(value: string | null | undefined): string | null {
    return value === undefined || value === null || value.trim() === '' ? null : value;
}
