import { randomUUID } from 'node:crypto';
import { IDENTITY_FIELDS, type SupportedObject } from '../readIdentityFields';

/**
 * The fake org's stand-in for anonymous Apex calling ProfileConnectionCheck.run (force-app/main/default/classes/
 * ProfileConnectionCheck.cls): the same links, codes and judgement of the proxy's answer, over the fake org's
 * state. The permission links follow the API user's permission set assignments; the callout is real: it goes to
 * the URL the fake Named Credential points at, with the principal's ProxyKey, so proxy auth and AEP are the real
 * proxy's and emulator's answers.
 */

/** How the fake org's credentials are set up (what an admin configures in Setup). */
export interface FakeCredentialSetup {
    /** The Named Credential AEP_Profile_Proxy's URL. */
    namedCredentialUrl: string;
    /** The ProxyKey authentication parameter of principal AEP_Proxy_Service; null when the admin never set it. */
    proxyKey: string | null;
    /** Whether Customer_Profile_Viewer in this org still grants the principal and User External Credentials read. */
    viewerGrantsPrincipal: boolean;
    viewerGrantsUserExternalCredentials: boolean;
    /** Whether the API user may run anonymous Apex (Author Apex). */
    authorApex: boolean;
}

export const DEFAULT_CREDENTIAL_SETUP: FakeCredentialSetup = {
    namedCredentialUrl: 'https://aep-proxy.example.com',
    proxyKey: null,
    viewerGrantsPrincipal: true,
    viewerGrantsUserExternalCredentials: true,
    authorApex: true
};

export interface ExecuteAnonymousResult {
    line: number;
    column: number;
    compiled: boolean;
    success: boolean;
    compileProblem: string | null;
    exceptionStackTrace: string | null;
    exceptionMessage: string | null;
}

interface FakeOrgView {
    userId: string;
    classDeployed(name: string): boolean;
    assignedPermissionSets(userId: string): Set<string>;
    /** The record's fields by path (Contact.Email through the lookup), or null when it does not exist. */
    readRecord(recordId: string, objectApiName: SupportedObject, paths: readonly string[]): Record<string, string | null> | null;
    objectOf(recordId: string): string | undefined;
}

interface Link {
    link: string;
    status: 'pass' | 'fail' | 'unknown' | 'skip';
    code: string;
    detail: string;
    httpStatus?: number | null;
    requestId?: string | null;
}

const RUN = /^throw new ProfileConnectionCheck\.ReportException\(ProfileConnectionCheck\.run\('([A-Za-z0-9]{15,18})'\)\);$/;
const VIEWER = 'Customer_Profile_Viewer';

function compileError(problem: string): ExecuteAnonymousResult {
    return {
        line: 1,
        column: 1,
        compiled: false,
        success: false,
        compileProblem: problem,
        exceptionStackTrace: null,
        exceptionMessage: null
    };
}

