import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';

/**
 * Access tokens of the emulated IMS. They look like IMS tokens (a JWT with `client_id`, `created_at`,
 * `expires_in` in ms, as real IMS access tokens carry) but are signed with a per-instance HMAC key and also
 * kept in memory so they can be revoked. Clients must treat them as opaque, as they must with real ones.
 */
export interface IssuedToken {
    readonly id: string;
    readonly clientId: string;
    readonly imsOrgId: string;
    readonly scopes: readonly string[];
    readonly createdAt: number;
    readonly expiresAt: number;
}

export type TokenCheck =
    { ok: true; token: IssuedToken } | { ok: false; reason: 'malformed' | 'signature' | 'unknown' | 'expired' | 'revoked' };

export class TokenIssuer {
    private readonly key = randomBytes(32);
    private readonly issued = new Map<string, IssuedToken>();
    private readonly revoked = new Set<string>();

    constructor(
        private readonly now: () => number,
        private lifetimeSeconds: number
    ) {}

    get tokenLifetimeSeconds(): number {
        return this.lifetimeSeconds;
    }

    /** Changes the lifetime of tokens issued from now on (short-lived tokens exercise expiry paths). */
    setLifetimeSeconds(seconds: number): void {
        if (!Number.isFinite(seconds) || seconds <= 0) throw new Error('token lifetime must be a positive number of seconds');
        this.lifetimeSeconds = seconds;
    }

    issue(clientId: string, imsOrgId: string, scopes: readonly string[]): { accessToken: string; expiresIn: number } {
        const createdAt = this.now();
        const token: IssuedToken = {
            id: `${createdAt}_${randomUUID()}_ue1`,
            clientId,
            imsOrgId,
            scopes,
            createdAt,
            expiresAt: createdAt + this.lifetimeSeconds * 1000
        };
        this.pruneExpired(createdAt);
        this.issued.set(token.id, token);
        const header = b64({ alg: 'HS256', x5u: 'ims_na1-key-at-1.cer', kid: 'ims_na1-key-at-1', itt: 'at' });
        const payload = b64({
            id: token.id,
            org: imsOrgId,
            type: 'access_token',
            client_id: clientId,
            user_id: `${clientId.toUpperCase()}@techacct.adobe.com`,
            as: 'ims-na1',
            aa_id: `${clientId.toUpperCase()}@techacct.adobe.com`,
            ctp: 0,
            scope: scopes.join(','),
            created_at: String(createdAt),
            expires_in: String(this.lifetimeSeconds * 1000)
        });
        const signature = this.sign(`${header}.${payload}`);
        return { accessToken: `${header}.${payload}.${signature}`, expiresIn: this.lifetimeSeconds };
    }

    verify(accessToken: string): TokenCheck {
        const parts = accessToken.split('.');
        if (parts.length !== 3) return { ok: false, reason: 'malformed' };
        const [header, payload, signature] = parts as [string, string, string];
        const expected = Buffer.from(this.sign(`${header}.${payload}`));
        const given = Buffer.from(signature);
        if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'signature' };
        let id: unknown;
        try {
            id = (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { id?: unknown }).id;
        } catch {
            return { ok: false, reason: 'malformed' };
        }
        const token = typeof id === 'string' ? this.issued.get(id) : undefined;
        if (!token) return { ok: false, reason: 'unknown' };
        if (this.revoked.has(token.id)) return { ok: false, reason: 'revoked' };
        if (this.now() >= token.expiresAt) return { ok: false, reason: 'expired' };
        return { ok: true, token };
    }

    /** Revokes every token issued so far (as when a credential's secret is rotated). */
    revokeAll(): number {
        for (const id of this.issued.keys()) this.revoked.add(id);
        return this.issued.size;
    }

    /** Keeps memory flat under benchmarks that fetch many tokens; expired tokens fail verification either way. */
    private pruneExpired(now: number): void {
        if (this.issued.size < 10_000) return;
        for (const [id, token] of this.issued) {
            if (token.expiresAt <= now) {
                this.issued.delete(id);
                this.revoked.delete(id);
            }
        }
    }

    private sign(data: string): string {
        return createHmac('sha256', this.key).update(data).digest('base64url');
    }
}

function b64(value: unknown): string {
    return Buffer.from(JSON.stringify(value)).toString('base64url');
}
