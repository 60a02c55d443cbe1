import type { FastifyRequest } from 'fastify';
import { gateway, sandboxError, throttledFor, type AdobeError } from './errors';
import { defaultSandboxOf, sandboxOf } from './orgs';
import type { EmulatorServices, RouteConfig } from './context';
import type { RateLimiter } from './rateLimit';

/**
 * The checks AEP's API gateway and services make before a handler runs (https://experienceleague.adobe.com/en/docs/experience-platform/landing/platform-apis/api-authentication;
 * https://experienceleague.adobe.com/docs/experience-platform/landing/troubleshooting.html).
 * Order: api key, token, org, entitlement, sandbox, content type, rate limit. AEP does not document the
 * order; this one answers a request with no headers at all with "Api Key is required", as Adobe I/O does.
 */
export function checkGateway(
    request: FastifyRequest,
    config: RouteConfig,
    services: EmulatorServices,
    rateLimiter: RateLimiter
): AdobeError | undefined {
    const apiKey = header(request, 'x-api-key');
    if (!apiKey) return gateway.apiKeyMissing();
    const keyOrg = services.orgs.byClient(apiKey);
    if (!keyOrg) return gateway.apiKeyInvalid();

    const authorization = header(request, 'authorization');
    if (!authorization) return gateway.tokenMissing();
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match) return gateway.tokenInvalid();
    const check = services.tokens.verify(match[1]!);
    if (!check.ok) return gateway.tokenInvalid();
    // A token presented with another credential's api key is not valid for that key.
    if (check.token.clientId !== apiKey) return gateway.apiKeyInvalid();

    const imsOrgId = header(request, 'x-gw-ims-org-id');
    if (!imsOrgId) return gateway.orgMissing();
    const org = services.orgs.byImsOrgId(imsOrgId);
    if (!org || check.token.imsOrgId !== org.imsOrgId) return gateway.notEntitled();

    const sandboxName = header(request, 'x-sandbox-name');
    let sandbox = sandboxName ? sandboxOf(org, sandboxName) : undefined;
    if (!sandboxName) {
        if (config.sandbox === 'required') return sandboxError('missing', org.imsOrgId);
        sandbox = defaultSandboxOf(org);
    } else if (!sandbox) {
        return sandboxError('unknown', org.imsOrgId, sandboxName);
    }

    if (config.jsonBody) {
        const contentType = header(request, 'content-type');
        if (!contentType) return gateway.contentType();
        const mediaType = contentType.split(';')[0]!.trim().toLowerCase();
        if (mediaType !== 'application/json' && !mediaType.endsWith('+json')) {
            // Profile documents a 415 for bodies it cannot read; other services answer the gateway's 400.
            return config.group === 'entities' || config.group === 'events' ? gateway.unsupportedMediaType() : gateway.contentType();
        }
    }

    const limited = rateLimiter.take(org.imsOrgId);
    if (limited !== undefined) return throttledFor(config.group, limited);

    request.caller = { org, sandbox: sandbox!, token: check.token };
    return undefined;
}

function header(request: FastifyRequest, name: string): string | undefined {
    const value = request.headers[name];
    const first = Array.isArray(value) ? value[0] : value;
    return first === undefined || first.trim() === '' ? undefined : first.trim();
}