export async function runAnonymousApex(body: string, org: FakeOrgView, setup: FakeCredentialSetup): Promise<ExecuteAnonymousResult> {
    if (!org.classDeployed('ProfileConnectionCheck')) return compileError('Invalid type: ProfileConnectionCheck');
    const match = RUN.exec(body.trim());
    if (!match) return compileError('Unexpected token');
    const recordId = match[1]!;

    const assigned = org.assignedPermissionSets(org.userId);
    const viewer = assigned.has(VIEWER);
    const links: Link[] = [
        viewer
            ? { link: 'customPermission', status: 'pass', code: 'OK', detail: 'View_Customer_Profile is granted' }
            : { link: 'customPermission', status: 'fail', code: 'MISSING', detail: 'View_Customer_Profile is not granted to this user' },
        viewer
            ? { link: 'permissionSet', status: 'pass', code: 'OK', detail: `${VIEWER} is assigned` }
            : { link: 'permissionSet', status: 'fail', code: 'NOT_ASSIGNED', detail: `${VIEWER} is not assigned to this user` }
    ];
    const principalGranted = viewer && setup.viewerGrantsPrincipal;
    const principal: Link = !principalGranted
        ? {
              link: 'principalAccess',
              status: 'fail',
              code: 'NO_ACCESS',
              detail: 'no permission set assigned to this user grants a principal of AEP_Proxy_Key'
          }
        : setup.proxyKey === null
          ? {
                link: 'principalAccess',
                status: 'fail',
                code: 'NOT_CONFIGURED',
                detail: 'principal AEP_Proxy_Service of AEP_Proxy_Key has no authentication parameters (ProxyKey)'
            }
          : {
                link: 'principalAccess',
                status: 'pass',
                code: 'OK',
                detail: `principal AEP_Proxy_Service of AEP_Proxy_Key through ${VIEWER}`
            };
    const uecReadable = viewer && setup.viewerGrantsUserExternalCredentials;
    const userCredentials: Link = uecReadable
        ? { link: 'userExternalCredential', status: 'pass', code: 'OK', detail: 'User External Credentials are readable' }
        : {
              link: 'userExternalCredential',
              status: 'fail',
              code: 'NO_READ',
              detail: 'this user cannot read User External Credentials, which named credential callouts need'
          };
    const namedCredential = urlLink(setup.namedCredentialUrl);
    links.push(principal, userCredentials, namedCredential);

    const objectApiName = org.objectOf(recordId);
    const fields =
        objectApiName && objectApiName in IDENTITY_FIELDS
            ? org.readRecord(recordId, objectApiName as SupportedObject, IDENTITY_FIELDS[objectApiName as SupportedObject])
            : null;
    if (!fields) {
        links.push(
            { link: 'proxyAuth', status: 'skip', code: 'NO_ACCESS', detail: "the record's identity fields could not be read: NO_ACCESS" },
            { link: 'aep', status: 'skip', code: 'NO_ACCESS', detail: "the record's identity fields could not be read: NO_ACCESS" }
        );
    } else if (!principalGranted || !uecReadable) {
        // The platform refuses the credential before any request leaves Salesforce. (A principal without its
        // ProxyKey is usable: the header formula is empty, and the proxy says no.)
        const blamed = !uecReadable ? userCredentials : principal;
        blamed.status = 'fail';
        if (blamed === principal && principal.code === 'OK') principal.code = 'CALLOUT_DENIED';
        blamed.detail =
            'Salesforce refused the credential for this user: We couldn\'t access the credential(s). You might not have the required permissions, or the external credential "AEP_Proxy_Key" might not exist.';
        links.push(
            { link: 'proxyAuth', status: 'skip', code: 'NO_ANSWER', detail: 'the proxy was not reached' },
            { link: 'aep', status: 'skip', code: 'NO_ANSWER', detail: 'the proxy was not reached' }
        );
    } else {
        links.push(...(await callout(setup, org.userId, { objectApiName: objectApiName!, recordId, fields }, namedCredential)));
    }

    const report = { userId: org.userId, namedCredential: 'AEP_Profile_Proxy', links };
    return {
        line: 1,
        column: 1,
        compiled: true,
        success: false,
        compileProblem: null,
        exceptionStackTrace: 'AnonymousBlock: line 1, column 1',
        exceptionMessage: `ProfileConnectionCheck.ReportException: ${JSON.stringify(report)}`
    };
}

function urlLink(url: string): Link {
    let parsed: URL;
    try {
        parsed = new URL(url);
    } catch {
        return { link: 'namedCredential', status: 'fail', code: 'INVALID_URL', detail: 'AEP_Profile_Proxy has no valid URL' };
    }
    if (parsed.hostname === 'aep-proxy.example.com') {
        return {
            link: 'namedCredential',
            status: 'fail',
            code: 'PLACEHOLDER_URL',
            detail: 'AEP_Profile_Proxy still points at the shipped placeholder aep-proxy.example.com'
        };
    }
    // Salesforce reaches only https endpoints; the fake lets loopback http through so tests can use a local proxy.
    const loopback = parsed.hostname === '127.0.0.1' || parsed.hostname === 'localhost';
    if (parsed.protocol !== 'https:' && !loopback) {
        return { link: 'namedCredential', status: 'fail', code: 'NOT_HTTPS', detail: 'AEP_Profile_Proxy must use https' };
    }
    return { link: 'namedCredential', status: 'pass', code: 'OK', detail: `AEP_Profile_Proxy points at ${parsed.hostname}` };
}

