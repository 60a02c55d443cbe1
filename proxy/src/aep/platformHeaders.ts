import type { ProxyConfig } from '../config';

/** Headers every Platform gateway call carries (https://experienceleague.adobe.com/en/docs/experience-platform/landing/platform-apis/api-authentication). */
export function platformHeaders(
    aep: ProxyConfig['aep'],
    token: string,
    opts: { requestId?: string; json?: boolean } = {}
): Record<string, string> {
    const headers: Record<string, string> = {
        authorization: `Bearer ${token}`,
        'x-api-key': aep.clientId,
        'x-gw-ims-org-id': aep.orgId,
        'x-sandbox-name': aep.sandbox,
        accept: 'application/json'
    };
    if (opts.json) headers['content-type'] = 'application/json';
    if (opts.requestId) headers['x-request-id'] = opts.requestId;
    return headers;
}
