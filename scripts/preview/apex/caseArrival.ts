import { z } from 'zod';
import { postWarm, type ProxyCaller } from '../../org/proxyLookup';
import type { LocalCrm, RecordView } from '../crm/localCrm';

/** What the preview's "new Case" takes: the fields Email-to-Case and Web-to-Case fill. */
export const NewCase = z
    .object({
        subject: z.string().trim().min(1).max(255),
        suppliedEmail: z.string().max(80).nullable().optional(),
        suppliedPhone: z.string().max(40).nullable().optional(),
        suppliedName: z.string().max(80).nullable().optional(),
        /** This Case as if Warm On Arrival were on (true) or off (false); absent: the setting. */
        warmOnArrival: z.boolean().optional()
    })
    .strict();
export type NewCase = z.infer<typeof NewCase>;

export interface CaseArrivalOptions {
    crm: LocalCrm;
    /** The record list the page reads (/preview/api/records): a new Case joins it. */
    views: RecordView[];
    caller: ProxyCaller;
    maxEvents: number;
    /** Customer_Profile_Setting.Default Warm_On_Arrival__c. */
    warmOnArrival: boolean;
}

export interface CaseArrived {
    id: string;
    /** The proxy's answer to the warm request, or null when nothing was sent (switch off, no identity value). */
    warm: { status: number; accepted: number | null } | null;
}

/**
 * Stand-in for a Case arriving in the org and its trigger (ProfileCardWarmTriggerHandler + ProfileCardWarmer): the
 * Case is created in the local CRM and, when warming is on and the Case has an identity value, its identity fields
 * go to the proxy's warm endpoint exactly as the Queueable sends them. In the org the job runs moments after the
 * save; here the request is made before the answer, and the proxy answers 202 at once either way.
 */
export class CaseArrival {
    constructor(private readonly o: CaseArrivalOptions) {}

    async create(input: NewCase): Promise<CaseArrived> {
        const { view, identity } = this.o.crm.createCase({
            Subject: input.subject,
            SuppliedEmail: input.suppliedEmail,
            SuppliedPhone: input.suppliedPhone,
            SuppliedName: input.suppliedName
        });
        this.o.views.push(view);
        const warm = input.warmOnArrival ?? this.o.warmOnArrival;
        const hasIdentity = Object.values(identity.fields).some((v) => v !== null && v.trim() !== '');
        if (!warm || !hasIdentity) return { id: view.id, warm: null };
        const answer = await postWarm(this.o.caller, [identity], { maxEvents: this.o.maxEvents });
        const accepted = (answer.json as { accepted?: unknown } | undefined)?.accepted;
        return { id: view.id, warm: { status: answer.status, accepted: typeof accepted === 'number' ? accepted : null } };
    }
}
