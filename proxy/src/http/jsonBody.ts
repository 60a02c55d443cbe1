import { isUtf8 } from 'node:buffer';
import type { FastifyInstance } from 'fastify';
import { ProxyError } from '../errors';

/**
 * The JSON body parser: fastify's own (secure-json-parse, prototype-poisoning refused), fed only bytes that are
 * valid UTF-8. Decoding invalid UTF-8 silently turns the bad bytes into U+FFFD, and an identity value carrying
 * replacement characters would then be tried (or refused as an unusable identity, 422) instead of the request
 * being refused for what it is: 400, the body is not UTF-8 (RFC 8259 section 8.1).
 */
export function installJsonBodyParser(app: FastifyInstance): void {
    const parseJson = app.getDefaultJsonParser('error', 'error');
    app.removeContentTypeParser('application/json');
    app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
        const bytes = body as Buffer;
        if (!isUtf8(bytes)) {
            done(new ProxyError('INVALID_REQUEST', 'request body is not valid UTF-8', { logReason: 'INVALID_UTF8' }), undefined);
            return;
        }
        parseJson(request, bytes.toString('utf8'), done);
    });
}
