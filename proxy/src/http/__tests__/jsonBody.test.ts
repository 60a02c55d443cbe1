import Fastify from 'fastify';
import { installJsonBodyParser } from '../jsonBody';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('installJsonBodyParser', () => {
    it('remembers a validated body no longer than rememberMs, so identity values do not outlive the cards', async () => {
        const app = Fastify();
        let validations = 0;
        installJsonBodyParser(app, {
            validated: {
                '/lookup': (body) => {
                    validations++;
                    return Object.freeze(body);
                }
            },
            rememberMs: 1000
        });
        app.post('/lookup', async (request) => request.body);
        const post = () =>
            app.inject({
                method: 'POST',
                url: '/lookup',
                headers: { 'content-type': 'application/json' },
                payload: '{"email":"jane.doe@example.com"}'
            });
        try {
            expect((await post()).json()).toEqual({ email: 'jane.doe@example.com' });
            await post();
            expect(validations).toBe(1);
            await sleep(1100);
            expect((await post()).statusCode).toBe(200);
            expect(validations).toBe(2);
        } finally {
            await app.close();
        }
    });
});
