/**
 * A third reference for the cache-hit scenario: fastify alone (fastifyBaseline.ts) plus the duties a cache hit
 * may not drop (issue 15: auth, the audit line, metrics; and the request id every answer carries), each done the
 * plain way with the libraries the proxy uses: the shared secret compared in constant time over sha256 digests
 * (node:crypto), one pino JSON line per request to stdout through an asynchronous destination, one prom-client
 * histogram observation, the X-Request-Id echoed. No identity work, no cache, no load shedding, no body
 * deadlines. Set against fastify alone, it shows what those duties cost by themselves on this machine; set against
 * the proxy, how much the proxy's own work adds on top of them.
 */
import { hash, randomUUID, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import Fastify, { LogController, type FastifyBaseLogger } from 'fastify';
import pino from 'pino';
import { Histogram, Registry } from 'prom-client';
import { BENCH_AGENT_ID, BENCH_SHARED_SECRET } from '../infra/proxyInstance';
import { listenForBench, serveFixedResponse } from './fixedResponse';

const response = serveFixedResponse();
const expectedKey = hash('sha256', BENCH_SHARED_SECRET, 'buffer');
const durations = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'request duration',
    labelNames: ['route', 'method', 'status'],
    registers: [new Registry()]
}).labels({ route: '/v1/profiles/lookup', method: 'POST', status: '200' });

const app = Fastify({
    loggerInstance: pino({ base: { service: 'bench-reference' } }, pino.destination({ dest: 1, sync: false })) as FastifyBaseLogger,
    logController: new LogController({ disableRequestLogging: true, requestIdLogLabel: 'requestId' }),
    genReqId: (req: IncomingMessage) => {
        const given = req.headers['x-request-id'];
        return typeof given === 'string' && given.length > 0 ? given : randomUUID();
    },
    bodyLimit: 16 * 1024
});
app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    const key = request.headers['x-proxy-key'];
    if (typeof key !== 'string' || !timingSafeEqual(hash('sha256', key, 'buffer'), expectedKey)) {
        void reply.code(401).send({ error: 'unauthorised' });
        return;
    }
    done();
});
app.addHook('onResponse', (request, reply, done) => {
    durations.observe(reply.elapsedTime / 1000);
    const agent = request.headers['x-agent-id'];
    request.log.info(
        {
            audit: true,
            agentId: agent === BENCH_AGENT_ID ? agent : 'unrecognised',
            callerAuth: 'shared-secret',
            objectType: 'Lead',
            recordId: null,
            outcome: 'OK',
            matchedNamespace: 'email',
            source: 'cache',
            status: reply.statusCode,
            ms: Math.round(reply.elapsedTime * 10) / 10
        },
        'profile look-up'
    );
    done();
});
app.post('/v1/profiles/lookup', async (request, reply) => {
    if (typeof request.body !== 'object' || request.body === null) return reply.code(400).send({ error: 'body' });
    return reply.header('cache-control', 'no-store').header('content-type', response.contentType).send(response.body);
});

listenForBench(app);
