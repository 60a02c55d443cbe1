import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { metricSamples } from '../infra/metricSamples';

/** The bench reads the proxy's counters through metricSamples: what it takes from Prometheus text, and what not. */
describe('metricSamples', () => {
    let server: Server;
    let url: string;
    const text = [
        '# HELP proxy_warmed_records_total Records warmed.',
        '# TYPE proxy_warmed_records_total counter',
        'proxy_warmed_records_total{outcome="OK"} 7',
        'proxy_warmed_records_total{outcome="PROFILE_NOT_FOUND"} 2',
        'proxy_warmed_records_total_extra{outcome="OK"} 100',
        'proxy_upstream_calls_total{target="profile",status="200"} 12.5',
        'proxy_uptime 3',
        ''
    ].join('\n');

    beforeAll(async () => {
        server = createServer((_req, res) => res.end(text));
        await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
        url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise((r) => server.close(r)));

    it('returns each sample of the named metric with its labels, and nothing of metrics that only share its prefix', async () => {
        await expect(metricSamples(url, 'proxy_warmed_records_total')).resolves.toEqual([
            { labels: { outcome: 'OK' }, value: 7 },
            { labels: { outcome: 'PROFILE_NOT_FOUND' }, value: 2 }
        ]);
        await expect(metricSamples(url, 'proxy_upstream_calls_total')).resolves.toEqual([
            { labels: { target: 'profile', status: '200' }, value: 12.5 }
        ]);
        await expect(metricSamples(url, 'proxy_uptime')).resolves.toEqual([{ labels: {}, value: 3 }]);
        await expect(metricSamples(url, 'proxy_missing')).resolves.toEqual([]);
    });
});
