import { createReadStream, promises as fs } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import { NewCase, type CaseArrival } from './apex/caseArrival';
import type { RelayTiming } from './apex/customerProfileRelay';
import type { ApexMethod } from './apex/previewApex';
import { RelayError } from './apex/relayErrors';
import type { RecordView } from './crm/localCrm';

/**
 * The preview's HTTP server (loopback only): the console page and its bundle, SLDS assets, the record list
 * for the page, and the Apex stand-in endpoint the browser-side `@salesforce/apex*` modules call.
 */

const PREVIEW_DIR = __dirname;
const SLDS_ASSETS = path.dirname(require.resolve('@salesforce-ux/design-system/package.json')) + '/assets';
const MAX_BODY_BYTES = 16 * 1024;

const CONTENT_TYPES: Record<string, string> = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript; charset=utf-8',
    '.css': 'text/css; charset=utf-8',
    '.svg': 'image/svg+xml',
    '.png': 'image/png',
    '.woff': 'font/woff',
    '.woff2': 'font/woff2',
    '.json': 'application/json; charset=utf-8'
};

export interface PreviewServerOptions {
    host?: string;
    port?: number;
    /** The built bundle (scripts/preview/dist unless PREVIEW_DIST_DIR). */
    distDir: string;
    /** The Apex methods the card may call, by `Class.method` (apex/previewApex.ts). */
    apex: Record<string, ApexMethod>;
    records: { source: 'local' | 'org'; views: RecordView[] };
    /** New Cases (POST /preview/api/cases), warmed on arrival like the org's trigger; local CRM only. */
    caseArrival?: CaseArrival;
    /** One line per failed Apex call (code only, never identity values). */
    log?: (line: string) => void;
}

export interface RunningPreview {
    url: string;
    port: number;
    close(): Promise<void>;
}

