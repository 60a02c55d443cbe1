import { z } from 'zod';
import type { ProxyConfig } from '../config';
import { IdentityNamespace } from '../contract/aepMetadata';
import { createNamespaceCatalog, type NamespaceCatalog } from '../identity/fieldMapping';
import { SingleFlight } from '../lib/singleFlight';
import { AepCallError } from './aepCallError';
import type { Budget } from './budget';
import type { PlatformClient } from './platformClient';

/**
 * The org's identity namespaces, from Identity Service on its regional host. Checked at start (a mapping
 * naming a namespace the org does not have is a configuration error worth knowing early), then cached
 * for NAMESPACE_CACHE_TTL_SECONDS; a failed refresh keeps serving the last good list.
 */
export class NamespaceCatalogClient {
    private cached: { catalog: NamespaceCatalog; at: number } | null = null;
    private readonly loads = new SingleFlight<NamespaceCatalog>();

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

    /** The catalog while it is within its TTL, without awaiting anything (a cache hit's path); otherwise null. */
    get fresh(): NamespaceCatalog | null {
        const c = this.cached;
        return c && this.now() - c.at < this.cfg.ttlMs ? c.catalog : null;
    }

    async get(budget: Budget): Promise<NamespaceCatalog> {
        const fresh = this.fresh;
        if (fresh) return fresh;
        const c = this.cached;
        if (c) {
            // Stale but usable: refresh in the background, answer now.
            this.load(budget).catch(() => undefined);
            return c.catalog;
        }
        return this.load(budget);
    }

    private load(budget: Budget): Promise<NamespaceCatalog> {
        return this.loads.share('catalog', () => this.fetch(budget));
    }

    private async fetch(budget: Budget): Promise<NamespaceCatalog> {
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
        // Disabled namespaces cannot be looked up; AEP answers them like unknown ones.
        const active = list.filter((ns) => ns.status === undefined || ns.status.toUpperCase() === 'ACTIVE');
        this.cached = { catalog: createNamespaceCatalog(active.map((ns) => ns.code)), at: this.now() };
        return this.cached.catalog;
    }
}
