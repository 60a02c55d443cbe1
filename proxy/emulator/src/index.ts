import type { AddressInfo } from 'node:net';
import {
    defaultOrgs,
    OrgDirectory,
    defaultSandboxOf,
    PRIMARY_SCOPES,
    type EmulatedOrg,
    type Edition,
    type LinkingRules,
    type MultiEntityKeying
} from './orgs';
import { TokenIssuer } from './ims/tokens';
import { Faults, type FaultController, type FaultRule } from './faults';
import { FaultEffects } from './faultEffects';
import { StatsRecorder, type EmulatorStats } from './stats';
import { RateLimiter, type RateLimitOptions } from './rateLimit';
import { buildServer } from './server';
import { LayeredDataset, type Dataset } from './store/dataset';
import { seedDataset } from './seed';
import { ProfileResolver } from './profileAccess/profileResolver';

export type { FaultController, FaultRule, ActiveFault, FaultAction, FaultMode, FaultTarget } from './faults';
export type { EmulatorStats } from './stats';
export type { RouteGroup } from './context';
export {
    MemoryDataset,
    LayeredDataset,
    type Dataset,
    type ProfileRecord,
    type ExperienceEventRecord,
    type AudienceRecord,
    type IdentityRef
} from './store/dataset';
export { generateDataset, GeneratedDataset, type GeneratorOptions, type GeneratedIdentities } from './generator';
export { SEED_IDENTITIES, AUDIENCE } from './seed';
export { NO_STITCHING_POLICY_ID } from './seed/mergePolicies';
export { deriveXid } from './store/xid';
export {
    PRIMARY_ORG_ID,
    PRIME_ORG_ID,
    LINKED_ORG_ID,
    DEFAULT_MERGE_POLICY_ID,
    MULTI_ENTITY_KEYINGS,
    type MultiEntityKeying,
    type LinkingRules
} from './orgs';
export { aepEnvFor, type AepEnv } from './aepEnv';
export { loadCliConfig, type CliConfig } from './cliConfig';

export const DEFAULT_TOKEN_LIFETIME_SECONDS = 86399;
const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

export interface EmulatorOptions {
    /** Loopback only; default 127.0.0.1. */
    readonly host?: string;
    /** Default 0 (ephemeral). */
    readonly port?: number;
    /** Region of the identity host (`identityUrl` stands in for https://platform-{region}.adobe.io); default 'va7'. */
    readonly identityRegion?: string;
    /** IMS `expires_in`; default 86399 s. Short values exercise token expiry. */
    readonly tokenLifetimeSeconds?: number;
    /** Extra data (e.g. `generateDataset(...)`), served after the seed people. */
    readonly dataset?: Dataset;
    /** Serve the demo's seed people (seed/people.ts); default true. */
    readonly includeSeed?: boolean;
    /** Fault rules active from the start (e.g. latency). None by default. */
    readonly faults?: readonly FaultRule[];
    /** Per-org request-rate limit on /data/core; off by default. */
    readonly rateLimit?: RateLimitOptions;
    /** Per-org override of event look-up (keyed by org key: 'primary', 'prime', 'linked'). */
    readonly eventLookup?: Readonly<Record<string, { readonly enabled?: boolean; readonly refusalStatus?: 403 | 422 }>>;
    /**
     * How the multi-entity POST keys its answer: one value for every org, or per org key. Default
     * 'perRequestedIdentity' (Adobe's example); 'perProfile' is the one-entry-per-person form.
     */
    readonly multiEntityKeying?: MultiEntityKeying | Readonly<Record<string, MultiEntityKeying>>;
    /** Clock for token expiry and rate limiting (tests); default Date.now. */
    readonly now?: () => number;
    /** Fastify request logging (auth headers redacted, bodies never logged); default false. A stream receives the JSON lines. */
    readonly logger?: boolean | { readonly stream: NodeJS.WritableStream };
}

/** What a client of one emulated org needs. */
export interface OrgCredentials {
    readonly key: string;
    readonly name: string;
    readonly imsOrgId: string;
    readonly clientId: string;
    readonly clientSecret: string;
    readonly scope: string;
    readonly sandboxName: string;
    readonly tenant: string;
    readonly defaultMergePolicyId: string | null;
    readonly edition: Edition;
    readonly eventLookupEnabled: boolean;
    /** Identity Graph Linking Rules of the org, or null (shared identities collapse graphs). */
    readonly linkingRules: LinkingRules | null;
}

export type OrgKey = 'primary' | 'prime' | 'linked';

export interface RunningEmulator {
    /** Base for `/data/core/...` (stands in for https://platform.adobe.io). */
    readonly platformUrl: string;
    /** Base for `/ims/token/v3` (stands in for https://ims-na1.adobelogin.com). */
    readonly imsUrl: string;
    /** Base for Identity Service calls (stands in for https://platform-{region}.adobe.io). */
    readonly identityUrl: string;
    readonly orgs: { readonly primary: OrgCredentials; readonly prime: OrgCredentials; readonly linked: OrgCredentials };
    readonly faults: FaultController;
    stats(): EmulatorStats;
    resetStats(): void;
    /** Revokes every token issued so far; the gateway then answers 401013. */
    revokeTokens(): void;
    /** Lifetime of tokens issued from now on. */
    setTokenLifetime(seconds: number): void;
    setRateLimit(options: RateLimitOptions): void;
    /** Switches how the multi-entity POST keys its answer, for every org or the ones named. */
    setMultiEntityKeying(keying: MultiEntityKeying | Readonly<Record<string, MultiEntityKeying>>): void;
    close(): Promise<void>;
}

