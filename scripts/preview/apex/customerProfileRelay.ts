import { z } from 'zod';
import { CandidateProfile, CardModel, IdentityTried } from '../../../proxy/src/contract/cardModel';
import { SALESFORCE_ID, type LookupRequest } from '../../../proxy/src/contract/lookupRequest';
import type { ProfileChoices } from './profileChoices';
import type { RelayChoice, RelayResult } from './relayResult';
import { postCacheViews, postLookup, type ProxyAnswer, type ProxyCaller } from '../../org/proxyLookup';
import { RelayError } from './relayErrors';
import type { RecordSource } from './recordSource';

/**
 * Stand-in for the Apex `CustomerProfileController.startLookup(recordId, profileId, refresh)`: reads the record's
 * identity fields and its stored profile choice, calls the proxy with the Named Credential's caller authentication
 * (X-Proxy-Key + X-Agent-Id), and maps the answer to the relay envelope the LWC parses. Same contract, same codes, so the card cannot tell
 * the preview from an org.
 */

/** The envelope's type comes from the contract's zod schema, which the LWC fixtures are checked against. */
export type RelayEnvelope = RelayResult;

/** The proxy caller: timeoutMs is the callout timeout (a Continuation allows up to 120 s). */
export interface RelayOptions extends ProxyCaller {
    source: RecordSource;
    /** View_Sensitive_Profile_Fields: without it, birth date, gender and home address are removed. */
    canViewSensitiveFields: boolean;
    /** Events the card asks for (the Apex reads it from its custom metadata). */
    maxEvents: number;
    /**
     * Session cache stand-in (one relay serves one agent, as a session partition serves one user): how long an
     * OK answer is reused for the same record, pick and access. 0 turns it off.
     */
    cacheTtlMs: number;
    /** The org's stored profile choices (Customer_Profile_Choice__c); without it no record has one. */
    choices?: ProfileChoices;
    now?: () => number;
}

/**
 * What differs for one call, for the preview's scenarios: a user without View_Sensitive_Profile_Fields, or a Named
 * Credential whose URL points at the wrong path (the proxy then answers 404 ROUTE_NOT_FOUND).
 */
export interface CallOverrides {
    canViewSensitiveFields?: boolean;
    proxyUrl?: string;
    /** Neither read nor fill the session cache stand-in (a scenario shows what a fresh look-up does). */
    bypassCache?: boolean;
    /** Filled with where the time went, for the preview server's Server-Timing header. */
    timing?: RelayTiming;
}

/** ProfileCache.PARTIAL_TTL_SECONDS: a card whose recent activity failed is kept only this long. */
export const PARTIAL_TTL_MS = 10_000;

/**
 * Where a look-up's time went (the browser reads it in Resource Timing): the proxy callout as the relay saw it, and
 * the AEP round the proxy reported in its own Server-Timing.
 */
export interface RelayTiming {
    proxyMs?: number;
    aepMs?: number;
}

export interface StartLookupParams {
    recordId?: unknown;
    profileId?: unknown;
    refresh?: unknown;
}

const ProxyErrorBody = z.object({
    error: z.object({
        code: z.string().optional(),
        requestId: z.string().optional(),
        details: z.record(z.string(), z.unknown()).optional()
    })
});

const PROFILE_ID = /^[A-Za-z0-9_-]{8,128}$/;

export class CustomerProfileRelay {
    private readonly cache = new Map<string, { expires: number; envelope: RelayEnvelope }>();
    private readonly now: () => number;

    constructor(private readonly opts: RelayOptions) {
        if (!SALESFORCE_ID.test(opts.agentUserId) || !opts.agentUserId.startsWith('005')) {
            throw new Error('agentUserId must be a Salesforce User Id (005...)');
        }
        if (opts.sharedSecret.trim() === '') throw new Error('sharedSecret must not be empty');
        this.now = opts.now ?? Date.now;
    }

