import {
    aepEnvFor,
    generateDataset,
    startEmulator,
    LayeredDataset,
    type AepEnv,
    type GeneratedDataset,
    type RunningEmulator
} from '../../../proxy/emulator/src/index';
import { HEAVY_IDENTITIES, heavyProfileDataset } from './heavyProfile';
import type { RouteCounts } from './upstreamStats';

/** The emulator as the scenarios use it: generated customers, latency switch, per-group call counts. */
export interface BenchEmulator {
    /** The `AEP_*` settings that point a proxy at this emulator. */
    readonly aepEnv: AepEnv;
    setLatency(ms: number): Promise<void>;
    /** Cumulative calls per route group (ims, entities, events, identity, mergePolicies, audiences). */
    stats(): RouteCounts;
    /**
     * The look-up body Apex would send for generated customer n: by default a Lead (Email, Phone; the
     * proxy's default mapping). 'contact' sends a Contact whose Id is not the customer's CRMID in AEP
     * (generated CRMIDs are BENCH-nnnnnnn), so the Id candidate finds nothing.
     */
    lookupBody(n: number, extra?: { maxEvents?: number }, record?: RecordKind): unknown;
    /** Identity values of generated customer n (as the emulator's generator defines them). */
    identities(n: number): { email: string; phone: string; crmId: string };
    /** The size scenario's customer (1,000 events, 200 audiences). */
    heavyLookupBody(extra?: { maxEvents?: number }): unknown;
    close(): Promise<void>;
}

export type RecordKind = 'lead' | 'contact';

export interface BenchDatasetSpec {
    seed: number;
    profiles: number;
    eventsPerProfile: number;
    heavyEvents: number;
    heavyAudiences: number;
}

export async function startBenchEmulator(spec: BenchDatasetSpec): Promise<BenchEmulator> {
    const generated: GeneratedDataset = generateDataset({
        seed: spec.seed,
        profiles: spec.profiles,
        eventsPerProfile: spec.eventsPerProfile
    });
    const emulator: RunningEmulator = await startEmulator({
        dataset: new LayeredDataset([generated, heavyProfileDataset(spec.heavyEvents, spec.heavyAudiences)])
    });
    return {
        aepEnv: aepEnvFor(emulator),
        async setLatency(ms) {
            emulator.faults.clear();
            if (ms > 0) emulator.faults.set({ group: 'all', action: { type: 'latency', ms }, mode: { type: 'always' } });
        },
        stats: () => ({ ...(emulator.stats().byGroup as RouteCounts) }),
        lookupBody(n, extra = {}, record = 'lead') {
            const ids = generated.identitiesOf(n);
            const fields = { Email: ids.email, Phone: ids.phone };
            return record === 'lead'
                ? { record: { objectApiName: 'Lead', recordId: salesforceId('00Q', n), fields }, ...extra }
                : {
                      record: {
                          objectApiName: 'Contact',
                          recordId: salesforceId('003', n),
                          fields: { Id: salesforceId('003', n), ...fields }
                      },
                      ...extra
                  };
        },
        identities: (n) => generated.identitiesOf(n),
        heavyLookupBody(extra = {}) {
            return { record: { objectApiName: 'Lead', recordId: '00Q8c00000HeavY', fields: { Email: HEAVY_IDENTITIES.email } }, ...extra };
        },
        close: () => emulator.close()
    };
}

/** A 15-character record Id per customer (the proxy turns a Contact's into the 18-character CRMID form). */
function salesforceId(prefix: string, n: number): string {
    return `${prefix}8c${String(n).padStart(10, '0')}`;
}
