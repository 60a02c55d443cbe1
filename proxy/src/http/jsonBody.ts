import { isUtf8 } from 'node:buffer';
import type { FastifyInstance } from 'fastify';
import { LRUCache } from 'lru-cache';
import { ProxyError } from '../errors';

/** Validates a route's parsed body, throwing ProxyError; the value it returns must be immutable (it is shared). */
export type BodyValidator = (body: unknown) => unknown;

export interface JsonBodyOptions {
    /**
     * Routes whose bodies are validated as they are parsed, by path. Their valid bodies are remembered by their
     * text, so a body seen before (an agent reopening a card, a cache hit) is neither parsed nor validated again.
     */
    validated?: Readonly<Record<string, BodyValidator>>;
    /**
     * How long a remembered body is kept (ms): the card cache's TTL, so identity values stay in memory no longer
     * than the card they look up; at least a second.
     */
    rememberMs?: number;
}

/** Bodies remembered: enough for every record a busy instance serves from its cache within a minute or two. */
const REMEMBERED_BODIES = 4096;
const REMEMBERED_BYTES = 8 * 1024 * 1024;

/**
 * The JSON body parser: fastify's own (secure-json-parse, prototype-poisoning refused), fed only bytes that are
 * valid UTF-8. Decoding invalid UTF-8 silently turns the bad bytes into U+FFFD, and an identity value carrying
 * replacement characters would then be tried (or refused as an unusable identity, 422) instead of the request
 * being refused for what it is: 400, the body is not UTF-8 (RFC 8259 section 8.1).
 */
export function installJsonBodyParser(app: FastifyInstance, opts: JsonBodyOptions = {}): void {
    const parseJson = app.getDefaultJsonParser('error', 'error');
    const ttl = Math.max(1000, opts.rememberMs ?? 60_000);
    // Per route, keyed by the exact text: equal keys are equal bodies, and a validated body is frozen, so sharing is safe.
    const routes = new Map(
        Object.entries(opts.validated ?? {}).map(([route, validate]) => [
            route,
            {
                validate,
                remembered: new LRUCache<string, { value: unknown }>({
                    max: REMEMBERED_BODIES,
                    maxSize: REMEMBERED_BYTES,
                    sizeCalculation: (_v, text) => 256 + 4 * text.length,
                    ttl
                })
            }
        ])
    );
    // Expired bodies are dropped by a sweep, not only when looked up again (lru-cache keeps them until then).
    const sweep = setInterval(() => {
        for (const { remembered } of routes.values()) remembered.purgeStale();
    }, ttl).unref();
    app.addHook('onClose', (_instance, done) => {
        clearInterval(sweep);
        done();
    });
    app.removeContentTypeParser('application/json');
    app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
        const bytes = body as Buffer;
        if (!isUtf8(bytes)) {
            done(new ProxyError('INVALID_REQUEST', 'request body is not valid UTF-8', { logReason: 'INVALID_UTF8' }), undefined);
            return;
        }
        const text = bytes.toString('utf8');
        const route = routes.get(request.routeOptions.url ?? '');
        if (!route) {
            parseJson(request, text, done);
            return;
        }
        const { validate, remembered } = route;
        const known = remembered.get(text);
        if (known) {
            done(null, known.value);
            return;
        }
        // fastify's JSON parser answers synchronously; its result is taken here, not in its callback, so nothing
        // that runs after `done` can ever land in the parser's own catch (which would answer a second time).
        let parsed: { err: Error | null; value: unknown } | null = null;
        parseJson(request, text, (err, value) => (parsed = { err, value }));
        const result = parsed as { err: Error | null; value: unknown } | null;
        if (!result || result.err) {
            done(result?.err ?? new ProxyError('INTERNAL', 'the JSON parser did not answer'), undefined);
            return;
        }
        let value: unknown;
        try {
            value = validate(result.value);
        } catch (refusal) {
            done(refusal as Error, undefined);
            return;
        }
        remembered.set(text, { value });
        done(null, value);
    });
}
