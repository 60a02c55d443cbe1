/**
 * The physical limit for the cache-hit scenario: a bare node:http server on the same machine that reads
 * the request body and answers with exactly the bytes (and content type) the proxy answers with on a
 * cache hit. Run as a child process of the bench, like the proxy, so both get a core of their own.
 */
import { createServer } from 'node:http';
import { announcePort, serveFixedResponse } from './fixedResponse';

const response = serveFixedResponse();

const server = createServer((req, res) => {
    // Drain the body as the proxy must before it can answer; the bytes are the same fixed response.
    req.on('data', () => undefined);
    req.on('end', () => {
        res.writeHead(200, { 'content-type': response.contentType, 'content-length': response.body.length });
        res.end(response.body);
    });
});
server.keepAliveTimeout = 30_000;

server.listen(0, '127.0.0.1', () => announcePort(server));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
