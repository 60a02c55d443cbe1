import { createServer } from 'node:net';
import { startEmulator } from '../src';

describe('startEmulator', () => {
    it('names EMULATOR_PORT when its port is taken', async () => {
        const server = createServer();
        await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
        const { port } = server.address() as { port: number };
        try {
            await expect(startEmulator({ port })).rejects.toThrow(
                `the AEP emulator cannot listen on 127.0.0.1:${port}: the port is in use; stop the other process or set EMULATOR_PORT to a free port (0 picks one)`
            );
        } finally {
            server.close();
        }
    });
});
