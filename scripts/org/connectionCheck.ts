import type { Connection } from 'jsforce';
import { z } from 'zod';
import { SALESFORCE_ID } from '../../proxy/src/contract/lookupRequest';

/**
 * The look-up's real path, checked from inside the org: anonymous Apex, run as the connected user through the
 * Tooling API's executeAnonymous, calls the package's ProfileConnectionCheck, which checks each link the way the
 * relay meets it and makes the relay's own callout through the Named Credential
 * (force-app/main/default/classes/ProfileConnectionCheck.cls). Anonymous Apex returns no value, so the class
 * hands its report out as the message of a ReportException; this module reads it and turns every link into a
 * smoke-check line with what to do about it.
 */

export const LINKS = [
    'customPermission',
    'permissionSet',
    'principalAccess',
    'userExternalCredential',
    'namedCredential',
    'proxyAuth',
    'aep'
] as const;
export type LinkName = (typeof LINKS)[number];

/** ProfileConnectionCheck.Result, as JSON.serialize writes it. */
export const ConnectionReport = z.object({
    userId: z.string(),
    namedCredential: z.string(),
    links: z
        .array(
            z.object({
                link: z.enum(LINKS),
                status: z.enum(['pass', 'fail', 'unknown', 'skip']),
                code: z.string().nullable(),
                detail: z.string().nullable(),
                httpStatus: z.number().int().nullable().optional(),
                requestId: z.string().nullable().optional()
            })
        )
        .length(LINKS.length)
});
export type ConnectionReport = z.infer<typeof ConnectionReport>;

export interface PathStep {
    name: string;
    status: 'pass' | 'fail' | 'info';
    detail: string;
}

/** How each link is named in the report (apart from the metadata checks' "Permission set" and "Named Credential"). */
const LINK_TITLES: Record<LinkName, string> = {
    customPermission: 'Custom permission',
    permissionSet: 'Viewer assigned',
    principalAccess: 'Principal access',
    userExternalCredential: 'User ext. creds',
    namedCredential: 'Named Cred. URL',
    proxyAuth: 'Proxy auth',
    aep: 'AEP'
};

const ASSIGN = 'sf org assign permset --name Customer_Profile_Viewer --on-behalf-of <user>';

/** What to do when a link fails, by link and code (codes from ProfileConnectionCheck.cls). */
export const REMEDIES: Partial<Record<LinkName, Record<string, string>>> = {
    customPermission: { MISSING: `View_Customer_Profile comes with Customer_Profile_Viewer: ${ASSIGN}` },
    permissionSet: { NOT_ASSIGNED: ASSIGN },
    principalAccess: {
        NO_ACCESS: `Customer_Profile_Viewer grants the principal AEP_Proxy_Key-AEP_Proxy_Service (JWT: Customer_Profile_Viewer_JWT): ${ASSIGN}`,
        NOT_CONFIGURED:
            'Setup > Named Credentials > External Credentials > AEP Proxy Key > Principals > AEP_Proxy_Service: add the authentication parameter ProxyKey (the proxy PROXY_SHARED_SECRET)',
        CALLOUT_DENIED: `Salesforce refused the credential for this user: assign Customer_Profile_Viewer (principal access and User External Credentials read): ${ASSIGN}`,
        UNREADABLE: 'the connected user needs View Setup and Configuration to read the credential setup; the callout result still counts'
    },
    userExternalCredential: {
        NO_READ: `callouts need Read on User External Credentials; Customer_Profile_Viewer grants it: ${ASSIGN}`
    },
    namedCredential: {
        PLACEHOLDER_URL: "Setup > Named Credentials > AEP Profile Proxy > Edit: set the URL to the proxy's https base URL",
        NOT_HTTPS: 'the proxy URL must be https (TLS at the load balancer, proxy/deploy/README.md)',
        INVALID_URL: "set the Named Credential's URL to the proxy's https base URL",
        UNREACHABLE:
            'Salesforce could not reach the URL: check DNS, the TLS certificate (a public CA) and that the load balancer lets Salesforce IP ranges in',
        UNREADABLE:
            'the Named Credential could not be read: deploy force-app/main, or check Customer Profile Setting Default > Named Credential'
    },
    proxyAuth: {
        REJECTED:
            "the proxy refused the org's credential: ProxyKey on the principal AEP_Proxy_Service must equal the proxy PROXY_SHARED_SECRET (JWT: PROXY_JWT_* must match the certificate and claims)",
        NOT_THE_PROXY: "the URL answers but not as the proxy's look-up route: use the proxy's base URL, without a path"
    },
    aep: {
        STALE: "AEP is failing right now: check the proxy's /readyz and its log for the upstream error",
        UPSTREAM_UNAVAILABLE:
            "the proxy could not get an answer from AEP: check the proxy's /readyz (IMS credential, sandbox, merge policy)",
        UPSTREAM_TIMEOUT: 'AEP did not answer within the proxy budget (PROXY_BUDGET_MS)',
        RATE_LIMITED: 'the proxy or AEP throttled the look-up; retry in a minute',
        UNAUTHORIZED: "AEP refused the proxy's technical account: check the API credential's product profile (docs/deploy-salesforce.md)"
    }
};

