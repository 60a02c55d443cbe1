import type { ProxyConfig } from '../config';
import { AepCallError, type Upstream } from './aepCallError';
import type { Budget } from './budget';
import type { HttpClient, HttpJsonResponse } from './httpClient';
import type { ImsTokenProvider } from './imsToken';
import { platformHeaders } from './platformHeaders';
import type { Resilience } from './resilience';

export interface PlatformRequest {
    upstream: Upstream;
    method: 'GET' | 'POST';
    /** 'identity' is the regional Identity Service host; everything else goes through the gateway. */
    host: 'platform' | 'identity';
    path: string;
    query?: URLSearchParams;
    body?: unknown;
    timeoutMs: number;
    budget: Budget;
    requestId?: string;
    okStatuses?: readonly number[];
    /** Reads (including the multi-entity POST, which only reads) are safe to retry. */
    idempotent?: boolean;
    /** Asked before each retry (see Resilience). */
    mayRetry?: () => boolean;
}

/**
 * Authenticated calls to the Platform gateway: token, standard headers, resilience, and the one
 * documented recovery for a 401 (token revoked or expired early): drop the token, get a new one, retry once.
 */
export class PlatformClient {
    constructor(
        private readonly aep: ProxyConfig['aep'],
        private readonly http: HttpClient,
        private readonly tokens: ImsTokenProvider,
        private readonly resilience: Resilience
    ) {}

    async request(r: PlatformRequest): Promise<HttpJsonResponse> {
        const base = r.host === 'identity' ? this.aep.identityUrl : this.aep.platformUrl;
        const url = `${base}${r.path}${r.query && [...r.query.keys()].length > 0 ? `?${r.query.toString()}` : ''}`;
        const body = r.body === undefined ? undefined : JSON.stringify(r.body);
        const once = async (): Promise<HttpJsonResponse> => {
            const token = await this.tokens.getToken(r.budget);
            try {
                return await this.resilience.run(
                    r.upstream,
                    () =>
                        this.http.call({
                            upstream: r.upstream,
                            method: r.method,
                            url,
                            headers: platformHeaders(this.aep, token, { requestId: r.requestId, json: body !== undefined }),
                            body,
                            timeoutMs: r.budget.callTimeoutMs(r.timeoutMs),
                            okStatuses: r.okStatuses
                        }),
                    { budget: r.budget, idempotent: r.idempotent ?? r.method === 'GET', rateLimited: true, mayRetry: r.mayRetry }
                );
            } catch (err) {
                if (err instanceof AepCallError && err.kind === 'http' && err.status === 401) this.tokens.invalidate(token);
                throw err;
            }
        };
        try {
            return await once();
        } catch (err) {
            if (err instanceof AepCallError && err.kind === 'http' && err.status === 401) return once();
            throw err;
        }
    }
}
