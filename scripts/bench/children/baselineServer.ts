/**
 * The physical limit for the cache-hit scenario: a bare node:http server on the same machine that reads
 * the request body and answers with exactly the bytes (and content type) the proxy answers with on a
 * cache hit. Run as a child process of the bench, like the proxy, so both get a core of their own.
 */
import { createServer } from 'node:http';
import { serveParent } from '../infra/childProcess';

let body: Buffer = Buffer.from('{}');
let contentType = 'application/json; charset=utf-8';

const server = createServer((req, res) => {
    // Drain the body as the proxy must before it can answer; the bytes are the same fixed response.
    req.on('data', () => undefined);
    req.on('end', () => {
        res.writeHead(200, { 'content-type': contentType, 'content-length': body.length });
        res.end(body);
    });
});
server.keepAliveTimeout = 30_000;

serveParent({
    setBody: (args) => {
        const a = args as { base64: string; contentType: string };
        body = Buffer.from(a.base64, 'base64');
        contentType = a.contentType;
        return { bytes: body.length };
    },
    memory: () => process.memoryUsage()
});

server.listen(0, '127.0.0.1', () => {
    const addr = server.address();
    process.send?.({ type: 'ready', data: { port: typeof addr === 'object' && addr ? addr.port : 0 } });
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
