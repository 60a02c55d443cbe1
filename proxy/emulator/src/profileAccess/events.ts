import { profileError, type AdobeError } from '../errors';
import type { ExperienceEventRecord, ProfileRecord, XdmObject } from '../store/dataset';
import { projectFields, readPath } from '../store/projection';

/**
 * ExperienceEvent look-up through /access/entities (deprecated; last documented in profile@83027f4d.yaml and
 * entities.md): time window, ordering, property filters and `start`/`offsets` cursor paging.
 */
export const DEFAULT_EVENT_LIMIT = 1000;
export const MAX_PROPERTY_FILTERS = 3;

export interface EventQuery {
    readonly startTime?: number;
    readonly endTime?: number;
    readonly limit: number;
    readonly descending: boolean;
    readonly filters: readonly PropertyFilter[];
    readonly cursor?: string;
    readonly fields?: readonly string[];
}

export interface PropertyFilter {
    readonly path: string;
    readonly op: '=' | '!=' | '<' | '<=' | '>' | '>=';
    readonly value: string | number | boolean;
}

export interface EventPage {
    readonly children: XdmObject[];
    readonly start: string;
    readonly next: string;
}

const bad = (message: string): AdobeError => profileError(400, `UPS-ACC-1000403: ${message}`, 'Status Code - 400 : Bad request');

function intParam(name: string, raw: string | undefined): number | undefined | AdobeError {
    if (raw === undefined || raw === '') return undefined;
    if (!/^-?\d+$/.test(raw)) return bad(`Invalid value '${raw}' for ${name}; expected epoch milliseconds.`);
    return Number(raw);
}

/** Parses the query-string form; `raw` holds the decoded query values. */
export function parseEventQuery(raw: {
    startTime?: string;
    endTime?: string;
    limit?: string;
    orderby?: string;
    property: readonly string[];
    start?: string;
    fields?: readonly string[];
}): EventQuery | AdobeError {
    const startTime = intParam('startTime', raw.startTime);
    if (typeof startTime === 'object') return startTime;
    const endTime = intParam('endTime', raw.endTime);
    if (typeof endTime === 'object') return endTime;
    let limit = DEFAULT_EVENT_LIMIT;
    if (raw.limit !== undefined) {
        if (!/^\d+$/.test(raw.limit) || Number(raw.limit) < 1 || Number(raw.limit) > DEFAULT_EVENT_LIMIT) {
            return bad(`Invalid limit '${raw.limit}'; expected an integer from 1 to ${DEFAULT_EVENT_LIMIT}.`);
        }
        limit = Number(raw.limit);
    }
    // An unencoded '+' arrives as a space; AEP's own examples send `orderby=+timestamp` unencoded.
    const orderby = (raw.orderby ?? '+timestamp').trim();
    if (orderby !== 'timestamp' && orderby !== '+timestamp' && orderby !== '-timestamp') {
        return bad(`Invalid orderby '${raw.orderby ?? ''}'; expected +timestamp or -timestamp.`);
    }
    if (raw.property.length > MAX_PROPERTY_FILTERS) return bad(`At most ${MAX_PROPERTY_FILTERS} property filters are allowed.`);
    const filters: PropertyFilter[] = [];
    for (const p of raw.property) {
        const filter = parsePropertyFilter(p);
        if (!filter) return bad(`Invalid property filter '${p}'; expected <path><op><value> with op one of = != < <= > >=.`);
        filters.push(filter);
    }
    return { startTime, endTime, limit, descending: orderby === '-timestamp', filters, cursor: raw.start, fields: raw.fields };
}

export function parsePropertyFilter(text: string): PropertyFilter | undefined {
    const match = /^([A-Za-z_][\w.]*)\s*(!=|<=|>=|=|<|>)\s*(.+)$/.exec(text.trim());
    if (!match) return undefined;
    const [, path, op, rawValue] = match as unknown as [string, string, PropertyFilter['op'], string];
    let value: PropertyFilter['value'];
    const quoted = /^"(.*)"$/.exec(rawValue);
    if (quoted) value = normaliseDate(quoted[1]!);
    else if (rawValue === 'true' || rawValue === 'false') value = rawValue === 'true';
    else if (/^-?\d+(\.\d+)?$/.test(rawValue) && !/^\d{8}$/.test(rawValue)) value = Number(rawValue);
    else value = normaliseDate(rawValue);
    return { path, op, value };
}

/** Dates may be written "yyyy-mm-dd" or yyyymmdd (entities.md); both compare as ISO prefixes. */
function normaliseDate(value: string): string {
    const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
    return compact ? `${compact[1]}-${compact[2]}-${compact[3]}` : value;
}

function matches(event: ExperienceEventRecord, filter: PropertyFilter): boolean {
    const actual = readPath(event.entity, filter.path);
    if (actual === undefined || actual === null) return filter.op === '!=';
    const left: string | number | boolean = typeof actual === 'number' || typeof actual === 'boolean' ? actual : String(actual);
    const right = filter.value;
    if (typeof left === 'string' && typeof right === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(right) && /^\d{4}-\d{2}-\d{2}T/.test(left)) {
        return compare(left.slice(0, 10), right, filter.op);
    }
    return compare(left, right, filter.op);
}

function compare(a: string | number | boolean, b: string | number | boolean, op: PropertyFilter['op']): boolean {
    switch (op) {
        case '=':
            return a === b;
        case '!=':
            return a !== b;
        case '<':
            return a < b;
        case '<=':
            return a <= b;
        case '>':
            return a > b;
        case '>=':
            return a >= b;
    }
}

/** One page of events for the given profiles; a cursor that names no event of the result is a 400. */
export function eventPage(
    eventsOf: (profile: ProfileRecord) => readonly ExperienceEventRecord[],
    profiles: readonly ProfileRecord[],
    query: EventQuery
): EventPage | AdobeError {
    const all = profiles
        .flatMap((profile) => eventsOf(profile).map((event) => ({ event, owner: profile.xid })))
        .filter(
            ({ event }) =>
                (query.startTime === undefined || event.timestamp >= query.startTime) &&
                (query.endTime === undefined || event.timestamp < query.endTime)
        )
        .filter(({ event }) => query.filters.every((f) => matches(event, f)))
        .sort((a, b) => a.event.timestamp - b.event.timestamp || a.event._id.localeCompare(b.event._id));
    if (query.descending) all.reverse();
    let from = 0;
    if (query.cursor !== undefined && query.cursor !== '') {
        from = all.findIndex(({ event }) => event._id === query.cursor);
        if (from < 0) return bad(`Invalid start cursor '${query.cursor}'.`);
    }
    const page = all.slice(from, from + query.limit);
    const following = all[from + query.limit];
    return {
        children: page.map(({ event, owner }) => ({
            relatedEntityId: owner,
            entityId: event._id,
            timestamp: event.timestamp,
            entity: query.fields ? projectFields(event.entity, query.fields) : structuredClone(event.entity),
            lastModifiedAt: event.lastModifiedAt
        })),
        start: page[0]?.event._id ?? '',
        next: following?.event._id ?? ''
    };
}
