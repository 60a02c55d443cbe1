import { startEmulator, type EmulatorOptions, type RunningEmulator, type OrgCredentials } from '../src';

/** Starts an emulator on an ephemeral port and returns it with a token helper. */
export async function start(opts: EmulatorOptions = {}): Promise<RunningEmulator> {
    return startEmulator(opts);
}

export async function tokenFor(emu: RunningEmulator, org: OrgCredentials = emu.orgs.primary): Promise<string> {
    const res = await fetch(`${emu.imsUrl}/ims/token/v3`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
            grant_type: 'client_credentials',
            client_id: org.clientId,
            client_secret: org.clientSecret,
            scope: org.scope
        })
    });
    if (res.status !== 200) throw new Error(`token request failed: ${res.status}`);
    return ((await res.json()) as { access_token: string }).access_token;
}

export function aepHeaders(token: string, org: OrgCredentials, extra: Record<string, string> = {}): Record<string, string> {
    return {
        authorization: `Bearer ${token}`,
        'x-api-key': org.clientId,
        'x-gw-ims-org-id': org.imsOrgId,
        'x-sandbox-name': org.sandboxName,
        ...extra
    };
}

export interface JsonResponse {
    status: number;
    headers: Headers;
    body: unknown;
}

export async function call(url: string, init: RequestInit = {}): Promise<JsonResponse> {
    const res = await fetch(url, init);
    const text = await res.text();
    let body: unknown = text;
    try {
        body = text === '' ? undefined : JSON.parse(text);
    } catch {
        body = text;
    }
    return { status: res.status, headers: res.headers, body };
}

export function entitiesUrl(emu: RunningEmulator, params: Record<string, string>): string {
    return `${emu.platformUrl}/data/core/ups/access/entities?${new URLSearchParams(params).toString()}`;
}
