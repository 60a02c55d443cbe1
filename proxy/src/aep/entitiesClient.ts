import { AepCallError, isTooManyIdentities } from './aepCallError';
import type { Budget } from './budget';
import type { PlatformClient } from './platformClient';

const ENTITIES_PATH = '/data/core/ups/access/entities';
const PROFILE_SCHEMA = '_xdm.context.profile';
const EVENT_SCHEMA = '_xdm.context.experienceevent';

/** One identity to look up: a namespace code and the normalised value (or a bare XID with no namespace). */
export interface IdentityQuery {
    namespace: string | null;
    id: string;
}

export interface ProfileQueryOptions {
    /** Explicit XDM paths: keeps AEP's answer small (a merged profile can approach 50 MB). */
    fields: readonly string[];
    mergePolicyId: string;
    budget: Budget;
    requestId?: string;
}

export type EventsOutcome =
    | { status: 'available'; body: unknown }
    | { status: 'unavailable'; reason: string }
    | { status: 'error'; reason: string; error: AepCallError };

/**
 * Profile Access (entities) API calls: the multi-entity POST (all candidate identities in one call), the
 * single GET, and the (deprecated, edition-gated) experience-event look-up.
 * Responses are returned as parsed JSON; the identity/profile modules interpret them.
 */
export class EntitiesClient {
    constructor(
        private readonly platform: PlatformClient,
        private readonly timeouts: { profileMs: number; eventsMs: number }
    ) {}

    /**
     * POST /access/entities for every candidate at once (https://experienceleague.adobe.com/en/docs/experience-platform/profile/api/entities). withCA=true because
     * computed attributes are the primary behavioural data now that event look-up is deprecated.
     * 207 (partial failure, per-XID errors) is a normal answer for the caller to group.
     */
    async fetchProfiles(identities: readonly IdentityQuery[], o: ProfileQueryOptions): Promise<{ status: number; body: unknown }> {
        const res = await this.platform.request({
            upstream: 'profile',
            method: 'POST',
            host: 'platform',
            path: ENTITIES_PATH,
            body: {
                schema: { name: PROFILE_SCHEMA },
                identities: identities.map((i) =>
                    i.namespace ? { entityId: i.id, entityIdNS: { code: i.namespace } } : { entityId: i.id }
                ),
                ...(o.fields.length > 0 ? { fields: [...o.fields] } : {}),
                mergePolicyId: o.mergePolicyId,
                withCA: true
            },
            timeoutMs: this.timeouts.profileMs,
            budget: o.budget,
            requestId: o.requestId,
            okStatuses: [207],
            idempotent: true
        });
        return { status: res.status, body: res.body };
    }

    /**
     * GET one profile by identity (namespace + value) or by bare XID (no namespace). 404 means no
     * profile: null. Used when the multi-entity POST is refused as a whole.
     */
    async fetchProfileByIdentity(identity: IdentityQuery, o: ProfileQueryOptions): Promise<unknown> {
        const query = new URLSearchParams({ 'schema.name': PROFILE_SCHEMA, entityId: identity.id });
        if (identity.namespace) query.set('entityIdNS', identity.namespace);
        query.set('mergePolicyId', o.mergePolicyId);
        query.set('withCA', 'true');
        if (o.fields.length > 0) query.set('fields', o.fields.join(','));
        try {
            const res = await this.platform.request({
                upstream: 'profile',
                method: 'GET',
                host: 'platform',
                path: ENTITIES_PATH,
                query,
                timeoutMs: this.timeouts.profileMs,
                budget: o.budget,
                requestId: o.requestId
            });
            return res.body;
        } catch (err) {
            if (err instanceof AepCallError && err.kind === 'http' && err.status === 404) return null;
            throw err;
        }
    }

