import { Agent, errors as undiciErrors, type Dispatcher } from 'undici';
import { AepCallError, parseAepError, parseRetryAfterHeader, type Upstream } from './aepCallError';

export interface HttpCallOptions {
    upstream: Upstream;
    method: 'GET' | 'POST';
    url: string;
    headers: Record<string, string>;
    body?: string;
    timeoutMs: number;
}

export interface HttpJsonResponse {
    status: number;
    body: unknown;
    bytes: number;
}

export interface HttpClient {
    /** One HTTP exchange: JSON body read under the size cap; non-2xx (other than `okStatuses`) thrown as AepCallError. */
    call(opts: HttpCallOptions & { okStatuses?: readonly number[] }): Promise<HttpJsonResponse>;
    close(): Promise<void>;
}

/**
 * Keep-alive connection pools (one per origin, inside one undici Agent) and the one place that reads AEP
 * bodies. The size cap matters: a merged profile can approach 50 MB (AEP guardrails) and the proxy must
 * not buffer that for a card of a few KB, so reading stops at AEP_MAX_RESPONSE_BYTES.
 */
export interface HttpClientOptions {
    connectTimeoutMs: number;
    maxResponseBytes: number;
    connectionsPerOrigin?: number;
    /** Observes every exchange: HTTP status, or the failure kind when there is none. */
    onCall?: (upstream: Upstream, outcome: string, ms: number) => void;
    /** Sees each outgoing request before it is sent (contract tests validate them against Adobe's OpenAPI files). */
    onRequest?: (request: OutgoingRequest) => void;
}

export interface OutgoingRequest {
    upstream: Upstream;
    method: string;
    url: string;
    headers: Readonly<Record<string, string>>;
    body?: string;
}

export function createHttpClient(opts: HttpClientOptions): HttpClient {
    const agent = new Agent({
        keepAliveTimeout: 30_000,
        keepAliveMaxTimeout: 120_000,
        connections: opts.connectionsPerOrigin ?? 128,
        connect: { timeout: opts.connectTimeoutMs }
    });

    async function call(o: HttpCallOptions & { okStatuses?: readonly number[] }): Promise<HttpJsonResponse> {
        const started = performance.now();
        opts.onRequest?.({ upstream: o.upstream, method: o.method, url: o.url, headers: o.headers, body: o.body });
        try {
            const res = await exchange(o);
            opts.onCall?.(o.upstream, String(res.status), performance.now() - started);
            return res;
        } catch (err) {
            const outcome = err instanceof AepCallError ? (err.kind === 'http' ? String(err.status) : err.kind) : 'error';
            opts.onCall?.(o.upstream, outcome, performance.now() - started);
            throw err;
        }
    }

    async function exchange(o: HttpCallOptions & { okStatuses?: readonly number[] }): Promise<HttpJsonResponse> {
        if (o.timeoutMs <= 0) throw new AepCallError(o.upstream, 'timeout', `${o.upstream}: no time left in the request budget`);
        const signal = AbortSignal.timeout(o.timeoutMs);
        let res: Dispatcher.ResponseData;
        try {
            res = await agent.request({
                origin: new URL(o.url).origin,
                path: pathOf(o.url),
                method: o.method,
                headers: o.headers,
                body: o.body,
                signal
            });
        } catch (err) {
            throw transportError(o.upstream, err, signal, o.timeoutMs);
        }
        let text: string;
        let bytes: number;
        try {
            ({ text, bytes } = await readCapped(res, opts.maxResponseBytes, o.upstream));
        } catch (err) {
            if (err instanceof AepCallError) throw err;
            throw transportError(o.upstream, err, signal, o.timeoutMs);
        }
        const ok = (res.statusCode >= 200 && res.statusCode < 300) || (o.okStatuses?.includes(res.statusCode) ?? false);
        const body = parseJson(text);
        if (!ok) {
            const parsed = parseAepError(body === NOT_JSON ? text : body);
            const retryAfterMs = parsed.retryAfterMs ?? parseRetryAfterHeader(res.headers['retry-after']);
            throw new AepCallError(o.upstream, 'http', `${o.upstream}: AEP answered ${res.statusCode}`, {
                status: res.statusCode,
                retryAfterMs,
                aepMessage: parsed.message
            });
        }
        if (body === NOT_JSON)
            throw new AepCallError(o.upstream, 'malformed', `${o.upstream}: AEP answered ${res.statusCode} with a body that is not JSON`, {
                status: res.statusCode
            });
        return { status: res.statusCode, body, bytes };
    }

    return { call, close: () => agent.close() };
}

const NOT_JSON = Symbol('not-json');

function parseJson(text: string): unknown {
    if (text.length === 0) return null;
    try {
        return JSON.parse(text) as unknown;
    } catch {
        return NOT_JSON;
    }
}

function pathOf(url: string): string {
    const u = new URL(url);
    return u.pathname + u.search;
}

async function readCapped(res: Dispatcher.ResponseData, max: number, upstream: Upstream): Promise<{ text: string; bytes: number }> {
    const declared = Number(res.headers['content-length']);
    if (Number.isFinite(declared) && declared > max) {
        res.body.destroy();
        throw tooLarge(upstream, max);
    }
    const chunks: Buffer[] = [];
    let bytes = 0;
    for await (const chunk of res.body) {
        bytes += (chunk as Buffer).length;
        if (bytes > max) {
            res.body.destroy();
            throw tooLarge(upstream, max);
        }
        chunks.push(chunk as Buffer);
    }
    return { text: Buffer.concat(chunks).toString('utf8'), bytes };
}

function tooLarge(upstream: Upstream, max: number): AepCallError {
    return new AepCallError(
        upstream,
        'too_large',
        `${upstream}: AEP response exceeds AEP_MAX_RESPONSE_BYTES (${max} bytes); narrow the fields list`
    );
}

function transportError(upstream: Upstream, err: unknown, signal: AbortSignal, timeoutMs: number): AepCallError {
    if (
        signal.aborted ||
        err instanceof undiciErrors.HeadersTimeoutError ||
        err instanceof undiciErrors.BodyTimeoutError ||
        err instanceof undiciErrors.ConnectTimeoutError
    ) {
        return new AepCallError(upstream, 'timeout', `${upstream}: no answer within ${timeoutMs} ms`, { cause: err });
    }
    const code = (err as { code?: string }).code ?? 'unknown';
    return new AepCallError(upstream, 'network', `${upstream}: connection failed (${code})`, { cause: err });
}
