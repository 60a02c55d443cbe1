import type { FastifyReply } from 'fastify';
import type { AdobeError } from './errors';
import type { EmulatedOrg, EmulatedSandbox, MultiEntityKeying, OrgDirectory } from './orgs';
import type { Dataset } from './store/dataset';
import type { TokenIssuer, IssuedToken } from './ims/tokens';
import type { ProfileResolver } from './profileAccess/profileResolver';
import type { JsonBody } from './routes/jsonBody';

/** Route groups: the unit for stats and fault injection. */
export const ROUTE_GROUPS = ['ims', 'entities', 'events', 'identity', 'mergePolicies', 'audiences'] as const;
export type RouteGroup = (typeof ROUTE_GROUPS)[number];

/** Per-route settings read by the gateway hook. */
export interface RouteConfig {
    readonly group: RouteGroup;
    /** Profile/Segmentation require x-sandbox-name; Identity falls back to the default sandbox. */
    readonly sandbox: 'required' | 'optional' | 'none';
    /** POST routes with a JSON body get the gateway's content-type check. */
    readonly jsonBody?: boolean;
}

/** What the gateway established about a caller, available to handlers. */
export interface CallerContext {
    readonly org: EmulatedOrg;
    readonly sandbox: EmulatedSandbox;
    readonly token: IssuedToken;
}

declare module 'fastify' {
    interface FastifyRequest {
        caller?: CallerContext;
        /** Route group after looking at the query (events share the entities path). */
        group?: RouteGroup;
        /** The body of the multi-entity POST, read once by the preHandler: its schema.name picks entities or events. */
        entitiesBody?: JsonBody;
    }
}

/** Shared services handed to every route module. */
export interface EmulatorServices {
    readonly orgs: OrgDirectory;
    readonly tokens: TokenIssuer;
    readonly dataset: Dataset;
    /** The org's view of the data set: its identity graphs (linking rules) and merged profiles. */
    profilesFor(org: EmulatedOrg): ProfileResolver;
    /** How the multi-entity POST keys its answer for the org (changeable at run time, admin settings). */
    multiEntityKeyingFor(org: EmulatedOrg): MultiEntityKeying;
}

export function sendAdobeError(reply: FastifyReply, error: AdobeError): FastifyReply {
    if (error.headers) reply.headers(error.headers);
    return reply.code(error.status).type('application/json').send(error.body);
}

export function requireEntitiesBody(body: JsonBody | undefined): JsonBody {
    if (!body) throw new Error('preHandler did not read the body of POST /access/entities');
    return body;
}

export function requireCaller(caller: CallerContext | undefined): CallerContext {
    if (!caller) throw new Error('gateway did not run for a /data/core route');
    return caller;
}
