import { randomBytes, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { XMLParser } from 'fast-xml-parser';
import { jwtVerify } from 'jose';
import type { SupportedObject } from '../readIdentityFields';
import { DEFAULT_CREDENTIAL_SETUP, runAnonymousApex, type FakeCredentialSetup } from './fakeConnectionCheck';

/**
 * A small stand-in for the Salesforce REST API, serving exactly what jsforce calls in scripts/org:
 * the OAuth token endpoint (username-password and JWT bearer grants), the identity URL, the version
 * resource, describeGlobal, query and tooling query (a real little SOQL parser: SELECT / FROM /
 * WHERE with = and IN joined by AND / ORDER BY / LIMIT, string escapes, relationship paths), and
 * sobject create / read / update. It enforces what a real org would: a valid bearer token, known
 * fields, required fields, valid lookups. Every request is recorded so tests can assert on the
 * SOQL and the writes jsforce really sent.
 * Also: Tooling executeAnonymous running the package's connection check against the org's credential
 * setup (fakeConnectionCheck.ts), and the Metadata API's SOAP readMetadata/updateMetadata for the
 * metadata an admin script edits (CustomObject action overrides, CustomApplication, FlexiPage), with the
 * element order and references a real org enforces.
 */

type Row = Record<string, unknown> & { Id: string };

interface ObjectDef {
    prefix: string;
    fields: string[];
    required?: string[];
    /** relationship name -> lookup field */
    relations?: Record<string, string>;
    api: 'data' | 'tooling' | 'both';
}

const OBJECTS: Record<string, ObjectDef> = {
    Account: { prefix: '001', fields: ['Name', 'Description'], required: ['Name'], api: 'data' },
    Contact: {
        prefix: '003',
        fields: ['FirstName', 'LastName', 'Email', 'Phone', 'MobilePhone', 'AccountId', 'Description'],
        required: ['LastName'],
        relations: { Account: 'AccountId' },
        api: 'data'
    },
    Lead: {
        prefix: '00Q',
        fields: ['FirstName', 'LastName', 'Company', 'Email', 'Phone', 'MobilePhone', 'Description'],
        required: ['LastName', 'Company'],
        api: 'data'
    },
    Case: {
        prefix: '500',
        fields: ['Subject', 'Status', 'Origin', 'SuppliedEmail', 'SuppliedPhone', 'ContactId', 'Description'],
        relations: { Contact: 'ContactId' },
        api: 'data'
    },
    User: { prefix: '005', fields: ['Username'], api: 'data' },
    ApexClass: { prefix: '01p', fields: ['Name', 'Status', 'ApiVersion'], api: 'both' },
    LightningComponentBundle: { prefix: '0Rb', fields: ['DeveloperName'], api: 'tooling' },
    PermissionSet: { prefix: '0PS', fields: ['Name', 'Label'], api: 'data' },
    CustomPermission: { prefix: '0CP', fields: ['DeveloperName'], api: 'data' },
    NamedCredential: { prefix: '0XA', fields: ['DeveloperName', 'Endpoint'], api: 'data' },
    PermissionSetAssignment: {
        prefix: '0Pa',
        fields: ['AssigneeId', 'PermissionSetId'],
        relations: { PermissionSet: 'PermissionSetId' },
        api: 'data'
    }
};

/** Objects describeGlobal lists beyond the ones above (no data behind them). */
const DESCRIBE_ONLY = [
    { name: 'Opportunity', keyPrefix: '006' },
    { name: 'Invoice__c', keyPrefix: 'a01' }
];

export interface FakeOrgOptions {
    jwt?: { clientId: string; username: string; publicKey: KeyObject; audience: string };
    password?: { clientId: string; clientSecret: string; username: string; password: string };
}

export interface RecordedRequest {
    method: string;
    path: string;
    headers: Record<string, string | string[] | undefined>;
    body: string;
}

export interface FakeOrg {
    instanceUrl: string;
    /** A token valid from the start, for the access-token flow. */
    accessToken: string;
    orgId: string;
    userId: string;
    requests: RecordedRequest[];
    /** SOQL received on /query and /tooling/query, in order. */
    queries: { api: 'data' | 'tooling'; soql: string }[];
    /** POST/PATCH on sobjects, in order. */
    writes: {
        method: 'POST' | 'PATCH';
        sobject: string;
        id?: string;
        body: Record<string, unknown>;
        headers: RecordedRequest['headers'];
    }[];
    apiVersions: Set<string>;
    /** What an admin set up for the package's credentials (the connection check reads it). */
    credentials: FakeCredentialSetup;
    /** Metadata by type and full name, as the inner XML of its Metadata API record. */
    putMetadata(type: string, fullName: string, innerXml: string): void;
    metadataXml(type: string, fullName: string): string | undefined;
    insert(sobject: string, fields: Record<string, unknown>): string;
    update(sobject: string, id: string, fields: Record<string, unknown>): void;
    remove(sobject: string, id: string): void;
    rows(sobject: string): Row[];
    close(): Promise<void>;
}

class SfError extends Error {
    constructor(
        readonly status: number,
        readonly errorCode: string,
        message: string
    ) {
        super(message);
    }
}

// ---------------------------------------------------------------- SOQL

type Token = { kind: 'word' | 'string' | 'number' | 'punct'; text: string; value?: string };

function unescapeSoql(body: string): string {
    return body.replace(/\\(.)/g, (_m, ch: string) => {
        const map: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '"': '"', "'": "'", '\\': '\\' };
        const out = map[ch];
        if (out === undefined) throw new SfError(400, 'MALFORMED_QUERY', `Invalid string literal: illegal escape sequence \\${ch}`);
        return out;
    });
}

