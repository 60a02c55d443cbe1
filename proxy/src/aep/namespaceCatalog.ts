import { z } from 'zod';
import type { ProxyConfig } from '../config';
import { AepCallError } from './aepCallError';
import type { Budget } from './budget';
import type { PlatformClient } from './platformClient';

/** One entry of `GET /idnamespace/identities` (a bare JSON array; aep-api.md section d). */
export const IdentityNamespace = z
    .object({
        code: z.string().min(1),
        id: z.number().int().optional(),
        status: z.string().optional(),
        idType: z.string().optional(),
        name: z.string().optional(),
        custom: z.boolean().optional()
    })
    .loose();
export type IdentityNamespace = z.infer<typeof IdentityNamespace>;

/**
 * The org's identity namespaces, from Identity Service on its regional host. Checked at start (a mapping
 * naming a namespace the org does not have is a configuration error worth knowing early), then cached
 * for NAMESPACE_CACHE_TTL_SECONDS; a failed refresh keeps serving the last good list.
 */
export class NamespaceCatalogClient {
    private cached: { list: readonly IdentityNamespace[]; at: number } | null = null;
    private inFlight: Promise<readonly IdentityNamespace[]> | null = null;

    constructor(
        private readonly platform: PlatformClient,
        private readonly cfg: { ttlMs: number; timeoutMs: number },
        private readonly now: () => number = Date.now
    ) {}

    static fromConfig(platform: PlatformClient, config: ProxyConfig): NamespaceCatalogClient {
        return new NamespaceCatalogClient(platform, { ttlMs: config.cache.namespaceTtlMs, timeoutMs: config.timeouts.metadataMs });
    }

    /** True once a list has been loaded (readiness). */
    get warm(): boolean {
        return this.cached !== null;
    }

    async get(budget: Budget): Promise<readonly IdentityNamespace[]> {
        const c = this.cached;
        if (c && this.now() - c.at < this.cfg.ttlMs) return c.list;
        if (c) {
            // Stale but usable: refresh in the background, answer now.
            this.load(budget).catch(() => undefined);
            return c.list;
        }
        return this.load(budget);
    }

    private load(budget: Budget): Promise<readonly IdentityNamespace[]> {
        this.inFlight ??= this.fetch(budget).finally(() => {
            this.inFlight = null;
        });
        return this.inFlight;
    }

    private async fetch(budget: Budget): Promise<readonly IdentityNamespace[]> {
        const res = await this.platform.request({
            upstream: 'identity',
            method: 'GET',
            host: 'identity',
            path: '/data/core/idnamespace/identities',
            timeoutMs: this.cfg.timeoutMs,
            budget
        });
        const parsed = z.array(z.unknown()).safeParse(res.body);
        if (!parsed.success) throw new AepCallError('identity', 'malformed', 'identity: namespace list is not a JSON array');
        // Skip entries we cannot read rather than failing the whole catalog.
        const list = parsed.data.flatMap((item) => {
            const ns = IdentityNamespace.safeParse(item);
            return ns.success ? [ns.data] : [];
        });
        this.cached = { list: Object.freeze(list), at: this.now() };
        return this.cached.list;
    }
}
