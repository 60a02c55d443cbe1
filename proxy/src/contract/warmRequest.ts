import { z } from 'zod';
import { LookupRecord, MaxEvents } from './lookupRequest';

/**
 * Body of `POST /v1/profiles/warm`: records whose cards the org wants ready before an agent opens them (a Case
 * created or assigned; the Apex trigger's job, ProfileCardWarmer). Each record is exactly what a look-up sends
 * (LookupRecord, read from the same identity-field metadata), and `maxEvents` / `includeSensitive` are what the
 * relay will send, so the warmed card sits under the key the agent's look-up asks for.
 */

/** The most records one request carries; the Apex job sends at most this many (RECORDS_PER_REQUEST). */
export const MAX_WARM_RECORDS = 25;

export const WarmRequest = z
    .object({
        records: z
            .array(LookupRecord)
            .min(1, 'records must not be empty')
            .max(MAX_WARM_RECORDS, `at most ${MAX_WARM_RECORDS} records per request`),
        maxEvents: MaxEvents.optional(),
        /** As in a look-up: absent means false, and a card without sensitive fields never holds them. */
        includeSensitive: z.boolean().optional()
    })
    .strict();
export type WarmRequest = z.infer<typeof WarmRequest>;