function tokenize(soql: string): Token[] {
    const tokens: Token[] = [];
    const re = /\s+|'((?:\\.|[^'\\])*)'|([A-Za-z_][A-Za-z0-9_.]*)|(\d+(?:\.\d+)?)|([,()=])/y;
    let pos = 0;
    while (pos < soql.length) {
        re.lastIndex = pos;
        const m = re.exec(soql);
        if (!m) throw new SfError(400, 'MALFORMED_QUERY', `unexpected character at ${pos}: ${soql.slice(pos, pos + 10)}`);
        pos = re.lastIndex;
        if (m[1] !== undefined) tokens.push({ kind: 'string', text: m[0], value: unescapeSoql(m[1]) });
        else if (m[2] !== undefined) tokens.push({ kind: 'word', text: m[2] });
        else if (m[3] !== undefined) tokens.push({ kind: 'number', text: m[3] });
        else if (m[4] !== undefined) tokens.push({ kind: 'punct', text: m[4] });
    }
    return tokens;
}

interface ParsedQuery {
    fields: string[];
    from: string;
    where: { path: string; values: string[] }[];
    orderBy?: { path: string; desc: boolean };
    limit?: number;
}

function parseSoql(soql: string): ParsedQuery {
    const t = tokenize(soql);
    let i = 0;
    const peekWord = (w: string) => t[i]?.kind === 'word' && t[i]!.text.toUpperCase() === w;
    const expectWord = (w: string) => {
        if (!peekWord(w)) throw new SfError(400, 'MALFORMED_QUERY', `expected ${w} near "${t[i]?.text ?? 'end'}"`);
        i++;
    };
    const expectPunct = (p: string) => {
        if (t[i]?.kind !== 'punct' || t[i]!.text !== p)
            throw new SfError(400, 'MALFORMED_QUERY', `expected "${p}" near "${t[i]?.text ?? 'end'}"`);
        i++;
    };
    const path = () => {
        const tok = t[i];
        if (tok?.kind !== 'word') throw new SfError(400, 'MALFORMED_QUERY', `expected a field near "${tok?.text ?? 'end'}"`);
        i++;
        return tok.text;
    };
    const literal = () => {
        const tok = t[i];
        if (tok?.kind !== 'string') throw new SfError(400, 'MALFORMED_QUERY', `expected a quoted value near "${tok?.text ?? 'end'}"`);
        i++;
        return tok.value!;
    };

    expectWord('SELECT');
    const fields = [path()];
    while (t[i]?.text === ',') {
        i++;
        fields.push(path());
    }
    expectWord('FROM');
    const from = path();
    const where: ParsedQuery['where'] = [];
    if (peekWord('WHERE')) {
        i++;
        do {
            if (where.length) i++; // AND
            const p = path();
            if (peekWord('IN')) {
                i++;
                expectPunct('(');
                const values = [literal()];
                while (t[i]?.text === ',') {
                    i++;
                    values.push(literal());
                }
                expectPunct(')');
                where.push({ path: p, values });
            } else {
                expectPunct('=');
                where.push({ path: p, values: [literal()] });
            }
        } while (peekWord('AND'));
    }
    let orderBy: ParsedQuery['orderBy'];
    if (peekWord('ORDER')) {
        i++;
        expectWord('BY');
        orderBy = { path: path(), desc: false };
        if (peekWord('DESC') || peekWord('ASC')) orderBy.desc = t[i++]!.text.toUpperCase() === 'DESC';
    }
    let limit: number | undefined;
    if (peekWord('LIMIT')) {
        i++;
        const tok = t[i++];
        if (tok?.kind !== 'number') throw new SfError(400, 'MALFORMED_QUERY', 'LIMIT needs a number');
        limit = Number(tok.text);
    }
    if (i !== t.length) throw new SfError(400, 'MALFORMED_QUERY', `unexpected token "${t[i]!.text}"`);
    return { fields, from, where, orderBy, limit };
}

