import { parseArgs } from 'node:util';
import type { Connection } from 'jsforce';
import { z } from 'zod';
import { CARD_LIMITS, CardModel, IdentityTried } from '../../proxy/src/contract/cardModel';
import { runCli, UsageError } from './cli';
import { checkPathThroughSalesforce } from './connectionCheck';
import { createConnection, type Env } from './connection';
import { demoRecord, findDemoRecords } from './demoRecords';
import { postLookup } from './proxyLookup';
import { readIdentityFields, type IdentityRecord } from './readIdentityFields';
import { soqlString, soqlStringList } from './soql';

/**
 * `npm run org:smoke`: against a real org with the package deployed, checks that the package's
 * metadata is there, reads a demo record's identity fields as the Apex relay does, then walks the real
 * path from inside the org (anonymous Apex running ProfileConnectionCheck as the connected user: custom
 * permission, permission set, principal, User External Credentials, Named Credential, proxy auth, AEP;
 * see connectionCheck.ts). With PROXY_URL and PROXY_SHARED_SECRET it also calls the proxy directly with
 * the same request and caller authentication (X-Proxy-Key, X-Agent-Id = the API user), which tells a
 * Salesforce-side fault from a proxy-side one. Every check prints PASS/FAIL with a reason; any failure
 * exits non-zero.
 */

export type SmokeStatus = 'pass' | 'fail' | 'info';

export interface SmokeStep {
    name: string;
    status: SmokeStatus;
    detail: string;
}

export interface SmokeReport {
    ok: boolean;
    steps: SmokeStep[];
}

export interface SmokeOptions {
    /** The proxy to also call directly, as the Named Credential would; without it that check is skipped. */
    proxyUrl?: string;
    proxySharedSecret?: string;
    /** A record to read; otherwise the demo record `demoKey` (default contact-jane-doe) is looked up. */
    recordId?: string;
    demoKey?: string;
    maxEvents?: number;
    timeoutMs?: number;
}

/**
 * What the proxy should answer for each demo record (the emulator's seed people, default org). The household phone
 * gives a card: without Identity Graph Linking Rules AEP merges Sam and Alex into one profile, and the card flags
 * it (match.collapse).
 */
export type ExpectedOutcome = 'CARD' | 'PROFILE_NOT_FOUND' | 'IDENTITY_GRAPH_TOO_LARGE';
const EXPECTED_BY_DEMO_KEY: Readonly<Record<string, ExpectedOutcome>> = {
    'lead-unknown-person': 'PROFILE_NOT_FOUND',
    'case-unknown-email': 'PROFILE_NOT_FOUND',
    'contact-gary-graph': 'IDENTITY_GRAPH_TOO_LARGE'
};
export const DEFAULT_DEMO_KEY = 'contact-jane-doe';

/** Package metadata the card needs, by the names in force-app. */
export const PACKAGE_METADATA = {
    apexClass: 'CustomerProfileController',
    lwcBundle: 'customerProfileCard',
    permissionSet: 'Customer_Profile_Viewer',
    customPermissions: ['View_Customer_Profile', 'View_Sensitive_Profile_Fields'],
    namedCredential: 'AEP_Profile_Proxy'
} as const;

const DEPLOY_HINT = 'deploy the package: sf project deploy start --source-dir force-app/main';

const isLoopbackHttp = (url: URL) => url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);

const ProxyEnv = z.object({
    PROXY_URL: z
        .string({ error: 'PROXY_URL is required (the proxy base URL the Named Credential points at)' })
        .trim()
        .refine((v) => URL.canParse(v), { message: 'PROXY_URL must be an absolute URL', abort: true })
        .refine(
            (v) => new URL(v).protocol === 'https:' || isLoopbackHttp(new URL(v)),
            'PROXY_URL must use https (plain http only for 127.0.0.1/localhost): it carries the shared secret'
        )
        .transform((v) => v.replace(/\/+$/, '')),
    PROXY_SHARED_SECRET: z
        .string({ error: 'PROXY_SHARED_SECRET is required (the X-Proxy-Key value of the External Credential)' })
        .min(1, 'PROXY_SHARED_SECRET must not be empty')
});

/** The direct proxy check's settings: both or neither (then that check is skipped). */
export function parseProxyEnv(env: Env): z.infer<typeof ProxyEnv> | null {
    if (!env.PROXY_URL?.trim() && !env.PROXY_SHARED_SECRET?.trim()) return null;
    const parsed = ProxyEnv.safeParse(env);
    if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => i.message).join('; '));
    return parsed.data;
}

