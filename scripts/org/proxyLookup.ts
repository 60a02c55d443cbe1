import { randomUUID } from 'node:crypto';
import type { AuditViewsRequest, CacheView } from '../../proxy/src/contract/auditViewsRequest';
import type { LookupRequest } from '../../proxy/src/contract/lookupRequest';
import type { WarmRequest } from '../../proxy/src/contract/warmRequest';
import type { IdentityRecord } from './readIdentityFields';

/**
 * The Apex relay's callout outside Salesforce: a record's identity fields as a `POST /v1/profiles/lookup`
 * with the Named Credential's caller authentication (X-Proxy-Key, X-Agent-Id = the running user). The
 * preview's Apex stand-in and `npm run org:smoke` both send it from here, so they send the same request.
 */

export interface ProxyCaller {
    /** Base URL of the proxy (the Named Credential's endpoint). */
    proxyUrl: string;
    /** The External Credential's shared secret, sent as X-Proxy-Key. */
    sharedSecret: string;
    /** The running user's Id (UserInfo.getUserId()), sent as X-Agent-Id for the proxy's audit log. */
    agentUserId: string;
    timeoutMs: number;
    /** Put before the random X-Request-Id, so one tool's calls are easy to find in the proxy's log. */
    requestIdPrefix?: string;
}

export interface LookupOptions {
    maxEvents?: number;
    /** The candidate the agent picked after an AMBIGUOUS answer; null or absent for none. */
    profileId?: string | null;
    refresh?: boolean;
    /** View_Sensitive_Profile_Fields: only then may the card carry birth date, gender and home address. */
    includeSensitive?: boolean;
}

export interface ProxyAnswer {
    status: number;
    retryAfter: string | null;
    /** The proxy's Server-Timing header (`aep;dur=...` when it fetched from AEP), or null. */
    serverTiming: string | null;
    /** The parsed body; undefined when it is empty or not JSON. */
    json: unknown;
}

function lookupRequest(record: IdentityRecord, opts: LookupOptions = {}): LookupRequest {
    return {
        record,
        ...(opts.maxEvents === undefined ? {} : { maxEvents: opts.maxEvents }),
        ...(opts.profileId ? { profileId: opts.profileId } : {}),
        ...(opts.refresh ? { refresh: true } : {}),
        // Always explicit, as ProfileProxyClient.cls sends it.
        includeSensitive: opts.includeSensitive === true
    };
}

/** Rejects only when the proxy cannot be reached or does not answer within timeoutMs (a TimeoutError). */
export async function postLookup(caller: ProxyCaller, record: IdentityRecord, opts: LookupOptions = {}): Promise<ProxyAnswer> {
    return post(caller, '/v1/profiles/lookup', lookupRequest(record, opts));
}

/**
 * ProfileViewAuditForwarder.cls's callout: views of cards served from the Salesforce cache, for the proxy's audit
 * log. Rejects like postLookup.
 */
export async function postCacheViews(caller: ProxyCaller, views: CacheView[]): Promise<ProxyAnswer> {
    const body: AuditViewsRequest = { views };
    return post(caller, '/v1/audit/views', body);
}

/**
 * ProfileCardWarmer.cls's callout: records that just arrived (a Case created or assigned), for the proxy to warm
 * their cards; the proxy answers 202 at once. Sent with what the relay will ask for (maxEvents, no sensitive
 * fields), so the warmed card is the one an agent's look-up reads. Rejects like postLookup.
 */
export async function postWarm(caller: ProxyCaller, records: IdentityRecord[], opts: { maxEvents: number }): Promise<ProxyAnswer> {
    const body: WarmRequest = { records, maxEvents: opts.maxEvents, includeSensitive: false };
    return post(caller, '/v1/profiles/warm', body);
}

async function post(caller: ProxyCaller, path: string, body: unknown): Promise<ProxyAnswer> {
    const response = await fetch(`${caller.proxyUrl.replace(/\/+$/, '')}${path}`, {
        method: 'POST',
        headers: {
            'Content-Type': 'application/json',
            Accept: 'application/json',
            'X-Proxy-Key': caller.sharedSecret,
            'X-Agent-Id': caller.agentUserId,
            'X-Request-Id': `${caller.requestIdPrefix ?? ''}${randomUUID()}`
        },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(caller.timeoutMs)
    });
    const text = await response.text();
    let json: unknown;
    try {
        json = JSON.parse(text);
    } catch {
        json = undefined;
    }
    return {
        status: response.status,
        retryAfter: response.headers.get('retry-after'),
        serverTiming: response.headers.get('server-timing'),
        json
    };
}
