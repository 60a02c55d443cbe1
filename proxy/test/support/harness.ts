import { Writable } from 'node:stream';
import type { LightMyRequestResponse } from 'fastify';
import { buildProxyStack } from '../../../scripts/stack/proxyStack';
import type { EmulatorOptions, OrgKey, RunningEmulator } from '../../emulator/src/index';
import { createLogger, createMetrics, type BuiltProxy, type OutgoingRequest, type ProxyConfig } from '../../src/index';

export const PROXY_KEY = 'integration-test-proxy-key-0123456789';

export interface Harness {
    emulator: RunningEmulator;
    proxy: BuiltProxy;
    config: ProxyConfig;
    /** Every log line the proxy wrote (JSON text). */
    logs: string[];
    /** Every request the proxy sent to AEP. */
    upstream: OutgoingRequest[];
    /** Headers merge over the defaults; an undefined value removes a default (e.g. the proxy key). */
    lookup(body: unknown, headers?: Record<string, string | undefined>): Promise<LightMyRequestResponse>;
    close(): Promise<void>;
}

export interface HarnessOptions {
    env?: Record<string, string>;
    emulator?: EmulatorOptions;
    org?: OrgKey;
}

/** The real emulator (latency 0) and a proxy built against it (scripts/stack/proxyStack.ts), driven through fastify's inject. */
export async function startHarness(opts: HarnessOptions = {}): Promise<Harness> {
    const logs: string[] = [];
    const upstream: OutgoingRequest[] = [];
    const sink = new Writable({
        write(chunk: Buffer, _enc, done) {
            logs.push(chunk.toString('utf8'));
            done();
        }
    });
    const { emulator, config, proxy, close } = await buildProxyStack({
        env: {
            PROXY_SHARED_SECRET: PROXY_KEY,
            PROXY_LOG_LEVEL: 'info',
            AEP_RETRY_BASE_DELAY_MS: '5',
            AEP_RETRY_MAX_DELAY_MS: '20',
            ...opts.env
        },
        emulator: opts.emulator,
        org: opts.org,
        deps: {
            logger: createLogger('info', sink),
            metrics: createMetrics({ defaultMetrics: false }),
            onUpstreamRequest: (r) => upstream.push(r)
        }
    });
    return {
        emulator,
        proxy,
        config,
        logs,
        upstream,
        lookup: (body, headers = {}) =>
            proxy.app.inject({
                method: 'POST',
                url: '/v1/profiles/lookup',
                headers: definedHeaders({
                    'content-type': 'application/json',
                    'x-proxy-key': PROXY_KEY,
                    'x-agent-id': '0058c00000AgentAAA',
                    ...headers
                }),
                payload: typeof body === 'string' ? body : JSON.stringify(body)
            }),
        close
    };
}

function definedHeaders(headers: Record<string, string | undefined>): Record<string, string> {
    return Object.fromEntries(Object.entries(headers).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

/** The demo records (scripts/preview/crm/records.json), as Apex sends them. */
export const RECORDS = {
    janeContact: {
        objectApiName: 'Contact',
        recordId: '0038c00002JaneDAAR',
        fields: { Email: 'jane.doe@example.com', Phone: '(415) 555-0123', Id: '0038c00002JaneDAAR' }
    },
    janeByEmail: { objectApiName: 'Contact', recordId: '0038c00002JaneDAAR', fields: { Email: 'Jane.Doe@Example.com ' } },
    householdCase: { objectApiName: 'Case', recordId: '5008c00001CsHouAAF', fields: { SuppliedPhone: '(415) 555-0188' } },
    unknownLead: { objectApiName: 'Lead', recordId: '00Q8c00000UnKnwEAF', fields: { Email: 'unknown.person@example.com' } },
    kenjiLead: {
        objectApiName: 'Lead',
        recordId: '00Q8c00000KSatoEAD',
        fields: { Email: 'kenji.sato@example.com', Phone: '+81 90-1234-5678' }
    },
    janeCase: {
        objectApiName: 'Case',
        recordId: '5008c00001CsJanAAF',
        fields: { 'Contact.Email': 'jane.doe@example.com', 'Contact.Phone': '(415) 555-0123', 'Contact.Id': '0038c00002JaneDAAR' }
    },
    garyContact: { objectApiName: 'Contact', recordId: '0038c00002GaryGAAR', fields: { Email: 'graph.heavy@example.com' } }
} as const;

export function json(res: LightMyRequestResponse): any {
    return JSON.parse(res.body);
}