    /** Resolves with the envelope as a JSON string (what Apex returns), or rejects with a RelayError. */
    async startLookup(params: StartLookupParams, overrides: CallOverrides = {}): Promise<string> {
        const recordId = params.recordId;
        if (typeof recordId !== 'string' || !SALESFORCE_ID.test(recordId)) {
            throw new RelayError('INVALID_REQUEST', 'A record id is required.');
        }
        const profileId = params.profileId === undefined || params.profileId === null || params.profileId === '' ? null : params.profileId;
        if (profileId !== null && (typeof profileId !== 'string' || !PROFILE_ID.test(profileId))) {
            throw new RelayError('INVALID_REQUEST', 'The selected profile id is not valid.');
        }
        const refresh = params.refresh === true;

        const record = await this.readRecord(recordId);
        const sensitiveHidden = !(overrides.canViewSensitiveFields ?? this.opts.canViewSensitiveFields);
        if (!Object.values(record.fields).some((v) => v !== null && v.trim() !== '')) {
            // Nothing to look up: answer without a callout, as the Apex does.
            return JSON.stringify(envelope('NO_IDENTITY', { sensitiveFieldsHidden: sensitiveHidden }));
        }

        // CustomerProfileController: the profile an agent chose for this record earlier stands until someone changes it.
        const choice: RelayChoice | null = profileId === null ? (this.opts.choices?.find(record.recordId) ?? null) : null;
        const lookupProfileId = choice?.profileId ?? profileId;
        // ProfileCache.keyFor: the identity values are part of the key, so an edited email never serves the old card.
        const cacheKey = JSON.stringify([record.objectApiName, record.recordId, lookupProfileId, !sensitiveHidden, record.fields]);
        if (refresh) {
            // ProfileCache.remove: the older copy must not outlive the refresh.
            this.cache.delete(cacheKey);
        } else if (!overrides.bypassCache) {
            const hit = this.cache.get(cacheKey);
            // ProfileViewAudit: a cache hit is recorded as a view; one that cannot be recorded goes to the proxy instead.
            if (hit && hit.expires > this.now() && (await this.recordCacheView(record, hit.envelope))) {
                return JSON.stringify({ ...hit.envelope, fromSalesforceCache: true });
            }
        }

        const calloutStarted = performance.now();
        const answer = await this.callProxy(record, lookupProfileId, refresh, !sensitiveHidden, overrides.proxyUrl);
        if (overrides.timing) {
            overrides.timing.proxyMs = performance.now() - calloutStarted;
            const aep = /(?:^|,)\s*aep;dur=([\d.]+)/.exec(answer.serverTiming ?? '');
            if (aep) overrides.timing.aepMs = Number(aep[1]);
        }
        const result = { ...this.toEnvelope(answer, sensitiveHidden), choice };
        if (result.status === 'OK' && this.opts.cacheTtlMs > 0 && !overrides.bypassCache) {
            // ProfileCache.put: a partial answer (events failed this time) only for the short partial TTL.
            const ttl = result.card?.events.status === 'error' ? Math.min(PARTIAL_TTL_MS, this.opts.cacheTtlMs) : this.opts.cacheTtlMs;
            this.cache.set(cacheKey, { expires: this.now() + ttl, envelope: result });
        }
        return JSON.stringify(result);
    }

    private async readRecord(recordId: string): Promise<LookupRequest['record']> {
        let record: LookupRequest['record'] | null;
        try {
            record = await this.opts.source.read(recordId);
        } catch (err) {
            throw new RelayError('INTERNAL', `The record could not be read (${err instanceof Error ? err.name : 'error'}).`);
        }
        if (!record) throw new RelayError('NO_ACCESS', 'You do not have access to this record.');
        return record;
    }

    /**
     * Customer_Profile_View__e and its forwarder in one step: in the org the event is published here and delivered
     * to the proxy's audit endpoint by a Queueable moments later; the preview posts it at once.
     */
    private async recordCacheView(record: LookupRequest['record'], envelope: RelayEnvelope): Promise<boolean> {
        try {
            const answer = await postCacheViews(this.opts, [
                {
                    agentId: this.opts.agentUserId,
                    objectApiName: record.objectApiName,
                    recordId: record.recordId,
                    matchedNamespace: envelope.card?.match.namespace ?? null,
                    viewedAt: new Date(this.now()).toISOString()
                }
            ]);
            return answer.status === 202;
        } catch {
            return false;
        }
    }

    private async callProxy(
        record: LookupRequest['record'],
        profileId: string | null,
        refresh: boolean,
        includeSensitive: boolean,
        proxyUrl: string | undefined
    ): Promise<ProxyAnswer> {
        try {
            const caller = proxyUrl ? { ...this.opts, proxyUrl } : this.opts;
            return await postLookup(caller, record, { maxEvents: this.opts.maxEvents, profileId, refresh, includeSensitive });
        } catch (err) {
            if (err instanceof Error && err.name === 'TimeoutError') {
                throw new RelayError('UPSTREAM_TIMEOUT', 'The profile service did not answer in time.');
            }
            throw new RelayError('UPSTREAM_UNAVAILABLE', 'The profile service could not be reached.');
        }
    }