function errorText(error: unknown): string {
    const e = error as { errorCode?: string; message?: string; cause?: { code?: string } };
    return [e.errorCode, e.message, e.cause?.code].filter(Boolean).join(': ') || String(error);
}

async function checkMetadata(conn: Connection, userId: string): Promise<SmokeStep[]> {
    const m = PACKAGE_METADATA;
    const one = async (
        name: string,
        api: 'data' | 'tooling',
        soql: string,
        describe: (rows: Record<string, unknown>[]) => SmokeStep['detail'] | undefined,
        missing: string
    ): Promise<SmokeStep> => {
        try {
            const result =
                api === 'tooling'
                    ? await conn.tooling.query<Record<string, unknown>>(soql)
                    : await conn.query<Record<string, unknown>>(soql);
            const detail = describe(result.records);
            return detail ? { name, status: 'pass', detail } : { name, status: 'fail', detail: missing };
        } catch (error) {
            return { name, status: 'fail', detail: `query failed (${errorText(error)}); the API user needs View Setup and Configuration` };
        }
    };
    const steps = await Promise.all([
        one(
            'Apex class',
            'tooling',
            `SELECT Id, Name, Status FROM ApexClass WHERE Name = ${soqlString(m.apexClass)}`,
            (rows) => (rows[0] ? `${m.apexClass} (${String(rows[0].Id)}, ${String(rows[0].Status ?? 'Active')})` : undefined),
            `${m.apexClass} is missing: ${DEPLOY_HINT}`
        ),
        one(
            'LWC bundle',
            'tooling',
            `SELECT Id, DeveloperName FROM LightningComponentBundle WHERE DeveloperName = ${soqlString(m.lwcBundle)}`,
            (rows) => (rows[0] ? `${m.lwcBundle} (${String(rows[0].Id)})` : undefined),
            `${m.lwcBundle} is missing: ${DEPLOY_HINT}`
        ),
        one(
            'Permission set',
            'data',
            `SELECT Id, Name FROM PermissionSet WHERE Name = ${soqlString(m.permissionSet)}`,
            (rows) => (rows[0] ? `${m.permissionSet} (${String(rows[0].Id)})` : undefined),
            `${m.permissionSet} is missing: ${DEPLOY_HINT}`
        ),
        one(
            'Custom permissions',
            'data',
            `SELECT Id, DeveloperName FROM CustomPermission WHERE DeveloperName IN ${soqlStringList(m.customPermissions)}`,
            (rows) => {
                const found = new Set(rows.map((r) => String(r.DeveloperName)));
                return m.customPermissions.every((p) => found.has(p)) ? m.customPermissions.join(', ') : undefined;
            },
            `missing ${m.customPermissions.join(' and/or ')}: ${DEPLOY_HINT}`
        ),
        one(
            'Named Credential',
            'data',
            `SELECT Id, DeveloperName FROM NamedCredential WHERE DeveloperName = ${soqlString(m.namedCredential)}`,
            (rows) => (rows[0] ? `${m.namedCredential} (${String(rows[0].Id)})` : undefined),
            `${m.namedCredential} is missing: ${DEPLOY_HINT}`
        )
    ]);
    // Informational: agents need the permission set; the API user running this check does not.
    try {
        const soql = `SELECT Id FROM PermissionSetAssignment WHERE AssigneeId = ${soqlString(userId)} AND PermissionSet.Name = ${soqlString(m.permissionSet)}`;
        const assigned = (await conn.query(soql)).totalSize > 0;
        steps.push({
            name: 'Assignment',
            status: 'info',
            detail: `${m.permissionSet} is ${assigned ? '' : 'not '}assigned to the API user (agents need it: sf org assign permset --name ${m.permissionSet})`
        });
    } catch (error) {
        steps.push({ name: 'Assignment', status: 'info', detail: `could not read permission set assignments (${errorText(error)})` });
    }
    return steps;
}

async function findRecordId(conn: Connection, opts: SmokeOptions): Promise<{ recordId: string; expected: ExpectedOutcome; label: string }> {
    if (opts.recordId) return { recordId: opts.recordId, expected: 'CARD', label: opts.recordId };
    const key = opts.demoKey ?? DEFAULT_DEMO_KEY;
    const demo = demoRecord(key);
    const found = (await findDemoRecords(conn, [demo])).get(key);
    const row = found?.rows[0];
    if (!row) throw new Error(`demo record ${key} not found in this org: run npm run org:seed first`);
    return { recordId: row.Id, expected: EXPECTED_BY_DEMO_KEY[key] ?? 'CARD', label: `${key} (${row.Id})` };
}