/** Anonymous Apex that runs the check for one record. The id is validated, so nothing else reaches the code. */
export function connectionCheckApex(recordId: string): string {
    if (!SALESFORCE_ID.test(recordId)) throw new Error('recordId must be a 15 or 18 character Salesforce Id');
    return `throw new ProfileConnectionCheck.ReportException(ProfileConnectionCheck.run('${recordId}'));`;
}

interface ExecuteAnonymousResult {
    compiled: boolean;
    compileProblem: string | null;
    success: boolean;
    exceptionMessage: string | null;
    line?: number;
    column?: number;
}

/** Runs the check in the org and returns one step per link (or one failing step saying why it could not run). */
export async function checkPathThroughSalesforce(conn: Connection, recordId: string): Promise<PathStep[]> {
    let result: ExecuteAnonymousResult;
    try {
        result = (await conn.tooling.executeAnonymous(connectionCheckApex(recordId))) as unknown as ExecuteAnonymousResult;
    } catch (error) {
        const e = error as { errorCode?: string; message?: string };
        return [
            {
                name: 'Salesforce path',
                status: 'fail',
                detail: `anonymous Apex could not run (${[e.errorCode, e.message].filter(Boolean).join(': ')}); the connected user needs API Enabled and Author Apex`
            }
        ];
    }
    if (!result.compiled) {
        const problem = result.compileProblem ?? 'unknown compile problem';
        const missing = /ProfileConnectionCheck/i.test(problem);
        return [
            {
                name: 'Salesforce path',
                status: 'fail',
                detail: missing
                    ? `class ProfileConnectionCheck is not in the org (${problem}): deploy force-app/main`
                    : `the check did not compile: ${problem}`
            }
        ];
    }
    const report = parseReport(result);
    if (typeof report === 'string') return [{ name: 'Salesforce path', status: 'fail', detail: report }];
    return report.links.map((link) => {
        const title = LINK_TITLES[link.link];
        const http = link.httpStatus ? ` (HTTP ${link.httpStatus}${link.requestId ? `, request ${link.requestId}` : ''})` : '';
        const detail = `${link.detail ?? link.code ?? ''}${http}`;
        if (link.status === 'pass') return { name: title, status: 'pass' as const, detail };
        if (link.status === 'fail') {
            const remedy = REMEDIES[link.link]?.[link.code ?? ''];
            return { name: title, status: 'fail' as const, detail: remedy ? `${detail}; ${remedy}` : detail };
        }
        const remedy = REMEDIES[link.link]?.[link.code ?? ''];
        return { name: title, status: 'info' as const, detail: `${link.status}: ${detail}${remedy ? `; ${remedy}` : ''}` };
    });
}

/** The report from the ReportException's message, or why there is none. */
function parseReport(result: ExecuteAnonymousResult): ConnectionReport | string {
    if (result.success)
        return 'the check ran without handing out its report (ReportException); is ProfileConnectionCheck the shipped version?';
    const message = result.exceptionMessage ?? '';
    const marker = 'ProfileConnectionCheck.ReportException: ';
    const at = message.indexOf(marker);
    if (at < 0) return `the check failed in the org: ${message.slice(0, 300) || 'no message'}`;
    let json: unknown;
    try {
        json = JSON.parse(message.slice(at + marker.length));
    } catch {
        return 'the report is not JSON; is ProfileConnectionCheck the shipped version?';
    }
    const parsed = ConnectionReport.safeParse(json);
    if (!parsed.success) return `the report does not have the expected links: ${parsed.error.issues[0]?.message ?? 'invalid'}`;
    return parsed.data;
}