async function callout(
    setup: FakeCredentialSetup,
    userId: string,
    record: { objectApiName: string; recordId: string; fields: Record<string, string | null> },
    namedCredential: Link
): Promise<Link[]> {
    let response: Response;
    try {
        // The shipped placeholder host does not resolve; fail as DNS would, without asking it.
        if (new URL(setup.namedCredentialUrl).hostname === 'aep-proxy.example.com') throw new Error('Unable to resolve host');
        response = await fetch(`${setup.namedCredentialUrl.replace(/\/+$/, '')}/v1/profiles/lookup`, {
            method: 'POST',
            headers: {
                'Content-Type': 'application/json',
                'X-Proxy-Key': setup.proxyKey ?? '',
                'X-Agent-Id': userId,
                'X-Request-Id': randomUUID()
            },
            body: JSON.stringify({ record, maxEvents: 10, refresh: true, includeSensitive: false }),
            signal: AbortSignal.timeout(10_000)
        });
    } catch (error) {
        const reason = (error as { cause?: { code?: string }; message?: string }).cause?.code ?? (error as Error).message;
        if (namedCredential.status === 'fail') {
            namedCredential.detail += `; the callout failed: ${reason}`;
        } else {
            namedCredential.status = 'fail';
            namedCredential.code = 'UNREACHABLE';
            namedCredential.detail = `the callout failed: ${reason}`;
        }
        return [
            { link: 'proxyAuth', status: 'skip', code: 'NO_ANSWER', detail: 'the proxy was not reached' },
            { link: 'aep', status: 'skip', code: 'NO_ANSWER', detail: 'the proxy was not reached' }
        ];
    }
    const status = response.status;
    let body: { error?: { code?: string; requestId?: string }; freshness?: { stale?: boolean } } = {};
    try {
        body = (await response.json()) as typeof body;
    } catch {
        body = {};
    }
    const error = body.error ?? {};
    const code = error.code ?? null;
    const meta = { httpStatus: status, requestId: error.requestId ?? null };
    if (status === 401 || status === 403) {
        return [
            { link: 'proxyAuth', status: 'fail', code: 'REJECTED', detail: `the proxy answered ${status} ${code}`, ...meta },
            { link: 'aep', status: 'skip', code: 'NO_ANSWER', detail: 'the proxy refused the call before asking AEP', ...meta }
        ];
    }
    if (status === 404 && code !== 'PROFILE_NOT_FOUND') {
        return [
            {
                link: 'proxyAuth',
                status: 'fail',
                code: 'NOT_THE_PROXY',
                detail: "HTTP 404 without the proxy's PROFILE_NOT_FOUND: the URL does not reach the look-up route",
                ...meta
            },
            { link: 'aep', status: 'skip', code: 'NO_ANSWER', detail: 'the look-up route was not reached', ...meta }
        ];
    }
    const auth: Link = { link: 'proxyAuth', status: 'pass', code: 'OK', detail: "the proxy accepted the org's credentials", ...meta };
    if (status === 200 && body.freshness?.stale === true) {
        return [
            auth,
            {
                link: 'aep',
                status: 'fail',
                code: 'STALE',
                detail: 'AEP failed and the proxy served its last good card (agents see the stale banner)',
                ...meta
            }
        ];
    }
    if (status === 200) return [auth, { link: 'aep', status: 'pass', code: 'CARD', detail: 'AEP answered with a profile card', ...meta }];
    if ([404, 409, 422].includes(status))
        return [auth, { link: 'aep', status: 'pass', code: code ?? `HTTP_${status}`, detail: `AEP answered: ${code}`, ...meta }];
    return [
        auth,
        {
            link: 'aep',
            status: 'fail',
            code: code ?? `HTTP_${status}`,
            detail: `the proxy could not get an answer from AEP: ${code}`,
            ...meta
        }
    ];
}
