import type { Socket } from 'node:net';
import { ErrorBody } from '../src/contract/errors';
import { startProxyStack, type ProxyStack } from '../../scripts/stack/proxyStack';
import { PROXY_KEY, RECORDS } from './support/harness';
import { openSocket, rawExchange, readResponse, type RawResponse } from './support/rawHttp';

/**
 * The proxy's HTTP edges over real sockets on loopback (the emulator and a listening proxy): what the HTTP parser
 * refuses before any route, slow clients, and many of them at once. Every refusal must be the documented error
 * body with the X-Request-Id header, and a slow client must be answered and closed within its deadline.
 */
const HEADERS_TIMEOUT_MS = 1000;
const BODY_TIMEOUT_MS = 3000;
const BODY_IDLE_TIMEOUT_MS = 2000;
/** node:http checks its header and request timers every 500 ms (http/app.ts); the body deadlines are exact timers. */
const CHECK_SLACK_MS = 1000;

const BODY = JSON.stringify({ record: RECORDS.janeByEmail });
const head = (extra = '', length = Buffer.byteLength(BODY)) =>
    `POST /v1/profiles/lookup HTTP/1.1\r\nHost: proxy\r\nContent-Type: application/json\r\nX-Proxy-Key: ${PROXY_KEY}\r\nContent-Length: ${length}\r\n${extra}\r\n`;

/** The documented error body, with the same request id as the X-Request-Id header. */
function expectDocumented(res: RawResponse, status: number, code: string): void {
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['x-request-id']).toMatch(/^[A-Za-z0-9._:-]{1,128}$/);
    const body = ErrorBody.parse(JSON.parse(res.body));
    expect(body.error).toMatchObject({ code, requestId: res.headers['x-request-id'] });
}

/** Sends `head` then one body byte per `everyMs` until the server closes the connection. */
async function trickle(url: string, everyMs: number): Promise<{ socket: Socket; response: Promise<RawResponse> }> {
    const socket = await openSocket(url);
    const startedAt = performance.now();
    socket.write(head('', 200));
    const response = readResponse(socket, 60_000, startedAt, true);
    const timer = setInterval(() => {
        if (socket.destroyed) clearInterval(timer);
        else socket.write('{');
    }, everyMs);
    void response.finally(() => clearInterval(timer));
    return { socket, response };
}

