import type { ProxyConfig } from '../config';
import { TokenResponse } from '../contract/aepMetadata';
import { SingleFlight } from '../lib/singleFlight';
import { AepCallError } from './aepCallError';
import type { Budget } from './budget';
import type { HttpClient } from './httpClient';
import type { Resilience } from './resilience';

interface CachedToken {
    value: string;
    expiresAt: number;
    refreshAt: number;
}

/**
 * The IMS access token shared by every look-up: fetched with client_credentials, cached, refreshed ahead
 * of expiry in the background (callers keep using the still-valid token), one refresh at a time, and
 * dropped when the gateway says it is no longer valid (401) so the caller can retry once.
 */
export class ImsTokenProvider {
    private current: CachedToken | null = null;
    /** Why the last attempt to get a token failed; null once one succeeds. */
    private lastFailure: string | null = null;
    private readonly refreshes = new SingleFlight<CachedToken>();

    constructor(
        private readonly aep: ProxyConfig['aep'],
        private readonly timeouts: ProxyConfig['timeouts'],
        private readonly http: HttpClient,
        private readonly resilience: Resilience,
        private readonly now: () => number = Date.now
    ) {}

    async getToken(budget: Budget): Promise<string> {
        const t = this.current;
        const now = this.now();
        if (t && now < t.expiresAt) {
            if (now >= t.refreshAt) this.refresh(budget).catch(() => undefined); // background; the old token is still good
            return t.value;
        }
        return (await this.refresh(budget)).value;
    }

    /** For /healthz: a token is held, or none was needed yet and the last attempt did not fail. */
    health(): { ok: boolean; detail?: string } {
        const valid = this.current !== null && this.now() < this.current.expiresAt;
        if (valid || this.lastFailure === null) return { ok: true };
        return { ok: false, detail: this.lastFailure };
    }

    /** Forget a token the gateway rejected (only if it is still the current one). */
    invalidate(token: string): void {
        if (this.current?.value === token) this.current = null;
    }

    private refresh(budget: Budget): Promise<CachedToken> {
        return this.refreshes.share('token', async () => {
            try {
                this.current = await this.fetchToken(budget);
            } catch (err) {
                this.lastFailure = err instanceof Error ? err.message : 'token request failed';
                throw err;
            }
            this.lastFailure = null;
            return this.current;
        });
    }

    private async fetchToken(budget: Budget): Promise<CachedToken> {
        // Credentials go in the form body, never the query string (which ends up in access logs).
        const form = new URLSearchParams({
            grant_type: 'client_credentials',
            client_id: this.aep.clientId,
            client_secret: this.aep.clientSecret,
            scope: this.aep.scopes
        }).toString();
        const res = await this.resilience.run(
            'ims',
            () =>
                this.http.call({
                    upstream: 'ims',
                    method: 'POST',
                    url: `${this.aep.imsUrl}/ims/token/v3`,
                    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
                    body: form,
                    timeoutMs: budget.callTimeoutMs(this.timeouts.imsMs)
                }),
            { budget, idempotent: true, rateLimited: false }
        );
        const parsed = TokenResponse.safeParse(res.body);
        if (!parsed.success) throw new AepCallError('ims', 'malformed', 'ims: token response without access_token/expires_in');
        const lifetimeMs = parsed.data.expires_in * 1000;
        const obtained = this.now();
        // Refresh 5 minutes early for day-long tokens, 10% early for short ones (the emulator's test tokens).
        const margin = Math.min(300_000, lifetimeMs * 0.1);
        return { value: parsed.data.access_token, expiresAt: obtained + lifetimeMs, refreshAt: obtained + lifetimeMs - margin };
    }
}