export async function startPreviewServer(opts: PreviewServerOptions): Promise<RunningPreview> {
    const host = opts.host ?? '127.0.0.1';
    const server = http.createServer((req, res) => {
        handle(req, res, opts).catch((err: unknown) => {
            opts.log?.(`preview: ${req.method} ${req.url?.split('?')[0]} failed (${err instanceof Error ? err.name : 'error'})`);
            if (!res.headersSent) sendJson(res, 500, { error: { code: 'INTERNAL', message: 'The preview server failed.' } });
            else res.destroy();
        });
    });
    server.keepAliveTimeout = 5000;
    await new Promise<void>((resolve, reject) => {
        server.once('error', (err: NodeJS.ErrnoException) => reject(err.code === 'EADDRINUSE' ? portInUse(host, opts.port ?? 0) : err));
        server.listen(opts.port ?? 0, host, () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    return {
        url: `http://${host}:${port}`,
        port,
        close: () =>
            new Promise<void>((resolve, reject) => {
                server.close((err) => (err ? reject(err) : resolve()));
                server.closeAllConnections();
            })
    };
}

async function handle(req: http.IncomingMessage, res: http.ServerResponse, opts: PreviewServerOptions): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://preview.local');
    const pathname = decodeURIComponent(url.pathname);

    const apex = /^\/preview\/apex\/([A-Za-z_][A-Za-z0-9_]*)\/([A-Za-z_][A-Za-z0-9_]*)$/.exec(pathname);
    if (apex) {
        if (req.method !== 'POST') return sendJson(res, 405, { error: { code: 'METHOD_NOT_ALLOWED', message: 'POST only' } });
        return invokeApex(req, res, opts, `${apex[1]}.${apex[2]}`);
    }
    if (pathname === '/preview/api/cases') {
        if (req.method !== 'POST') return sendJson(res, 405, { error: { code: 'METHOD_NOT_ALLOWED', message: 'POST only' } });
        if (!opts.caseArrival) return sendJson(res, 404, { error: { code: 'NOT_FOUND', message: 'New Cases need the local CRM' } });
        return createCase(req, res, opts.caseArrival);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD')
        return sendJson(res, 405, { error: { code: 'METHOD_NOT_ALLOWED', message: 'GET only' } });

    if (pathname === '/preview/api/records') return sendJson(res, 200, { source: opts.records.source, records: opts.records.views });
    if (pathname === '/healthz') return sendJson(res, 200, { status: 'ok' });
    if (pathname === '/' || pathname === '/index.html') return sendFile(res, path.join(PREVIEW_DIR, 'index.html'), 'no-store');
    if (pathname.startsWith('/dist/')) return sendFile(res, within(opts.distDir, pathname.slice('/dist/'.length)), 'no-cache');
    if (pathname.startsWith('/slds/')) return sendFile(res, within(SLDS_ASSETS, pathname.slice('/slds/'.length)), 'max-age=3600');
    return sendJson(res, 404, { error: { code: 'NOT_FOUND', message: `No such page: ${pathname}` } });
}

/**
 * Answers like an Aura action: HTTP 200 with state SUCCESS (returnValue) or ERROR (the exception), so a handled
 * exception reaches the component as a rejected promise and not as a failed request.
 */
async function invokeApex(req: http.IncomingMessage, res: http.ServerResponse, opts: PreviewServerOptions, method: string): Promise<void> {
    const apexMethod = Object.hasOwn(opts.apex, method) ? opts.apex[method] : undefined;
    if (!apexMethod) {
        return sendJson(res, 404, { error: { code: 'NOT_FOUND', message: `The preview has no Apex method ${method}` } });
    }
    const params = await readJsonBody(req, res);
    if (params === NO_BODY) return;
    if (typeof params !== 'object' || params === null || Array.isArray(params)) {
        return sendJson(res, 400, { error: { code: 'INVALID_REQUEST', message: 'Parameters must be a JSON object' } });
    }
    const started = performance.now();
    const timing: RelayTiming = {};
    try {
        const returnValue = await apexMethod({
            params: params as Record<string, unknown>,
            locale: headerValue(req, 'x-preview-locale'),
            scenario: headerValue(req, 'x-preview-scenario'),
            timing
        });
        res.setHeader('server-timing', serverTiming(performance.now() - started, timing));
        sendJson(res, 200, { state: 'SUCCESS', returnValue });
    } catch (err) {
        const error = err instanceof RelayError ? err : new RelayError('INTERNAL', 'An unexpected error occurred in the relay.');
        opts.log?.(`preview: ${method} -> ${error.code}`);
        sendJson(res, 200, { state: 'ERROR', error: { message: error.toAuraMessage(), exceptionType: 'System.AuraHandledException' } });
    }
}

async function createCase(req: http.IncomingMessage, res: http.ServerResponse, arrival: CaseArrival): Promise<void> {
    const body = await readJsonBody(req, res);
    if (body === NO_BODY) return;
    const parsed = NewCase.safeParse(body);
    if (!parsed.success) return sendJson(res, 400, { error: { code: 'INVALID_REQUEST', message: z.prettifyError(parsed.error) } });
    sendJson(res, 201, await arrival.create(parsed.data));
}

/** Returned by readJsonBody when it has already answered 400. */
const NO_BODY = Symbol('no body');

/** The request's JSON body; or, when it is too large or not JSON, a 400 INVALID_REQUEST sent and NO_BODY. */
async function readJsonBody(req: http.IncomingMessage, res: http.ServerResponse): Promise<unknown> {
    try {
        return JSON.parse(await readBody(req)) as unknown;
    } catch (err) {
        const message = err instanceof BodyTooLarge ? 'Request body too large' : 'Request body must be JSON';
        sendJson(res, 400, { error: { code: 'INVALID_REQUEST', message } });
        return NO_BODY;
    }
}

/**
 * The Apex action's Server-Timing (https://www.w3.org/TR/server-timing/), which the browser exposes in Resource
 * Timing: the relay's own time (reading the record, mapping the answer), the proxy callout without its AEP round,
 * and the AEP round as the proxy reported it. A session-cache hit has no callout: all of it is the relay's.
 */
function serverTiming(totalMs: number, t: RelayTiming): string {
    const proxyMs = t.proxyMs ?? 0;
    const aepMs = Math.min(t.aepMs ?? 0, proxyMs);
    const dur = (ms: number) => Math.max(0, ms).toFixed(1);
    return `relay;dur=${dur(totalMs - proxyMs)}, proxy;dur=${dur(proxyMs - aepMs)}, aep;dur=${dur(aepMs)}`;
}

function headerValue(req: http.IncomingMessage, name: string): string {
    const value = req.headers[name];
    return typeof value === 'string' ? value : '';
}

class BodyTooLarge extends Error {}

async function readBody(req: http.IncomingMessage): Promise<string> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
        size += (chunk as Buffer).length;
        if (size > MAX_BODY_BYTES) throw new BodyTooLarge();
        chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks).toString('utf8');
}

/** Resolves a URL path inside a directory; null when it would escape it. */
function within(dir: string, relative: string): string | null {
    const resolved = path.resolve(dir, relative);
    return resolved.startsWith(path.resolve(dir) + path.sep) ? resolved : null;
}

async function sendFile(res: http.ServerResponse, file: string | null, cacheControl: string): Promise<void> {
    const stat = file ? await fs.stat(file).catch(() => null) : null;
    if (!file || !stat?.isFile()) return sendJson(res, 404, { error: { code: 'NOT_FOUND', message: 'No such file' } });
    res.writeHead(200, {
        'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
        'Content-Length': stat.size,
        'Cache-Control': cacheControl,
        'X-Content-Type-Options': 'nosniff'
    });
    if (res.req.method === 'HEAD') return void res.end();
    await new Promise<void>((resolve, reject) => {
        createReadStream(file).on('error', reject).pipe(res).on('finish', resolve).on('error', reject);
    });
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
    const text = JSON.stringify(body);
    res.writeHead(status, {
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Length': Buffer.byteLength(text),
        'Cache-Control': 'no-store'
    });
    res.end(text);
}

function portInUse(host: string, port: number): Error {
    return Object.assign(
        new Error(
            `the console preview cannot listen on ${host}:${port}: the port is in use; stop the other process or set PREVIEW_PORT to a free port (0 picks one)`
        ),
        { code: 'EADDRINUSE' }
    );
}
