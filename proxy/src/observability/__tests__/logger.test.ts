import { Writable } from 'node:stream';
import { createLogger, redactNested } from '../logger';

function capture() {
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({
        write(chunk: Buffer, _enc, done) {
            lines.push(JSON.parse(chunk.toString('utf8')));
            done();
        }
    });
    return { logger: createLogger('info', sink), lines };
}

describe('proxy logger', () => {
    it('censors credential headers and identity values at the top of a line', () => {
        const { logger, lines } = capture();
        logger.info(
            {
                headers: { authorization: 'Bearer abc.def.ghi', 'x-proxy-key': 'k-123', accept: 'application/json' },
                record: { objectApiName: 'Contact', fields: { Email: 'jane.doe@example.com' } },
                identities: [{ namespace: 'Email', value: 'jane.doe@example.com' }],
                entityId: '+14155550123',
                maskedValue: 'j•••@example.com',
                access_token: 'eyJ-token'
            },
            'line'
        );
        const line = lines[0]!;
        expect(line.headers).toEqual({ authorization: '[redacted]', 'x-proxy-key': '[redacted]', accept: 'application/json' });
        expect(line.record).toEqual({ objectApiName: 'Contact', fields: '[redacted]' });
        expect(line).toMatchObject({
            identities: '[redacted]',
            entityId: '[redacted]',
            maskedValue: '[redacted]',
            access_token: '[redacted]'
        });
    });

    it('censors secrets and identity values one level down under any key, without touching the caller objects', () => {
        const { logger, lines } = capture();
        const upstream = { access_token: 'eyJ-token', client_secret: 's3cret', entityId: 'jane.doe@example.com', status: 200 };
        const request = { record: { objectApiName: 'Lead', fields: { Phone: '+14155550123' } }, profileId: 'XID-1' };
        logger.warn({ upstream, request, list: [1, 2] }, 'nested');
        expect(lines[0]).toMatchObject({
            upstream: { access_token: '[redacted]', client_secret: '[redacted]', entityId: '[redacted]', status: 200 },
            request: { record: { objectApiName: 'Lead', fields: '[redacted]' }, profileId: 'XID-1' },
            list: [1, 2]
        });
        expect(upstream.access_token).toBe('eyJ-token');
        expect(request.record.fields.Phone).toBe('+14155550123');
    });

    it('scrubs emails and phone numbers from error messages and censors secret properties of errors', () => {
        const { logger, lines } = capture();
        const err = Object.assign(new Error('no profile for jane.doe@example.com or +1 415 555 0123 (at ?entityId=abc &limit=1)'), {
            sharedSecret: 'xyz'
        });
        logger.error({ err }, 'failed');
        const logged = lines[0]!.err as Record<string, unknown>;
        expect(logged.message).toBe('no profile for [email] or [number] (at ?entityId=[id] &limit=1)');
        expect(logged.sharedSecret).toBe('[redacted]');
        expect(JSON.stringify(lines[0])).not.toMatch(/jane\.doe|4155550123|xyz/);
    });

    it('passes a line of plain facts (the audit line) through unchanged', () => {
        const facts = {
            audit: true,
            agentId: '0058c00000AgentAAA',
            objectType: 'Contact',
            recordId: '0038c00002JaneDAAR',
            outcome: 'OK',
            matchedNamespace: 'Email'
        };
        expect(redactNested(facts)).toBe(facts);
        const { logger, lines } = capture();
        logger.child({ requestId: 'r-1' }).info(facts, 'profile look-up');
        expect(lines[0]).toMatchObject({ ...facts, requestId: 'r-1', msg: 'profile look-up', level: 'info' });
    });
});
