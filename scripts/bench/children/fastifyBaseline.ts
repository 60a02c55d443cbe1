/**
 * A second reference for the cache-hit scenario: the proxy's HTTP framework (fastify, as the proxy
 * configures it: no request logging here) with one POST route that parses the JSON body and answers the
 * same fixed bytes. Between the bare node:http limit and the proxy, it separates framework cost from the
 * proxy's own per-request work (auth, validation, identity normalisation, cache key, logging, metrics).
 */
import Fastify from 'fastify';
import { listenForBench, serveFixedResponse } from './fixedResponse';

const response = serveFixedResponse();

const app = Fastify({ logger: false, bodyLimit: 16 * 1024 });
app.post('/v1/profiles/lookup', async (request, reply) => {
    if (typeof request.body !== 'object' || request.body === null) return reply.code(400).send({ error: 'body' });
    return reply.header('content-type', response.contentType).send(response.body);
});

listenForBench(app);