const ErrorBody = z.object({
    error: z.object({
        code: z.string(),
        message: z.string(),
        requestId: z.string().optional(),
        details: z.record(z.string(), z.unknown()).optional()
    })
});

const HINTS: Record<string, string> = {
    UNAUTHORIZED: 'PROXY_SHARED_SECRET must equal the key the proxy is configured with (and the External Credential AEP_Proxy_Key)',
    PROFILE_NOT_FOUND: 'the AEP sandbox has no profile for this record: ingest the demo people (scripts/org/README.md)',
    NO_IDENTITY: 'the record has no email/phone/id the proxy maps to an identity namespace',
    UPSTREAM_UNAVAILABLE: 'the proxy cannot reach AEP',
    UPSTREAM_TIMEOUT: 'AEP did not answer in time',
    AEP_NOT_ENTITLED: "the AEP organization's edition or the API credential does not include profile look-up (Real-Time CDP Ultimate)",
    IDENTITY_GRAPH_TOO_LARGE: "the customer's identity graph is over AEP's 50-identity limit"
};

function summariseCard(card: CardModel): string {
    const m = card.match;
    return [
        `profile ${card.profileId}`,
        `matched ${m.field} as ${m.namespace} ${m.maskedValue}${m.ambiguous ? ' (ambiguous)' : ''}`,
        ...(m.collapse ? [`one profile merging ${m.collapse.people} people (${m.collapse.namespace})`] : []),
        `${card.audiences.length} audiences`,
        `${card.scores.length} scores`,
        `events ${card.events.status} (${card.events.items.length})`,
        card.freshness.stale ? 'STALE' : card.freshness.fromCache ? 'from proxy cache' : 'fresh'
    ].join(', ');
}

/** Judges the proxy's answer against what this record should give; the detail never holds PII. */
function judgeAnswer(status: number, body: unknown, expected: ExpectedOutcome): SmokeStep {
    const name = 'Proxy look-up';
    if (status === 200) {
        const card = CardModel.safeParse(body);
        if (!card.success) {
            const issues = card.error.issues
                .slice(0, 5)
                .map((i) => `${i.path.join('.')}: ${i.message}`)
                .join('; ');
            return { name, status: 'fail', detail: `HTTP 200 but the body is not a valid CardModel: ${issues}` };
        }
        if (expected !== 'CARD')
            return { name, status: 'fail', detail: `expected ${expected} for this demo record, got a card (${summariseCard(card.data)})` };
        return { name, status: 'pass', detail: `CardModel valid: ${summariseCard(card.data)}` };
    }
    const error = ErrorBody.safeParse(body);
    if (!error.success) return { name, status: 'fail', detail: `HTTP ${status} without the proxy's error body (is PROXY_URL the proxy?)` };
    const { code, message, requestId, details } = error.data.error;
    const ref = requestId ? ` (request ${requestId})` : '';
    if (code === expected) {
        // Both expected refusals name the identities the proxy tried (proxy/src/contract/errors.ts).
        const tried = z.array(IdentityTried).min(1).safeParse(details?.identitiesTried);
        if (!tried.success) return { name, status: 'fail', detail: `${code} as expected, but details are malformed${ref}` };
        return {
            name,
            status: 'pass',
            detail: `HTTP ${status} ${code} as expected for this demo record: ${tried.data.length} identities tried${ref}`
        };
    }
    const hint = HINTS[code] ? `; ${HINTS[code]}` : '';
    return { name, status: 'fail', detail: `HTTP ${status} ${code}: ${message}${ref}${hint}` };
}

