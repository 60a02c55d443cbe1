import type { FastifyInstance } from 'fastify';
import { imsError } from '../errors';
import { sendAdobeError, type EmulatorServices, type RouteConfig } from '../context';

const CONFIG: RouteConfig = { group: 'ims', sandbox: 'none' };

/**
 * IMS OAuth Server-to-Server token endpoint (`POST /ims/token/v3`, form body): https://developer.adobe.com/developer-console/docs/guides/authentication/ServerToServerAuthentication/ims.
 * Fields are read from the form body only: the docs allow the query string too, but secrets in URLs leak into logs.
 */
export function registerImsRoutes(app: FastifyInstance, services: EmulatorServices): void {
    app.post('/ims/token/v3', { config: CONFIG }, async (request, reply) => {
        const contentType = String(request.headers['content-type'] ?? '')
            .split(';')[0]!
            .trim()
            .toLowerCase();
        if (contentType !== 'application/x-www-form-urlencoded') {
            return sendAdobeError(reply, imsError('invalid_request', 'Content-Type must be application/x-www-form-urlencoded'));
        }
        const form = new URLSearchParams(Buffer.isBuffer(request.body) ? request.body.toString('utf8') : '');
        const grantType = form.get('grant_type');
        const clientId = form.get('client_id');
        const clientSecret = form.get('client_secret');
        const scope = form.get('scope');
        if (!grantType) return sendAdobeError(reply, imsError('invalid_request', 'Missing required parameter: grant_type'));
        if (grantType !== 'client_credentials') {
            return sendAdobeError(reply, imsError('unsupported_grant_type', `The grant_type '${grantType}' is not supported.`));
        }
        if (!clientId) return sendAdobeError(reply, imsError('invalid_request', 'Missing required parameter: client_id'));
        if (!clientSecret) return sendAdobeError(reply, imsError('invalid_request', 'Missing required parameter: client_secret'));
        const org = services.orgs.byClient(clientId);
        if (!org || org.clientSecret !== clientSecret) {
            return sendAdobeError(reply, imsError('invalid_client', 'invalid client_id parameter or client_secret'));
        }
        if (!scope) return sendAdobeError(reply, imsError('invalid_scope', 'Missing required parameter: scope'));
        const scopes = scope.split(',');
        const notAllowed = scopes.filter((s) => !org.allowedScopes.includes(s));
        if (scopes.some((s) => s.trim() !== s || s === '') || notAllowed.length > 0) {
            return sendAdobeError(
                reply,
                imsError('invalid_scope', 'The metascopes in the request are not a subset of the metascopes in the binding.')
            );
        }
        const { accessToken, expiresIn } = services.tokens.issue(org.clientId, org.imsOrgId, scopes);
        return reply
            .code(200)
            .type('application/json;charset=utf-8')
            .send({ access_token: accessToken, token_type: 'bearer', expires_in: expiresIn });
    });
}
