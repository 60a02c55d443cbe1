import { connect, type Socket } from 'node:net';

/** One HTTP/1.1 response as it came off the wire, and when the server closed the connection. */
export interface RawResponse {
    status: number;
    headers: Record<string, string>;
    body: string;
    /** ms from the first byte sent until the server closed the connection (null: still open at the end). */
    closedAfterMs: number | null;
}

/** A socket to a listening proxy (`http://host:port`). */
export function openSocket(url: string): Promise<Socket> {
    const { hostname, port } = new URL(url);
    return new Promise((resolve, reject) => {
        const socket = connect(Number(port), hostname, () => resolve(socket));
        socket.once('error', reject);
    });
}

/**
 * Collects what the server sends on `socket` and parses the first response: once it is complete, or with
 * `untilClose` once the server also closed the connection; at the latest after `waitMs`. A connection the server
 * dropped without answering gives status 0.
 */
export function readResponse(socket: Socket, waitMs: number, startedAt = performance.now(), untilClose = false): Promise<RawResponse> {
    return new Promise((resolve) => {
        let data = '';
        let closedAfterMs: number | null = null;
        let done = false;
        const finish = () => {
            if (done) return;
            done = true;
            clearTimeout(timer);
            socket.destroy();
            resolve({ ...parse(data), closedAfterMs });
        };
        const timer = setTimeout(finish, waitMs);
        socket.on('data', (d: Buffer) => {
            data += d.toString('utf8');
            if (!untilClose && complete(data)) finish();
        });
        socket.on('error', () => undefined);
        socket.on('close', () => {
            closedAfterMs = performance.now() - startedAt;
            finish();
        });
    });
}

/** Sends `text` on a fresh connection and reads the answer (with `untilClose`, also when the server closes). */
export async function rawExchange(url: string, text: string | Buffer, waitMs = 5000, untilClose = false): Promise<RawResponse> {
    const socket = await openSocket(url);
    const startedAt = performance.now();
    socket.write(text);
    return readResponse(socket, waitMs, startedAt, untilClose);
}

function complete(data: string): boolean {
    const end = data.indexOf('\r\n\r\n');
    if (end < 0) return false;
    const length = /\r\ncontent-length:\s*(\d+)/i.exec(data.slice(0, end))?.[1];
    return length !== undefined && Buffer.byteLength(data.slice(end + 4), 'utf8') >= Number(length);
}

function parse(data: string): Omit<RawResponse, 'closedAfterMs'> {
    const end = data.indexOf('\r\n\r\n');
    if (end < 0) return { status: 0, headers: {}, body: '' };
    const [statusLine, ...lines] = data.slice(0, end).split('\r\n');
    const headers: Record<string, string> = {};
    for (const line of lines) {
        const colon = line.indexOf(':');
        headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    const length = Number(headers['content-length'] ?? NaN);
    const rest = data.slice(end + 4);
    return {
        status: Number(/^HTTP\/1\.1 (\d{3})/.exec(statusLine ?? '')?.[1] ?? 0),
        headers,
        body: Number.isFinite(length) ? Buffer.from(rest, 'utf8').subarray(0, length).toString('utf8') : rest
    };
}