describe('HTTP edges over real sockets', () => {
    let stack: ProxyStack;
    beforeAll(async () => {
        stack = await startProxyStack({
            env: {
                PROXY_SHARED_SECRET: PROXY_KEY,
                PROXY_HEADERS_TIMEOUT_MS: String(HEADERS_TIMEOUT_MS),
                PROXY_BODY_TIMEOUT_MS: String(BODY_TIMEOUT_MS),
                PROXY_BODY_IDLE_TIMEOUT_MS: String(BODY_IDLE_TIMEOUT_MS)
            }
        });
    });
    afterAll(async () => {
        await stack?.close();
    });

    describe('refusals before any route, in the documented shape with X-Request-Id', () => {
        it.each([
            {
                what: 'broken chunked framing',
                status: 400,
                code: 'INVALID_REQUEST',
                text: `${head('Transfer-Encoding: chunked\r\n').replace(/Content-Length: \d+\r\n/, '')}zz\r\n{}\r\n0\r\n\r\n`
            },
            {
                what: 'Content-Length together with Transfer-Encoding',
                status: 400,
                code: 'INVALID_REQUEST',
                text: `${head('Transfer-Encoding: chunked\r\n')}2\r\n{}\r\n0\r\n\r\n`
            },
            {
                what: 'a URL with bad percent-encoding',
                status: 400,
                code: 'INVALID_REQUEST',
                text: 'GET /v1/%zz HTTP/1.1\r\nHost: proxy\r\n\r\n'
            },
            {
                what: 'an unknown method',
                status: 400,
                code: 'INVALID_REQUEST',
                text: 'BREW /v1/profiles/lookup HTTP/1.1\r\nHost: proxy\r\n\r\n'
            },
            {
                what: 'a known method without a route',
                status: 404,
                code: 'ROUTE_NOT_FOUND',
                text: 'PROPFIND /v1/profiles/lookup HTTP/1.1\r\nHost: proxy\r\n\r\n'
            },
            {
                what: 'headers above 16 KB',
                status: 431,
                code: 'HEADERS_TOO_LARGE',
                text: `${head(`X-Padding: ${'a'.repeat(20_000)}\r\n`)}${BODY}`
            },
            {
                what: 'an Expect other than 100-continue',
                status: 417,
                code: 'EXPECTATION_FAILED',
                text: `${head('Expect: something-else\r\n')}${BODY}`
            },
            {
                what: 'CONNECT',
                status: 405,
                code: 'METHOD_NOT_ALLOWED',
                text: 'CONNECT aep.example:443 HTTP/1.1\r\nHost: aep.example:443\r\n\r\n'
            },
            { what: 'a body that is not valid UTF-8', status: 400, code: 'INVALID_REQUEST', text: `${head('', 10)}{"a":"\xff\xfe"}` },
            {
                what: 'a gzip body',
                status: 415,
                code: 'UNSUPPORTED_MEDIA_TYPE',
                text: `${head('Content-Encoding: gzip\r\n', 4)}\x1f\x8b\x08\x00`
            }
        ])('$what -> $status $code', async ({ text, status, code }) => {
            const res = await rawExchange(stack.proxy.url, Buffer.from(text as string, 'latin1'));
            expectDocumented(res, status, code);
        });

        it('answers headers that do not arrive in time with 408 and closes the connection', async () => {
            const res = await rawExchange(stack.proxy.url, 'POST /v1/profiles/lookup HTTP/1.1\r\nHost: proxy\r\n', 10_000, true);
            expectDocumented(res, 408, 'REQUEST_TIMEOUT');
            expect(res.closedAfterMs).toBeLessThan(HEADERS_TIMEOUT_MS + CHECK_SLACK_MS);
        });

        it('keeps answering look-ups after all of that', async () => {
            const res = await fetch(`${stack.proxy.url}/v1/profiles/lookup`, {
                method: 'POST',
                headers: { 'content-type': 'application/json', 'x-proxy-key': PROXY_KEY },
                body: BODY
            });
            expect(res.status).toBe(200);
        });
    });

    describe('slow clients', () => {
        it('closes a body trickled at 1 byte/s within PROXY_BODY_TIMEOUT_MS, with 408 REQUEST_TIMEOUT', async () => {
            const { response } = await trickle(stack.proxy.url, 1000);
            const res = await response;
            expectDocumented(res, 408, 'REQUEST_TIMEOUT');
            expect(JSON.parse(res.body).error.message).toMatch(/did not arrive within 3000 ms/);
            expect(res.headers.connection).toBe('close');
            expect(res.closedAfterMs).toBeGreaterThanOrEqual(BODY_TIMEOUT_MS - 100);
            expect(res.closedAfterMs).toBeLessThan(BODY_TIMEOUT_MS + CHECK_SLACK_MS);
        });

        it('closes a body that stops arriving after PROXY_BODY_IDLE_TIMEOUT_MS', async () => {
            const socket = await openSocket(stack.proxy.url);
            const startedAt = performance.now();
            socket.write(`${head('', 200)}{"record":`);
            const res = await readResponse(socket, 10_000, startedAt, true);
            expectDocumented(res, 408, 'REQUEST_TIMEOUT');
            expect(JSON.parse(res.body).error.message).toMatch(/paused for more than 2000 ms/);
            expect(res.closedAfterMs).toBeLessThan(BODY_IDLE_TIMEOUT_MS + CHECK_SLACK_MS);
        });

        it('reads the audit-views body under the same deadlines as a look-up body', async () => {
            const socket = await openSocket(stack.proxy.url);
            const startedAt = performance.now();
            socket.write(
                `POST /v1/audit/views HTTP/1.1\r\nHost: proxy\r\nContent-Type: application/json\r\nX-Proxy-Key: ${PROXY_KEY}\r\nContent-Length: 200\r\n\r\n{"views":`
            );
            const res = await readResponse(socket, 10_000, startedAt, true);
            expectDocumented(res, 408, 'REQUEST_TIMEOUT');
            expect(JSON.parse(res.body).error.message).toMatch(/paused for more than 2000 ms/);
            expect(res.closedAfterMs).toBeLessThan(BODY_IDLE_TIMEOUT_MS + CHECK_SLACK_MS);
        });

        it('keeps answering normal look-ups while 300 connections trickle, and closes all of them in time', async () => {
            const slow = await Promise.all(Array.from({ length: 300 }, () => trickle(stack.proxy.url, 1000)));
            try {
                await new Promise((r) => setTimeout(r, 500));
                const started = performance.now();
                const res = await fetch(`${stack.proxy.url}/v1/profiles/lookup`, {
                    method: 'POST',
                    headers: { 'content-type': 'application/json', 'x-proxy-key': PROXY_KEY },
                    body: JSON.stringify({ record: RECORDS.kenjiLead })
                });
                expect(res.status).toBe(200);
                expect((await res.json()).person.displayName).toBeTruthy();
                // Not a latency goal (the bench measures those): only that it is not held up behind the slow ones.
                expect(performance.now() - started).toBeLessThan(BODY_TIMEOUT_MS);
                const answers = await Promise.all(slow.map((s) => s.response));
                expect(answers.map((a) => a.status)).toEqual(answers.map(() => 408));
                expect(Math.max(...answers.map((a) => a.closedAfterMs ?? Infinity))).toBeLessThan(BODY_TIMEOUT_MS + 2 * CHECK_SLACK_MS);
            } finally {
                for (const s of slow) s.socket.destroy();
            }
        }, 30_000);
    });
});