export async function startEmulator(opts: EmulatorOptions = {}): Promise<RunningEmulator> {
    const host = opts.host ?? '127.0.0.1';
    if (!LOOPBACK.has(host)) throw new Error(`the AEP emulator listens on loopback only; refusing host '${host}'`);
    const region = (opts.identityRegion ?? 'va7').toLowerCase();
    if (!/^[a-z0-9]+$/.test(region)) throw new Error(`invalid identity region '${opts.identityRegion ?? ''}'`);
    const now = opts.now ?? Date.now;
    const orgs = defaultOrgs().map((org) => applyEventLookup(org, opts.eventLookup?.[org.key]));
    const tokens = new TokenIssuer(now, opts.tokenLifetimeSeconds ?? DEFAULT_TOKEN_LIFETIME_SECONDS);
    const layers: Dataset[] = [];
    if (opts.includeSeed !== false) layers.push(seedDataset());
    if (opts.dataset) layers.push(opts.dataset);
    const dataset = layers.length === 1 ? layers[0]! : new LayeredDataset(layers);
    const faults = new Faults(opts.faults ?? []);
    const effects = new FaultEffects();
    const stats = new StatsRecorder();
    const rateLimiter = new RateLimiter(opts.rateLimit ?? {}, now);
    const regionalPrefix = `/platform-${region}`;
    const resolvers = new Map(orgs.map((org) => [org.key, new ProfileResolver(dataset, org.linkingRules)]));
    const keying = new Map(orgs.map((org) => [org.key, 'perRequestedIdentity' as MultiEntityKeying]));
    const setKeying = (value: MultiEntityKeying | Readonly<Record<string, MultiEntityKeying>>) => {
        for (const org of orgs) {
            const chosen = typeof value === 'string' ? value : value[org.key];
            if (chosen) keying.set(org.key, chosen);
        }
    };
    if (opts.multiEntityKeying) setKeying(opts.multiEntityKeying);
    const app = buildServer({
        services: {
            orgs: new OrgDirectory(orgs),
            tokens,
            dataset,
            profilesFor: (org) => ofOrg(resolvers, org),
            multiEntityKeyingFor: (org) => ofOrg(keying, org)
        },
        setMultiEntityKeying: setKeying,
        faults,
        effects,
        stats,
        rateLimiter,
        tokens,
        regionalPrefix,
        logger: opts.logger ?? false
    });
    try {
        await app.listen({ host, port: opts.port ?? 0 });
    } catch (err) {
        await app.close();
        if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err;
        throw Object.assign(
            new Error(
                `the AEP emulator cannot listen on ${host}:${opts.port ?? 0}: the port is in use; stop the other process or set EMULATOR_PORT to a free port (0 picks one)`
            ),
            { code: 'EADDRINUSE' }
        );
    }
    const { port } = app.server.address() as AddressInfo;
    const base = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
    const credentials = (org: EmulatedOrg): OrgCredentials => ({
        key: org.key,
        name: org.name,
        imsOrgId: org.imsOrgId,
        clientId: org.clientId,
        clientSecret: org.clientSecret,
        scope: PRIMARY_SCOPES,
        sandboxName: defaultSandboxOf(org).name,
        tenant: org.tenant,
        defaultMergePolicyId: defaultSandboxOf(org).defaultMergePolicyId,
        edition: org.edition,
        eventLookupEnabled: org.eventLookup.enabled,
        linkingRules: org.linkingRules
    });
    const byKey = (key: string): EmulatedOrg => {
        const org = orgs.find((o) => o.key === key);
        if (!org) throw new Error(`emulated org ${key} missing`);
        return org;
    };
    let closed: Promise<void> | undefined;
    return {
        platformUrl: base,
        imsUrl: base,
        identityUrl: `${base}${regionalPrefix}`,
        orgs: { primary: credentials(byKey('primary')), prime: credentials(byKey('prime')), linked: credentials(byKey('linked')) },
        faults,
        stats: () => stats.snapshot(),
        resetStats: () => stats.reset(),
        revokeTokens: () => void tokens.revokeAll(),
        setTokenLifetime: (seconds) => tokens.setLifetimeSeconds(seconds),
        setRateLimit: (options) => rateLimiter.configure(options),
        setMultiEntityKeying: setKeying,
        close: () => {
            closed ??= (async () => {
                effects.releaseAll();
                await app.close();
                effects.releaseAll();
            })();
            return closed;
        }
    };
}

/**
 * The per-org maps hold every org of the emulator's directory, and routes only ask for the caller's org, which the
 * gateway found in that directory: a miss is a bug, not a case to answer with a fresh (uncached) default.
 */
function ofOrg<T>(map: ReadonlyMap<string, T>, org: EmulatedOrg): T {
    const value = map.get(org.key);
    if (value === undefined) throw new Error(`emulated org ${org.key} is not in the emulator's directory`);
    return value;
}

function applyEventLookup(org: EmulatedOrg, override: { enabled?: boolean; refusalStatus?: 403 | 422 } | undefined): EmulatedOrg {
    if (!override) return org;
    return {
        ...org,
        eventLookup: {
            enabled: override.enabled ?? org.eventLookup.enabled,
            refusalStatus: override.refusalStatus ?? org.eventLookup.refusalStatus
        }
    };
}