    /**
     * Recent experience events of the profile an identity belongs to, newest first. AEP deprecated this and
     * gates it by edition (https://experienceleague.adobe.com/en/docs/experience-platform/profile/api/entities),
     * so a refusal (403, or 422 that is not about the identity graph) is reported as `unavailable` and the card
     * hides the panel; 404 means no events. Other failures are `error`: the look-up still succeeds.
     *
     * Asked with the multi-entity POST: the current spec (proxy/emulator/specs/adobe/profile.yaml, January 2026)
     * dropped the GET form's event parameters (`schema.name` enum, `relatedEntityId`), while its POST body still
     * documents `identities[].relatedEntityId`, `timeFilter`, `limit` and `orderBy` "only for ExperienceEvents".
     * The answer is a map keyed by the related identity's XID holding one page `{_page, children, _links}`.
     */
    async fetchEvents(
        identity: IdentityQuery,
        o: {
            limit: number;
            lookbackDays: number;
            fields?: readonly string[];
            mergePolicyId: string;
            budget: Budget;
            requestId?: string;
            now?: number;
            /** False once retrying is pointless (the look-up stops retrying events when the profile has answered). */
            mayRetry?: () => boolean;
        }
    ): Promise<EventsOutcome> {
        const now = o.now ?? Date.now();
        try {
            const res = await this.platform.request({
                upstream: 'events',
                method: 'POST',
                host: 'platform',
                path: ENTITIES_PATH,
                body: {
                    schema: { name: EVENT_SCHEMA },
                    relatedSchema: { name: PROFILE_SCHEMA },
                    identities: [
                        identity.namespace
                            ? { relatedEntityId: identity.id, entityIdNS: { code: identity.namespace } }
                            : { relatedEntityId: identity.id }
                    ],
                    ...(o.fields && o.fields.length > 0 ? { fields: [...o.fields] } : {}),
                    timeFilter: { startTime: now - o.lookbackDays * 86_400_000, endTime: now + 60_000 },
                    limit: o.limit,
                    orderBy: '-timestamp',
                    mergePolicyId: o.mergePolicyId
                },
                timeoutMs: this.timeouts.eventsMs,
                budget: o.budget,
                requestId: o.requestId,
                okStatuses: [207],
                idempotent: true,
                mayRetry: o.mayRetry
            });
            return eventsFromAnswer(res.status, res.body);
        } catch (err) {
            if (!(err instanceof AepCallError)) throw err;
            return classifyEventsFailure(err);
        }
    }
}

/**
 * The page of the one identity asked about: the map's entry (keyed by that identity's XID), or a 207's failure
 * for it, read like the same status of a whole answer.
 */
function eventsFromAnswer(status: number, body: unknown): EventsOutcome {
    if (status === 207 && Array.isArray(body)) {
        const error = (body[0] as { error?: { statusCode?: unknown; message?: unknown } } | undefined)?.error;
        const failed = Number(error?.statusCode);
        return classifyEventsFailure(
            new AepCallError('events', 'http', `events: AEP reported ${Number.isFinite(failed) ? failed : 'an error'} for the identity`, {
                status: Number.isFinite(failed) && failed > 0 ? failed : 502,
                aepMessage: typeof error?.message === 'string' ? error.message : ''
            })
        );
    }
    if (typeof body === 'object' && body !== null && !Array.isArray(body)) {
        const page = Object.values(body).find((v) => typeof v === 'object' && v !== null && 'children' in v);
        if (page) return { status: 'available', body: page };
    }
    return { status: 'available', body: { children: [] } };
}

export function classifyEventsFailure(err: AepCallError): EventsOutcome {
    if (err.kind === 'http') {
        if (err.status === 404) return { status: 'available', body: { children: [] } };
        if (err.status === 403) return { status: 'unavailable', reason: 'EDITION_GATED' };
        if (err.status === 422 && !isTooManyIdentities(err)) return { status: 'unavailable', reason: 'EDITION_GATED' };
        if (err.status === 429) return { status: 'error', reason: 'THROTTLED', error: err };
        return { status: 'error', reason: `HTTP_${err.status ?? 'ERROR'}`, error: err };
    }
    const reason = {
        timeout: 'TIMEOUT',
        network: 'UNREACHABLE',
        malformed: 'MALFORMED_RESPONSE',
        too_large: 'TOO_LARGE',
        breaker_open: 'CIRCUIT_OPEN',
        rate_limited_local: 'RATE_LIMITED'
    }[err.kind];
    return { status: 'error', reason, error: err };
}
