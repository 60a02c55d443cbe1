import { subscribe } from 'node:diagnostics_channel';

/** One outbound request of the proxy as undici sent it, with what came back. */
export interface CapturedCall {
    method: string;
    origin: string;
    path: string;
    headers: Record<string, string>;
    body: string | null;
    status: number | null;
    responseBytes: number;
    /** Request creation, ms after start() (shows which calls ran in parallel and which waited). */
    startMs: number;
    /** From request creation to the end of the response, as the proxy's HTTP client experienced it. */
    ms: number | null;
}

// Connection-level headers are the client's business; everything else is replayed as sent.
const HOP_BY_HOP = new Set(['host', 'content-length', 'connection', 'keep-alive', 'transfer-encoding']);

interface UndiciRequest {
    method: string;
    origin: string | URL;
    path: string;
    headers: unknown;
    body: unknown;
}

/**
 * Records the proxy's upstream calls through undici's diagnostics channels, inside the proxy process and
 * without touching the proxy's code, so the bench can send the very same requests straight to the emulator.
 * Only active between start() and stop(); the records (they hold an emulator token) never leave memory
 * except over the IPC channel to the bench.
 */
export class UpstreamCapture {
    private active = false;
    private readonly open = new WeakMap<object, { call: CapturedCall; t0: number }>();
    private calls: CapturedCall[] = [];
    private startedAt = 0;

    constructor() {
        subscribe('undici:request:create', (m) => {
            if (!this.active) return;
            const req = (m as { request: UndiciRequest }).request;
            const call: CapturedCall = {
                method: req.method,
                origin: String(req.origin).replace(/\/$/, ''),
                path: req.path,
                headers: headersOf(req.headers),
                body: bodyOf(req.body),
                status: null,
                responseBytes: 0,
                startMs: performance.now() - this.startedAt,
                ms: null
            };
            this.calls.push(call);
            this.open.set(req, { call, t0: performance.now() });
        });
        subscribe('undici:request:headers', (m) => {
            const { request, response } = m as { request: object; response: { statusCode: number } };
            const o = this.open.get(request);
            if (o) o.call.status = response.statusCode;
        });
        subscribe('undici:request:bodyChunkReceived', (m) => {
            const { request, chunk } = m as { request: object; chunk: Buffer };
            const o = this.open.get(request);
            if (o) o.call.responseBytes += chunk.length;
        });
        subscribe('undici:request:trailers', (m) => {
            const { request } = m as { request: object };
            const o = this.open.get(request);
            if (o) {
                o.call.ms = performance.now() - o.t0;
                this.open.delete(request);
            }
        });
    }

    start(): void {
        this.calls = [];
        this.startedAt = performance.now();
        this.active = true;
    }

    stop(): CapturedCall[] {
        this.active = false;
        const out = this.calls;
        this.calls = [];
        return out;
    }
}

function headersOf(raw: unknown): Record<string, string> {
    const out: Record<string, string> = {};
    const put = (k: unknown, v: unknown) => {
        const key = String(k).toLowerCase();
        if (!HOP_BY_HOP.has(key) && v !== undefined && v !== null) out[key] = Array.isArray(v) ? v.join(', ') : String(v);
    };
    if (Array.isArray(raw)) for (let i = 0; i + 1 < raw.length; i += 2) put(raw[i], raw[i + 1]);
    else if (typeof raw === 'string') {
        for (const line of raw.split('\r\n')) {
            const idx = line.indexOf(':');
            if (idx > 0) put(line.slice(0, idx).trim(), line.slice(idx + 1).trim());
        }
    } else if (raw && typeof raw === 'object') for (const [k, v] of Object.entries(raw)) put(k, v);
    return out;
}

function bodyOf(body: unknown): string | null {
    if (body === null || body === undefined) return null;
    if (typeof body === 'string') return body;
    if (Buffer.isBuffer(body)) return body.toString('utf8');
    if (body instanceof Uint8Array) return Buffer.from(body).toString('utf8');
    return null;
}
