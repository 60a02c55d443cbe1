import { createServer } from 'node:net';

/** Asks the kernel for a free loopback port (for programs that cannot be told to listen on port 0). */
export function freeLoopbackPort(): Promise<number> {
    return new Promise((resolve, reject) => {
        const srv = createServer();
        srv.unref();
        srv.once('error', reject);
        srv.listen(0, '127.0.0.1', () => {
            const addr = srv.address();
            const port = typeof addr === 'object' && addr ? addr.port : 0;
            srv.close(() => (port ? resolve(port) : reject(new Error('no port assigned'))));
        });
    });
}