export async function runSmokeCheck(conn: Connection, opts: SmokeOptions): Promise<SmokeReport> {
    const steps: SmokeStep[] = [];
    const done = () => ({ ok: steps.every((s) => s.status !== 'fail'), steps });

    let userId: string;
    try {
        userId = (await conn.identity()).user_id;
        if (!/^005[a-zA-Z0-9]{12}([a-zA-Z0-9]{3})?$/.test(userId)) throw new Error(`identity returned ${userId}, not a user id`);
        steps.push({ name: 'API user', status: 'pass', detail: `${userId} (sent as X-Agent-Id)` });
    } catch (error) {
        steps.push({ name: 'API user', status: 'fail', detail: `cannot read the identity of the API user: ${errorText(error)}` });
        return done();
    }

    steps.push(...(await checkMetadata(conn, userId)));

    let record: IdentityRecord;
    let expected: ExpectedOutcome;
    try {
        const target = await findRecordId(conn, opts);
        expected = target.expected;
        record = await readIdentityFields(conn, target.recordId);
        const filled = Object.values(record.fields).filter((v) => v !== null).length;
        steps.push({
            name: 'Identity fields',
            status: 'pass',
            detail: `${record.objectApiName} ${target.label}: ${filled} of ${Object.keys(record.fields).length} identity fields set (${Object.keys(record.fields).join(', ')})`
        });
    } catch (error) {
        steps.push({ name: 'Identity fields', status: 'fail', detail: errorText(error) });
        return done();
    }

    steps.push(...(await checkPathThroughSalesforce(conn, record.recordId)));

    if (!opts.proxyUrl || !opts.proxySharedSecret) {
        steps.push({
            name: 'Proxy look-up',
            status: 'info',
            detail: 'not called directly: set PROXY_URL and PROXY_SHARED_SECRET to also check the proxy from here'
        });
        return done();
    }
    try {
        const caller = {
            proxyUrl: opts.proxyUrl,
            sharedSecret: opts.proxySharedSecret,
            agentUserId: userId,
            timeoutMs: opts.timeoutMs ?? 20000,
            requestIdPrefix: 'org-smoke-'
        };
        const answer = await postLookup(caller, record, { maxEvents: opts.maxEvents });
        steps.push(judgeAnswer(answer.status, answer.json, expected));
    } catch (error) {
        steps.push({ name: 'Proxy look-up', status: 'fail', detail: `cannot reach the proxy at ${opts.proxyUrl}: ${errorText(error)}` });
    }
    return done();
}

export function formatSmokeReport(report: SmokeReport): string {
    const tag: Record<SmokeStatus, string> = { pass: 'PASS', fail: 'FAIL', info: 'INFO' };
    const lines = report.steps.map((s) => `${tag[s.status]}  ${s.name.padEnd(18)} ${s.detail}`);
    const failed = report.steps.filter((s) => s.status === 'fail').length;
    const checks = report.steps.filter((s) => s.status !== 'info').length;
    lines.push(report.ok ? `Smoke check passed (${checks} checks).` : `Smoke check FAILED: ${failed} of ${checks} checks failed.`);
    return lines.join('\n');
}

const USAGE = [
    'Usage: npm run org:smoke [-- --record-id <Id> | --demo <demo key>] [--max-events <n>]',
    'Needs SF_* (scripts/org/README.md); optional PROXY_URL and PROXY_SHARED_SECRET to also call the proxy directly.',
    'The connected user needs Author Apex (the path check runs anonymous Apex). Default record: the demo Contact Jane Doe.'
].join('\n');

async function main(argv: string[]): Promise<number> {
    let values: { 'record-id'?: string; demo?: string; 'max-events'?: string; help?: boolean };
    try {
        ({ values } = parseArgs({
            args: argv,
            options: {
                'record-id': { type: 'string' },
                demo: { type: 'string' },
                'max-events': { type: 'string' },
                help: { type: 'boolean', short: 'h' }
            }
        }));
    } catch (error) {
        throw new UsageError(`${(error as Error).message}\n${USAGE}`);
    }
    if (values.help) {
        process.stdout.write(`${USAGE}\n`);
        return 0;
    }
    if (values['record-id'] && values.demo) throw new UsageError(`use either --record-id or --demo\n${USAGE}`);
    if (values.demo) {
        try {
            demoRecord(values.demo);
        } catch (error) {
            throw new UsageError((error as Error).message);
        }
    }
    const maxEvents = values['max-events'] === undefined ? undefined : Number(values['max-events']);
    // The proxy's LookupRequest bound: anything above it would only come back as INVALID_REQUEST.
    if (maxEvents !== undefined && !(Number.isInteger(maxEvents) && maxEvents >= 0 && maxEvents <= CARD_LIMITS.events)) {
        throw new UsageError(`--max-events must be an integer from 0 to ${CARD_LIMITS.events}`);
    }

    const proxy = parseProxyEnv(process.env);
    const conn = await createConnection(process.env);
    const report = await runSmokeCheck(conn, {
        proxyUrl: proxy?.PROXY_URL,
        proxySharedSecret: proxy?.PROXY_SHARED_SECRET,
        recordId: values['record-id'],
        demoKey: values.demo,
        maxEvents
    });
    process.stdout.write(`${formatSmokeReport(report)}\n`);
    return report.ok ? 0 : 1;
}

if (require.main === module) runCli('org:smoke', () => main(process.argv.slice(2)));