    /** ProfileResponseMapper.toResult: the HTTP status decides, the proxy's code refines 404, 422, 502 and 503. */
    private toEnvelope(answer: ProxyAnswer, sensitiveHidden: boolean): RelayEnvelope {
        const { status } = answer;
        if (status === 200) {
            const card = CardModel.safeParse(answer.json);
            if (!card.success) throw new RelayError('INTERNAL', 'The profile service sent an answer that is not a profile card.');
            return envelope('OK', {
                card: sensitiveHidden ? withoutSensitiveFields(card.data) : card.data,
                sensitiveFieldsHidden: sensitiveHidden
            });
        }
        const parsed = ProxyErrorBody.safeParse(answer.json);
        const error = parsed.success ? parsed.data.error : { code: undefined, requestId: undefined, details: undefined };
        const details = error.details ?? {};
        const reference = error.requestId && /^[A-Za-z0-9._:-]{1,128}$/.test(error.requestId) ? ` (reference ${error.requestId}).` : '.';
        const list = <T>(schema: z.ZodType<T>, value: unknown): T[] => {
            const checked = z.array(schema).safeParse(value);
            return checked.success ? checked.data : [];
        };
        switch (status) {
            case 404:
                if (error.code === 'PROFILE_NOT_FOUND') {
                    return envelope('NOT_FOUND', {
                        identitiesTried: list(IdentityTried, details.identitiesTried),
                        sensitiveFieldsHidden: sensitiveHidden
                    });
                }
                // ROUTE_NOT_FOUND, or a 404 without the proxy's code: the Named Credential URL does not point at the lookup route.
                throw new RelayError('CONFIGURATION', `The profile service address is not configured correctly${reference}`);
            case 409:
                return envelope('AMBIGUOUS', {
                    candidates: list(CandidateProfile, details.candidates),
                    identitiesTried: list(IdentityTried, details.identitiesTried),
                    sensitiveFieldsHidden: sensitiveHidden
                });
            case 422:
                if (error.code === 'IDENTITY_GRAPH_TOO_LARGE') {
                    throw new RelayError(
                        'IDENTITY_GRAPH_TOO_LARGE',
                        `This customer's identity graph in Adobe Experience Platform is larger than AEP allows for look-ups; ask your AEP administrator to review it${reference}`
                    );
                }
                return envelope('NO_IDENTITY', { sensitiveFieldsHidden: sensitiveHidden });
            case 401:
            case 403:
                throw new RelayError(
                    'UNAUTHORIZED',
                    `The profile service rejected the credentials of this org; ask your administrator to check the Named Credential${reference}`
                );
            case 429:
                throw new RelayError(
                    'RATE_LIMITED',
                    `Too many profile look-ups right now; try again shortly${reference}`,
                    retryAfterSeconds(answer.retryAfter)
                );
            case 503:
                // This proxy instance is at capacity: the agent may simply try again (the card says "busy").
                if (error.code === 'OVERLOADED')
                    throw new RelayError(
                        'RATE_LIMITED',
                        `The profile service is busy right now; try again shortly${reference}`,
                        retryAfterSeconds(answer.retryAfter)
                    );
                throw new RelayError(
                    'UPSTREAM_UNAVAILABLE',
                    `Adobe Experience Platform is not available right now${reference}`,
                    retryAfterSeconds(answer.retryAfter)
                );
            case 502:
                if (error.code === 'AEP_NOT_ENTITLED') {
                    throw new RelayError(
                        'AEP_NOT_ENTITLED',
                        `Adobe Experience Platform does not allow profile look-up for this organization: it needs Real-Time CDP Ultimate and profile read access for the API credential; ask your administrator${reference}`
                    );
                }
                throw new RelayError(
                    'UPSTREAM_UNAVAILABLE',
                    `Adobe Experience Platform is not available right now${reference}`,
                    retryAfterSeconds(answer.retryAfter)
                );
            case 504:
                throw new RelayError('UPSTREAM_TIMEOUT', `Adobe Experience Platform did not answer in time${reference}`);
            case 408:
                throw new RelayError(
                    'UPSTREAM_TIMEOUT',
                    `The look-up request reached the profile service too slowly; try again${reference}`
                );
            case 400:
            case 405:
            case 413:
            case 415:
            case 417:
            case 431:
                throw new RelayError('INVALID_REQUEST', `The profile service could not read the look-up request${reference}`);
            default:
                throw new RelayError('INTERNAL', `The profile look-up failed (status ${status})${reference}`);
        }
    }
}

function envelope(status: RelayEnvelope['status'], parts: Partial<RelayEnvelope>): RelayEnvelope {
    return {
        status,
        card: null,
        candidates: [],
        identitiesTried: [],
        sensitiveFieldsHidden: false,
        fromSalesforceCache: false,
        choice: null,
        ...parts
    };
}

/** Whole seconds only; the HTTP-date form is not used by the proxy and counts as unknown (as in the Apex). */
function retryAfterSeconds(header: string | null): number | null {
    const value = header?.trim() ?? '';
    return /^\d{1,6}$/.test(value) ? Number(value) : null;
}

/** What the Apex removes for users without View_Sensitive_Profile_Fields. */
export function withoutSensitiveFields(card: CardModel): CardModel {
    return {
        ...card,
        person: { ...card.person, birthDate: null, gender: null },
        contactPoints: { ...card.contactPoints, address: null }
    };
}