// ---------------------------------------------------------------- server

export async function startFakeOrg(opts: FakeOrgOptions = {}): Promise<FakeOrg> {
    const store = new Map<string, Map<string, Row>>(Object.keys(OBJECTS).map((name) => [name, new Map()]));
    const tokens = new Set<string>();
    let counter = 0;
    const orgId = '00D8c00000FakeOEAQ';
    const requests: RecordedRequest[] = [];
    const queries: FakeOrg['queries'] = [];
    const writes: FakeOrg['writes'] = [];
    const apiVersions = new Set<string>();
    let baseUrl = '';

    const newId = (prefix: string) => `${prefix}8c00000${String(++counter).padStart(5, '0')}AAA`;
    const issueToken = () => {
        const token = `00D8c00000FakeO!${randomBytes(24).toString('base64url')}`;
        tokens.add(token);
        return token;
    };
    const userId = '0058c00000AgentAAA';
    store.get('User')!.set(userId, { Id: userId, Username: 'agent@example.com' });
    const credentials: FakeCredentialSetup = { ...DEFAULT_CREDENTIAL_SETUP };
    const metadata = new Map<string, Map<string, string>>();

    const def = (sobject: string) => {
        const d = OBJECTS[sobject];
        if (!d) throw new SfError(404, 'NOT_FOUND', `The requested resource does not exist: sObject type '${sobject}' is not supported.`);
        return d;
    };
    const findById = (id: string): { sobject: string; row: Row } | undefined => {
        for (const [sobject, rows] of store) {
            for (const row of rows.values()) if (sameId(row.Id, id)) return { sobject, row };
        }
        return undefined;
    };
    // Salesforce accepts the 15-character form of an 18-character Id.
    const sameId = (stored: string, given: string) => (given.length === 15 ? stored.slice(0, 15) === given : stored === given);

    const checkFields = (sobject: string, fields: Record<string, unknown>) => {
        const d = def(sobject);
        for (const field of Object.keys(fields)) {
            if (!d.fields.includes(field))
                throw new SfError(400, 'INVALID_FIELD', `No such column '${field}' on sobject of type ${sobject}`);
            const relation = Object.entries(d.relations ?? {}).find(([, lookup]) => lookup === field);
            const value = fields[field];
            if (relation && value !== null && value !== undefined) {
                const target = findById(String(value));
                if (!target || target.sobject !== relation[0]) {
                    throw new SfError(400, 'FIELD_INTEGRITY_EXCEPTION', `${field}: id value of incorrect type: ${String(value)}`);
                }
            }
        }
    };

    const insert = (sobject: string, fields: Record<string, unknown>) => {
        const d = def(sobject);
        checkFields(sobject, fields);
        for (const req of d.required ?? []) {
            if (typeof fields[req] !== 'string' || fields[req] === '')
                throw new SfError(400, 'REQUIRED_FIELD_MISSING', `Required fields are missing: [${req}]`);
        }
        const id = newId(d.prefix);
        store.get(sobject)!.set(id, { ...fields, Id: id, CreatedDate: new Date(Date.UTC(2026, 0, 1, 0, 0, counter)).toISOString() });
        return id;
    };
    const update = (sobject: string, id: string, fields: Record<string, unknown>) => {
        checkFields(sobject, fields);
        const row = [...store.get(sobject)!.values()].find((r) => sameId(r.Id, id));
        if (!row) throw new SfError(404, 'NOT_FOUND', 'The requested resource does not exist');
        Object.assign(row, fields);
    };

    /** Reads `Contact.Email` through the lookup field; validates every step against the schema. */
    const resolve = (sobject: string, row: Row | undefined, path: string): unknown => {
        const [head, ...rest] = path.split('.');
        const d = def(sobject);
        if (rest.length === 0) {
            if (head !== 'Id' && head !== 'CreatedDate' && !d.fields.includes(head!)) {
                throw new SfError(400, 'INVALID_FIELD', `No such column '${head}' on entity '${sobject}'.`);
            }
            return row?.[head!] ?? null;
        }
        const lookup = d.relations?.[head!];
        if (!lookup) throw new SfError(400, 'INVALID_FIELD', `Didn't understand relationship '${head}' in field path.`);
        // Our relationship names equal their target object names (Contact, Account, PermissionSet).
        const target = findById(String(row?.[lookup] ?? ''));
        return resolve(head!, target?.row, rest.join('.'));
    };

    const shape = (sobject: string, row: Row, fields: string[]) => {
        const out: Record<string, unknown> = { attributes: { type: sobject, url: `/services/data/v66.0/sobjects/${sobject}/${row.Id}` } };
        for (const field of fields) {
            const parts = field.split('.');
            if (parts.length === 1) {
                out[field] = resolve(sobject, row, field);
                continue;
            }
            // Relationship: nested object, or null when the lookup is empty.
            const lookup = def(sobject).relations?.[parts[0]!];
            resolve(sobject, row, field); // validates the path
            const target = lookup ? findById(String(row[lookup] ?? '')) : undefined;
            if (!target) {
                out[parts[0]!] = null;
                continue;
            }
            const nested = (out[parts[0]!] as Record<string, unknown> | undefined) ?? {
                attributes: { type: target.sobject, url: `/services/data/v66.0/sobjects/${target.sobject}/${target.row.Id}` }
            };
            nested[parts.slice(1).join('.')] = resolve(target.sobject, target.row, parts.slice(1).join('.'));
            out[parts[0]!] = nested;
        }
        return out;
    };

    const runQuery = (api: 'data' | 'tooling', soql: string) => {
        queries.push({ api, soql });
        const q = parseSoql(soql);
        const d = OBJECTS[q.from];
        if (!d || (d.api !== 'both' && d.api !== api)) throw new SfError(400, 'INVALID_TYPE', `sObject type '${q.from}' is not supported.`);
        let rows = [...store.get(q.from)!.values()].filter((row) =>
            q.where.every((cond) => {
                const value = resolve(q.from, row, cond.path);
                return cond.values.some((v) =>
                    cond.path === 'Id' || cond.path.endsWith('Id')
                        ? sameId(String(value), v)
                        : String(value ?? '').toLowerCase() === v.toLowerCase()
                );
            })
        );
        if (q.orderBy) {
            const key = q.orderBy.path;
            rows.sort(
                (a, b) => String(resolve(q.from, a, key)).localeCompare(String(resolve(q.from, b, key))) * (q.orderBy!.desc ? -1 : 1)
            );
        }
        if (q.limit !== undefined) rows = rows.slice(0, q.limit);
        const records = rows.map((row) => shape(q.from, row, q.fields));
        return { totalSize: records.length, done: true, records };
    };

    // ------------------------------------------------------------ anonymous Apex

    const anonymousApexView = {
        userId,
        classDeployed: (name: string) => [...store.get('ApexClass')!.values()].some((r) => r.Name === name),
        assignedPermissionSets: (assignee: string) => {
            const names = new Set<string>();
            for (const a of store.get('PermissionSetAssignment')!.values()) {
                if (!sameId(String(a.AssigneeId), assignee)) continue;
                const ps = findById(String(a.PermissionSetId));
                if (ps) names.add(String(ps.row.Name));
            }
            return names;
        },
        objectOf: (recordId: string) => Object.entries(OBJECTS).find(([, d]) => d.prefix === recordId.slice(0, 3))?.[0],
        readRecord: (recordId: string, objectApiName: SupportedObject, paths: readonly string[]) => {
            const row = [...store.get(objectApiName)!.values()].find((r) => sameId(r.Id, recordId));
            if (!row) return null;
            const out: Record<string, string | null> = {};
            for (const path of paths) {
                const value = resolve(objectApiName, row, path);
                out[path] = value === null || value === undefined ? null : String(value);
            }
            return out;
        }
    };

    // ------------------------------------------------------------ Metadata API (SOAP)

    const metadataParser = new XMLParser({
        ignoreAttributes: false,
        attributeNamePrefix: '@_',
        removeNSPrefix: true,
        parseTagValue: false
    });
    const orderedParser = new XMLParser({ preserveOrder: true, ignoreAttributes: true, removeNSPrefix: true, parseTagValue: false });
    const xmlEscape = (v: string) => v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const soapEnvelope = (body: string) =>
        `<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns="http://soap.sforce.com/2006/04/metadata" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><soapenv:Body>${body}</soapenv:Body></soapenv:Envelope>`;

    /** Child element order the Metadata API schema requires (it rejects others: "Element ... invalid at this location"). */
    const ELEMENT_ORDER: Record<string, string[]> = {
        flexiPageRegions: [
            'appendable',
            'componentInstances',
            'flexiPageRegions',
            'itemInstances',
            'mode',
            'name',
            'prependable',
            'replaceable',
            'type'
        ],
        itemInstances: ['componentInstance', 'fieldInstance'],
        componentInstance: ['componentInstanceProperties', 'componentName', 'flexipageDataSources', 'identifier', 'visibilityRule'],
        componentInstanceProperties: ['name', 'type', 'value']
    };

    type Ordered = Record<string, unknown>[];
    const tagOf = (node: Record<string, unknown>) => Object.keys(node).find((k) => k !== ':@' && k !== '#text');
    /** Problems of element order and page references in an ordered parse of one FlexiPage. */
    const flexiPageProblems = (nodes: Ordered, problems: string[], identifiers: string[]) => {
        for (const node of nodes) {
            const tag = tagOf(node);
            if (!tag) continue;
            const children = (node[tag] as Ordered) ?? [];
            const order = ELEMENT_ORDER[tag];
            if (order) {
                let last = -1;
                for (const child of children) {
                    const childTag = tagOf(child);
                    if (!childTag) continue;
                    const at = order.indexOf(childTag);
                    if (at < 0 || at < last)
                        problems.push(
                            `Element {http://soap.sforce.com/2006/04/metadata}${childTag} invalid at this location in type ${tag}`
                        );
                    else last = at;
                }
            }
            if (tag === 'componentInstance') {
                const text = (name: string) => {
                    const el = children.find((c) => tagOf(c) === name);
                    const inner = el?.[name] as Ordered | undefined;
                    return inner?.[0]?.['#text'] === undefined ? undefined : String(inner[0]['#text']);
                };
                const component = text('componentName');
                const identifier = text('identifier');
                if (identifier) identifiers.push(identifier);
                if (component && !component.includes(':')) {
                    const deployed = [...store.get('LightningComponentBundle')!.values()].some((r) => r.DeveloperName === component);
                    if (!deployed) problems.push(`Component [c:${component}] was not found`);
                }
            }
            flexiPageProblems(children, problems, identifiers);
        }
    };

    const soap = (body: string): string => {
        const envelope = metadataParser.parse(body) as { Envelope?: { Body?: Record<string, Record<string, unknown> | undefined> } };
        const call = envelope.Envelope?.Body ?? {};
        const read = call.readMetadata;
        if (read) {
            const type = String(read.type);
            const names = ([] as unknown[]).concat(read.fullNames ?? []).map(String);
            const records = names
                .map((name) => {
                    const inner = metadata.get(type)?.get(name);
                    return inner === undefined
                        ? `<records xsi:type="${type}"/>`
                        : `<records xsi:type="${type}"><fullName>${xmlEscape(name)}</fullName>${inner}</records>`;
                })
                .join('');
            return soapEnvelope(`<readMetadataResponse><result>${records}</result></readMetadataResponse>`);
        }
        if (call.updateMetadata) {
            const results: string[] = [];
            const raw = [...body.matchAll(/<metadata xsi:type="(\w+)">([\s\S]*?)<\/metadata>/g)];
            for (const [, type, xml] of raw) {
                const fullName = /^<fullName>([^<]*)<\/fullName>/.exec(xml!)?.[1] ?? '';
                const problems: string[] = [];
                if (!metadata.get(type!)?.has(fullName)) problems.push(`no ${type} named ${fullName} found`);
                if (type === 'FlexiPage') {
                    const identifiers: string[] = [];
                    flexiPageProblems(orderedParser.parse(`<FlexiPage>${xml}</FlexiPage>`) as Ordered, problems, identifiers);
                    const duplicate = identifiers.find((id, i) => identifiers.indexOf(id) !== i);
                    if (duplicate) problems.push(`Duplicate identifier ${duplicate}`);
                }
                if (problems.length > 0) {
                    results.push(
                        `<result>${problems.map((m) => `<errors><message>${xmlEscape(m)}</message><statusCode>FIELD_INTEGRITY_EXCEPTION</statusCode></errors>`).join('')}<fullName>${xmlEscape(fullName)}</fullName><success>false</success></result>`
                    );
                    continue;
                }
                metadata.get(type!)!.set(fullName, xml!.replace(/^<fullName>[^<]*<\/fullName>/, ''));
                results.push(`<result><fullName>${xmlEscape(fullName)}</fullName><success>true</success></result>`);
            }
            return soapEnvelope(`<updateMetadataResponse>${results.join('')}</updateMetadataResponse>`);
        }
        throw new SfError(500, 'UNKNOWN_EXCEPTION', `unsupported Metadata API call ${Object.keys(call).join(', ')}`);
    };

    // ------------------------------------------------------------ OAuth

    const tokenResponse = () => ({
        access_token: issueToken(),
        instance_url: baseUrl,
        id: `${baseUrl}/id/${orgId}/${userId}`,
        token_type: 'Bearer',
        issued_at: String(Date.now()),
        signature: 'fake',
        scope: 'api'
    });

    const oauthToken = async (form: URLSearchParams) => {
        const grant = form.get('grant_type');
        const fail = (error: string, description: string) => ({ status: 400, body: { error, error_description: description } });
        if (grant === 'password' && opts.password) {
            const p = opts.password;
            if (form.get('client_id') !== p.clientId || form.get('client_secret') !== p.clientSecret)
                return fail('invalid_client_id', 'client identifier invalid');
            if (form.get('username') !== p.username || form.get('password') !== p.password)
                return fail('invalid_grant', 'authentication failure');
            return { status: 200, body: tokenResponse() };
        }
        if (grant === 'urn:ietf:params:oauth:grant-type:jwt-bearer' && opts.jwt) {
            const j = opts.jwt;
            try {
                const { payload } = await jwtVerify(form.get('assertion') ?? '', j.publicKey, {
                    algorithms: ['RS256'],
                    issuer: j.clientId,
                    audience: j.audience
                });
                if (payload.sub !== j.username) return fail('invalid_grant', "user hasn't approved this consumer");
                if (!payload.exp || payload.exp - Date.now() / 1000 > 300) return fail('invalid_grant', 'expiration too far in the future');
            } catch (error) {
                const code = (error as { code?: string }).code;
                return fail(
                    'invalid_grant',
                    code === 'ERR_JWT_CLAIM_VALIDATION_FAILED' ? 'invalid assertion: claim validation failed' : 'invalid assertion'
                );
            }
            return { status: 200, body: tokenResponse() };
        }
        return fail('unsupported_grant_type', 'grant type not supported');
    };

    // ------------------------------------------------------------ routing

    const handle = async (req: IncomingMessage, body: string): Promise<{ status: number; body?: unknown }> => {
        const url = new URL(req.url ?? '/', baseUrl);
        const method = req.method ?? 'GET';

        if (url.pathname === '/services/oauth2/token' && method === 'POST') return oauthToken(new URLSearchParams(body));

        // SOAP (the Metadata API) carries the session in its SessionHeader instead of an Authorization header.
        if (/^\/services\/Soap\/m\/\d+\.\d$/.test(url.pathname) && method === 'POST') {
            const session = /<sessionId>([^<]+)<\/sessionId>/.exec(body)?.[1];
            if (!session || !tokens.has(session)) throw new SfError(401, 'INVALID_SESSION_ID', 'Session expired or invalid');
            return { status: 200, body: { soap: soap(body) } };
        }

        const bearer = /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ''))?.[1] ?? url.searchParams.get('oauth_token');
        if (!bearer || !tokens.has(bearer)) throw new SfError(401, 'INVALID_SESSION_ID', 'Session expired or invalid');

        const idMatch = /^\/id\/(\w+)\/(\w+)$/.exec(url.pathname);
        if (idMatch && method === 'GET') {
            return {
                status: 200,
                body: {
                    id: `${baseUrl}/id/${orgId}/${userId}`,
                    user_id: userId,
                    organization_id: orgId,
                    username: 'agent@example.com',
                    display_name: 'Demo Agent',
                    user_type: 'STANDARD'
                }
            };
        }

        const data = /^\/services\/data\/v(\d+\.\d)(\/.*)?$/.exec(url.pathname);
        if (!data) throw new SfError(404, 'NOT_FOUND', 'The requested resource does not exist');
        apiVersions.add(data[1]!);
        const rest = (data[2] ?? '/').replace(/\/+$/, '') || '/';

        if (rest === '/' && method === 'GET')
            return { status: 200, body: { identity: `${baseUrl}/id/${orgId}/${userId}`, query: `/services/data/v${data[1]}/query` } };
        if (rest === '/query' && method === 'GET') return { status: 200, body: runQuery('data', url.searchParams.get('q') ?? '') };
        if (rest === '/tooling/executeAnonymous' && method === 'GET') {
            if (!credentials.authorApex) {
                throw new SfError(403, 'INSUFFICIENT_ACCESS_OR_READONLY', 'You do not have permission to run anonymous Apex (Author Apex)');
            }
            return {
                status: 200,
                body: await runAnonymousApex(url.searchParams.get('anonymousBody') ?? '', anonymousApexView, credentials)
            };
        }
        if (rest === '/tooling/query' && method === 'GET')
            return { status: 200, body: runQuery('tooling', url.searchParams.get('q') ?? '') };
        if (rest === '/sobjects' && method === 'GET') {
            const sobjects = [...Object.entries(OBJECTS).map(([name, d]) => ({ name, keyPrefix: d.prefix })), ...DESCRIBE_ONLY];
            return { status: 200, body: { encoding: 'UTF-8', maxBatchSize: 200, sobjects } };
        }
        const sob = /^\/sobjects\/(\w+)(?:\/(\w+))?$/.exec(rest);
        if (sob) {
            const sobject = sob[1]!;
            const id = sob[2];
            if (!id && method === 'POST') {
                const fields = JSON.parse(body) as Record<string, unknown>;
                writes.push({ method: 'POST', sobject, body: fields, headers: req.headers });
                return { status: 201, body: { id: insert(sobject, fields), success: true, errors: [] } };
            }
            if (id && method === 'PATCH') {
                const fields = JSON.parse(body) as Record<string, unknown>;
                writes.push({ method: 'PATCH', sobject, id, body: fields, headers: req.headers });
                update(sobject, id, fields);
                return { status: 204 };
            }
            if (id && method === 'GET') {
                const fields = def(sobject).fields;
                const row = [...store.get(sobject)!.values()].find((r) => sameId(r.Id, id));
                if (!row) throw new SfError(404, 'NOT_FOUND', 'The requested resource does not exist');
                return { status: 200, body: shape(sobject, row, ['Id', ...fields]) };
            }
        }
        throw new SfError(404, 'NOT_FOUND', 'The requested resource does not exist');
    };

    const server = createServer((req: IncomingMessage, res: ServerResponse) => {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
            const body = Buffer.concat(chunks).toString('utf8');
            requests.push({ method: req.method ?? 'GET', path: req.url ?? '/', headers: req.headers, body });
            handle(req, body)
                .catch((error: unknown) => {
                    if (error instanceof SfError)
                        return { status: error.status, body: [{ message: error.message, errorCode: error.errorCode }] };
                    return { status: 500, body: [{ message: String(error), errorCode: 'UNKNOWN_EXCEPTION' }] };
                })
                .then(({ status, body: out }) => {
                    if (out === undefined) {
                        res.writeHead(status).end();
                    } else if (typeof out === 'object' && out !== null && 'soap' in out) {
                        res.writeHead(status, { 'content-type': 'text/xml;charset=UTF-8' }).end(String((out as { soap: string }).soap));
                    } else {
                        res.writeHead(status, { 'content-type': 'application/json;charset=UTF-8' }).end(JSON.stringify(out));
                    }
                });
        });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    return {
        instanceUrl: baseUrl,
        accessToken: issueToken(),
        orgId,
        userId,
        requests,
        queries,
        writes,
        apiVersions,
        credentials,
        putMetadata: (type, fullName, innerXml) => {
            if (!metadata.has(type)) metadata.set(type, new Map());
            metadata.get(type)!.set(fullName, innerXml);
        },
        metadataXml: (type, fullName) => metadata.get(type)?.get(fullName),
        insert,
        update,
        remove: (sobject, id) => void store.get(sobject)?.delete(id),
        rows: (sobject) => [...(store.get(sobject)?.values() ?? [])],
        close: () =>
            new Promise<void>((resolve, reject) => {
                server.closeAllConnections();
                server.close((e) => (e ? reject(e) : resolve()));
            })
    };
}
