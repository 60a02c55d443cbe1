import type { Server } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { serveParent } from '../infra/childProcess';

/** What a baseline server answers every request with. */
export interface FixedResponse {
    body: Buffer;
    contentType: string;
}

/**
 * The baseline servers' side of the IPC protocol: the bench sends the exact bytes (and content type) of the
 * proxy's cache hit with `setBody` once it has them; until then the answer is an empty JSON object.
 */
export function serveFixedResponse(): FixedResponse {
    const response: FixedResponse = { body: Buffer.from('{}'), contentType: 'application/json; charset=utf-8' };
    serveParent({
        setBody: (args) => {
            const a = args as { base64: string; contentType: string };
            response.body = Buffer.from(a.base64, 'base64');
            response.contentType = a.contentType;
            return { bytes: response.body.length };
        }
    });
    return response;
}

/** Tells the bench that the server listens, and on which port. */
export function announcePort(server: Server): void {
    const addr = server.address();
    process.send?.({ type: 'ready', data: { port: typeof addr === 'object' && addr ? addr.port : 0 } });
}

/** A fastify baseline's life in the bench: listen on a free loopback port, announce it, close on SIGTERM. */
export function listenForBench(app: FastifyInstance): void {
    app.listen({ host: '127.0.0.1', port: 0 }).then(
        () => announcePort(app.server),
        (err: unknown) => {
            process.send?.({ type: 'fatal', error: err instanceof Error ? err.message : String(err) });
            process.exit(1);
        }
    );
    process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
}
