import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Deployment } from 'kubernetes-models/apps/v1';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { Ingress, NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { ConfigMap, Service, type IContainer } from 'kubernetes-models/v1';
import { parseAllDocuments } from 'yaml';
import { memoryBound } from '../../../scripts/bench/report/memoryBound';
import { CONFIG_VARIABLES, loadConfig } from '../../src/index';

/**
 * The manifests of proxy/deploy/kubernetes/, checked offline: every object against Kubernetes' own schemas
 * (kubernetes-models 4.5.1: the OpenAPI schemas of Kubernetes 1.33, compiled with ajv), then what ties them to the
 * proxy: the ConfigMap is a valid proxy configuration, the probes are the documented ones, the resources cover the
 * memory bound of those settings, the autoscaler's ceiling is the instances the AEP budget is shared by, and only
 * the look-up is routed from outside.
 */
const DIR = join(__dirname, '..', 'kubernetes');

type Manifest = { apiVersion?: string; kind?: string; metadata?: { name?: string }; [k: string]: unknown };

/** A model per kind the manifests may use; anything else is refused, so a typo in apiVersion or kind fails too. */
const MODELS: Record<string, new (data: never) => { validate(): void }> = {
    'v1/ConfigMap': ConfigMap,
    'v1/Service': Service,
    'apps/v1/Deployment': Deployment,
    'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
    'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
    'networking.k8s.io/v1/NetworkPolicy': NetworkPolicy,
    'networking.k8s.io/v1/Ingress': Ingress
};

interface Loaded {
    file: string;
    doc: Manifest;
}

/** Every YAML document under `dir`, and the problems found: YAML errors and schema violations, each naming its file. */
function validateManifests(dir: string): { manifests: Loaded[]; problems: string[] } {
    const manifests: Loaded[] = [];
    const problems: string[] = [];
    for (const file of readdirSync(dir).filter((f) => /\.ya?ml$/.test(f))) {
        for (const document of parseAllDocuments(readFileSync(join(dir, file), 'utf8'))) {
            if (document.errors.length > 0) {
                problems.push(`${file}: ${document.errors.map((e) => e.message).join('; ')}`);
                continue;
            }
            const doc = document.toJS() as Manifest | null;
            if (doc === null) continue;
            const type = `${doc.apiVersion}/${doc.kind}`;
            const Model = MODELS[type];
            if (!Model) {
                problems.push(`${file}: no Kubernetes schema for ${type}`);
                continue;
            }
            try {
                new Model(doc as never).validate();
                manifests.push({ file, doc });
            } catch (err) {
                problems.push(`${file}: ${doc.kind} ${doc.metadata?.name ?? '?'}: ${(err as Error).message}`);
            }
        }
    }
    return { manifests, problems };
}

describe('Kubernetes manifests (proxy/deploy/kubernetes/)', () => {
    const { manifests, problems } = validateManifests(DIR);
    const one = <T>(kind: string, name: string): T => {
        const found = manifests.find((m) => m.doc.kind === kind && m.doc.metadata?.name === name);
        if (!found) throw new Error(`no ${kind} ${name}`);
        return found.doc as T;
    };
    const PROXY = 'customer-activity-hub-proxy';

    it("every object is valid against Kubernetes' schemas", () => {
        expect(problems).toEqual([]);
        expect(manifests.map((m) => `${m.doc.kind}/${m.doc.metadata?.name}`).sort()).toEqual(
            [
                `ConfigMap/${PROXY}`,
                `Deployment/${PROXY}`,
                `HorizontalPodAutoscaler/${PROXY}`,
                `Ingress/${PROXY}`,
                `NetworkPolicy/${PROXY}`,
                `PodDisruptionBudget/${PROXY}`,
                `Service/${PROXY}`,
                'Deployment/customer-activity-hub-redis',
                'NetworkPolicy/customer-activity-hub-redis',
                'Service/customer-activity-hub-redis'
            ].sort()
        );
    });

    it('fails a broken copy, naming the file and the field', () => {
        const broken = mkdtempSync(join(tmpdir(), 'cah-k8s-'));
        cpSync(DIR, broken, { recursive: true });
        const file = join(broken, 'proxy-deployment.yaml');
        writeFileSync(file, readFileSync(file, 'utf8').replace('containerPort: 8787', "containerPort: 'eighty-seven'"));
        writeFileSync(join(broken, 'extra.yaml'), 'apiVersion: apps/v1\nkind: Deploymnet\nmetadata: { name: typo }\n');
        const result = validateManifests(broken);
        expect(result.problems).toEqual([
            expect.stringMatching(/^extra\.yaml: no Kubernetes schema for apps\/v1\/Deploymnet$/),
            expect.stringMatching(/^proxy-deployment\.yaml: Deployment customer-activity-hub-proxy: .*containerPort must be integer/)
        ]);
    });

    const deployment = () => one<Deployment>('Deployment', PROXY);
    const container = (): IContainer => deployment().spec!.template.spec!.containers[0]!;
    const configMap = () => one<ConfigMap>('ConfigMap', PROXY).data!;

    it('configures the proxy with variables it reads, into a configuration it accepts', () => {
        const fromSecret = (container().env ?? []).map((e) => e.name);
        for (const name of [...Object.keys(configMap()), ...fromSecret]) expect(CONFIG_VARIABLES).toContain(name);
        // The Secret's values stand in: what matters is that the ConfigMap's settings pass the proxy's own checks.
        const config = loadConfig({
            ...configMap(),
            AEP_CLIENT_ID: 'client',
            AEP_CLIENT_SECRET: 'secret',
            AEP_ORG_ID: 'ABC123@AdobeOrg',
            PROXY_SHARED_SECRET: 'a-long-enough-shared-secret'
        });
        expect(config.cache.redisUrl).toMatch(/^redis:\/\/customer-activity-hub-redis:6379$/);
        expect(container().env?.every((e) => e.valueFrom?.secretKeyRef?.name === PROXY)).toBe(true);
    });

    it('probes as proxy/deploy/README.md documents, on the port the image listens on', () => {
        const c = container();
        expect(c.ports).toEqual([{ name: 'http', containerPort: 8787, protocol: 'TCP' }]);
        expect(c.livenessProbe).toMatchObject({ httpGet: { path: '/healthz', port: 'http' }, periodSeconds: 10, failureThreshold: 3 });
        expect(c.readinessProbe).toMatchObject({ httpGet: { path: '/readyz', port: 'http' }, periodSeconds: 5, failureThreshold: 2 });
        expect(c.startupProbe).toMatchObject({ httpGet: { path: '/readyz', port: 'http' }, periodSeconds: 1, failureThreshold: 30 });
        // The image's command runs the build output; the manifest must not replace it.
        expect(c.command).toBeUndefined();
        expect(c.args).toBeUndefined();
        // preStop's sleep plus the proxy's 10 s drain fit in the grace period.
        const sleep = Number(c.lifecycle?.preStop?.exec?.command?.[1]);
        expect(sleep + 10).toBeLessThanOrEqual(deployment().spec!.template.spec!.terminationGracePeriodSeconds!);
    });

    it('gives the memory bound of its settings room below the limit, and sheds look-ups in between', () => {
        const settings = configMap();
        const MiB = 1024 * 1024;
        // RSS of an empty instance as bench scenario 5 measures it (bench/results/latest.md), rounded up.
        const bound = memoryBound({
            rssEmptyBytes: 170 * MiB,
            cachedCardBytes: Number(settings.CACHE_MAX_BYTES),
            maxConcurrentLookups: Number(settings.PROXY_MAX_CONCURRENT_LOOKUPS),
            lookupQueue: Number(settings.PROXY_LOOKUP_QUEUE),
            maxConnections: Number(settings.PROXY_MAX_CONNECTIONS)
        }).totalBytes;
        const limit = container().resources!.limits!.memory;
        expect(limit).toMatch(/^\d+Mi$/);
        const limitBytes = parseInt(String(limit), 10) * MiB;
        const shedAt = Number(settings.PROXY_MAX_RSS_BYTES);
        expect(bound).toBeLessThan(shedAt);
        expect(shedAt).toBeLessThan(limitBytes);
        expect(container().resources!.requests!.memory).toBe(limit);
    });

    it("scales on CPU up to the number of instances the AEP budget's fallback share is computed for", () => {
        const hpa = one<HorizontalPodAutoscaler>('HorizontalPodAutoscaler', PROXY);
        expect(hpa.spec!.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: PROXY });
        expect(hpa.spec!.metrics?.map((m) => m.resource?.name)).toEqual(['cpu']);
        expect(String(hpa.spec!.maxReplicas)).toBe(configMap().PROXY_EXPECTED_INSTANCES);
        expect(hpa.spec!.minReplicas).toBeGreaterThanOrEqual(2);
    });

    it('selects the same pods everywhere, and keeps all but the look-up internal', () => {
        const labels = deployment().spec!.template.metadata!.labels!;
        const selects = (selector: Record<string, string> | undefined) =>
            Object.entries(selector ?? {}).every(([k, v]) => labels[k] === v) && Object.keys(selector ?? {}).length > 0;
        expect(selects(deployment().spec!.selector.matchLabels)).toBe(true);
        expect(selects(one<Service>('Service', PROXY).spec!.selector)).toBe(true);
        expect(selects(one<PodDisruptionBudget>('PodDisruptionBudget', PROXY).spec!.selector!.matchLabels)).toBe(true);
        expect(selects(one<NetworkPolicy>('NetworkPolicy', PROXY).spec!.podSelector.matchLabels)).toBe(true);
        expect(one<Service>('Service', PROXY).spec!.type).toBe('ClusterIP');

        const ingress = one<Ingress>('Ingress', PROXY);
        const paths = ingress.spec!.rules!.flatMap((r) => r.http!.paths);
        expect(paths.map((p) => [p.path, p.pathType, p.backend.service?.name])).toEqual([['/v1/profiles/lookup', 'Exact', PROXY]]);
        expect(ingress.spec!.tls?.length).toBe(1);

        const policy = one<NetworkPolicy>('NetworkPolicy', PROXY).spec!;
        expect(policy.policyTypes).toEqual(['Ingress', 'Egress']);
        expect(policy.ingress?.flatMap((r) => r.from ?? []).every((peer) => peer.namespaceSelector && !peer.ipBlock)).toBe(true);
        const redisPolicy = one<NetworkPolicy>('NetworkPolicy', 'customer-activity-hub-redis').spec!;
        expect(redisPolicy.ingress?.flatMap((r) => r.from ?? [])).toEqual([
            { podSelector: { matchLabels: { 'app.kubernetes.io/name': PROXY } } }
        ]);
    });
});
