import { MergePolicy, MergePolicyList } from '../contract/aepMetadata';
import { SingleFlight } from '../lib/singleFlight';
import { AepCallError } from './aepCallError';
import type { Budget } from './budget';
import type { PlatformClient } from './platformClient';

export interface ResolvedMergePolicy {
    id: string;
    name: string | null;
}

/**
 * The merge policy sent on every look-up. Adobe "highly recommends" sending mergePolicyId: without it a
 * sandbox lacking a default policy answers 422 (https://experienceleague.adobe.com/en/docs/experience-platform/profile/api/entities). When AEP_MERGE_POLICY_ID is not
 * set, the default profile policy is looked up once at start and kept.
 */
export class MergePolicyResolver {
    private resolved: ResolvedMergePolicy | null = null;
    /** Look-ups arriving before the first resolution completes share its one request. */
    private readonly resolutions = new SingleFlight<ResolvedMergePolicy>();

    constructor(
        private readonly platform: PlatformClient,
        private readonly configuredId: string | null,
        private readonly timeoutMs: number
    ) {}

    get current(): ResolvedMergePolicy | null {
        return this.resolved;
    }

    async resolve(budget: Budget): Promise<ResolvedMergePolicy> {
        if (this.resolved) return this.resolved;
        return this.resolutions.share('policy', async () => {
            this.resolved = await (this.configuredId ? this.byId(this.configuredId, budget) : this.defaultPolicy(budget));
            return this.resolved;
        });
    }

    private async defaultPolicy(budget: Budget): Promise<ResolvedMergePolicy> {
        const res = await this.platform.request({
            upstream: 'mergePolicies',
            method: 'GET',
            host: 'platform',
            path: '/data/core/ups/config/mergePolicies',
            query: new URLSearchParams({ 'schema.name': '_xdm.context.profile', default: 'true' }),
            timeoutMs: this.timeoutMs,
            budget
        });
        const list = MergePolicyList.safeParse(res.body);
        if (!list.success) throw new AepCallError('mergePolicies', 'malformed', 'mergePolicies: unexpected list shape');
        const policy = list.data.children.find((p) => p.default === true) ?? list.data.children[0];
        if (!policy) {
            throw new AepCallError(
                'mergePolicies',
                'http',
                'mergePolicies: the sandbox has no default profile merge policy; set AEP_MERGE_POLICY_ID',
                { status: 404 }
            );
        }
        return { id: policy.id, name: policy.name ?? null };
    }

    /** A configured id is trusted; its name is fetched for the card but a failure there is not fatal. */
    private async byId(id: string, budget: Budget): Promise<ResolvedMergePolicy> {
        try {
            const res = await this.platform.request({
                upstream: 'mergePolicies',
                method: 'GET',
                host: 'platform',
                path: `/data/core/ups/config/mergePolicies/${encodeURIComponent(id)}`,
                timeoutMs: this.timeoutMs,
                budget
            });
            const p = MergePolicy.safeParse(res.body);
            return { id, name: p.success ? (p.data.name ?? null) : null };
        } catch (err) {
            if (err instanceof AepCallError && err.kind === 'http' && err.status === 404) {
                throw new AepCallError('mergePolicies', 'http', 'mergePolicies: AEP_MERGE_POLICY_ID does not exist in this sandbox', {
                    status: 404
                });
            }
            return { id, name: null };
        }
    }
}
