import fs from 'node:fs';
import path from 'node:path';
import { FIXED_FETCHED_AT } from '../fixtures/generateLwcFixtures';
import { NO_STITCHING_POLICY_ID } from '../../proxy/emulator/src/index';
import { startProxyStack, type ProxyStack, type ProxyStackOptions } from '../stack/proxyStack';

/**
 * Generates the Apex tests' proxy answers from REAL output: the AEP emulator and the proxy run in-process and are
 * asked exactly what ProfileProxyClient asks for the demo records (same body, same headers). Written to
 * the static resource CustomerProfileTestFixtures, which ProfileTestFactory reads. Run
 * `npx tsx scripts/sfdx/generateApexFixtures.ts` after changing the proxy or the card model;
 * scripts/sfdx/__tests__/apexContract.test.ts fails while they differ.
 */
export const FIXTURE_FILE = path.resolve(__dirname, '../../force-app/main/default/staticresources/CustomerProfileTestFixtures.json');

const SHARED_SECRET = 'apex-fixture-generator-shared-secret-0123';
const AGENT_USER_ID = '0058c00000AgentAAA';
const AEP_UI_TEMPLATE = 'https://experience.adobe.com/#/@acmetelco/sname:prod/platform/profile/browse/{profileId}';

/** What ProfileIdentityFieldReader reads for the demo records with the shipped Profile_Identity_Field__mdt. */
const REQUESTS = {
    /**
     * Contact Jane Doe: 200 with the card, as an agent holding View_Sensitive_Profile_Fields gets it (the Apex
     * tests need sensitive values, to show them to that agent and to prove the filter removes them for others).
     */
    card: {
        record: {
            objectApiName: 'Contact',
            recordId: '0038c00002JaneDAAR',
            fields: { Email: 'jane.doe@example.com', Phone: '(415) 555-0123', MobilePhone: null, Id: '0038c00002JaneDAAR' }
        },
        maxEvents: 10,
        includeSensitive: true
    },
    /**
     * Case of the Rivera household (no contact, shared web phone). AEP collapsed Sam and Alex into one profile: 200
     * with `match.collapse` (collapsed); under a merge policy without identity stitching: 409 AMBIGUOUS_PROFILE.
     */
    household: {
        record: {
            objectApiName: 'Case',
            recordId: '5008c00001CsHouAAF',
            fields: {
                SuppliedEmail: null,
                SuppliedPhone: '(415) 555-0188',
                'Contact.Email': null,
                'Contact.Phone': null,
                'Contact.MobilePhone': null,
                'Contact.Id': null
            }
        },
        maxEvents: 10
    },
    /** Contact whose identity graph is over AEP's 50-identity limit: 422 IDENTITY_GRAPH_TOO_LARGE. */
    graphTooLarge: {
        record: {
            objectApiName: 'Contact',
            recordId: '0038c00002GaryGAAR',
            fields: { Email: 'graph.heavy@example.com', Phone: null, MobilePhone: null, Id: '0038c00002GaryGAAR' }
        },
        maxEvents: 10
    },
    /** Lead with an email nobody has: 404 PROFILE_NOT_FOUND. */
    notFound: {
        record: {
            objectApiName: 'Lead',
            recordId: '00Q8c00000UnKnwEAF',
            fields: { Email: 'unknown.person@example.com', Phone: null, MobilePhone: null }
        },
        maxEvents: 10
    },
    /**
     * The warm request ProfileCardWarmer sends for one new Case with a web email, byte for byte as the Apex builds it
     * with ProfileCardWarmer_Tests' identity fields (the test compares its own body with this one): 202.
     */
    warm: {
        records: [
            {
                objectApiName: 'Case',
                recordId: '5008c00001CsJanAAF',
                fields: { SuppliedEmail: 'jane.doe@example.com', SuppliedPhone: null, 'Contact.Email': null }
            }
        ],
        maxEvents: 10,
        includeSensitive: false
    }
} as const;

export interface ApexFixture {
    status: number;
    body: unknown;
    /** The request that was answered, where the Apex tests check what they send against it. */
    request?: unknown;
}

async function ask(url: string, path: string, body: unknown): Promise<ApexFixture> {
    const response = await fetch(`${url}${path}`, {
        method: 'POST',
        headers: {
            'Content-Type': 'application/json',
            Accept: 'application/json',
            'X-Proxy-Key': SHARED_SECRET,
            'X-Agent-Id': AGENT_USER_ID,
            'X-Request-Id': 'apex-fixture'
        },
        body: JSON.stringify(body)
    });
    const json = (await response.json()) as Record<string, unknown>;
    return { status: response.status, body: pin(json) };
}

/** fetchedAt and request ids change from run to run; fixtures carry fixed values. */
function pin(json: Record<string, unknown>): Record<string, unknown> {
    const freshness = json.freshness as { fetchedAt?: string } | undefined;
    if (freshness?.fetchedAt) freshness.fetchedAt = FIXED_FETCHED_AT;
    const error = json.error as { requestId?: string } | undefined;
    if (error?.requestId) error.requestId = 'apex-fixture';
    return json;
}

/** Fixture name -> the request and the AEP it is asked of (the default org, one without stitching, a Prime org). */
const FIXTURES = {
    card: { request: 'card', aep: {} },
    collapsed: { request: 'household', aep: {} },
    ambiguous: { request: 'household', aep: { env: { AEP_MERGE_POLICY_ID: NO_STITCHING_POLICY_ID } } },
    notFound: { request: 'notFound', aep: {} },
    graphTooLarge: { request: 'graphTooLarge', aep: {} },
    notEntitled: { request: 'card', aep: { org: 'prime' } },
    warmAccepted: { request: 'warm', aep: {}, path: '/v1/profiles/warm' }
} satisfies Record<string, { request: keyof typeof REQUESTS; aep: ProxyStackOptions; path?: string }>;

export type FixtureName = keyof typeof FIXTURES;

export async function generateApexFixtures(): Promise<Record<FixtureName, ApexFixture>> {
    const out: Partial<Record<FixtureName, ApexFixture>> = {};
    // One stack per AEP (three, not one per fixture); fixtures are asked in their order above, each for a record no
    // earlier fixture on the same stack looked up, and the warm request (answered 202 at once) comes last.
    const stacks = new Map<string, ProxyStack>();
    const stackFor = async (aep: ProxyStackOptions): Promise<ProxyStack> => {
        const key = JSON.stringify(aep);
        let stack = stacks.get(key);
        if (!stack) {
            stack = await startProxyStack({
                ...aep,
                env: { PROXY_SHARED_SECRET: SHARED_SECRET, AEP_UI_PROFILE_URL_TEMPLATE: AEP_UI_TEMPLATE, ...('env' in aep ? aep.env : {}) }
            });
            stacks.set(key, stack);
        }
        return stack;
    };
    try {
        for (const [name, fixture] of Object.entries(FIXTURES) as Array<[FixtureName, (typeof FIXTURES)[FixtureName]]>) {
            const { request, aep } = fixture;
            const path = 'path' in fixture ? fixture.path : null;
            const stack = await stackFor(aep);
            out[name] = path
                ? { ...(await ask(stack.proxy.url, path, REQUESTS[request])), request: REQUESTS[request] }
                : await ask(stack.proxy.url, '/v1/profiles/lookup', REQUESTS[request]);
        }
    } finally {
        await Promise.all([...stacks.values()].map((stack) => stack.close()));
    }
    return out as Record<FixtureName, ApexFixture>;
}

export function serialise(fixtures: Record<string, ApexFixture>): string {
    return `${JSON.stringify(fixtures, null, 4)}\n`;
}

async function main(): Promise<void> {
    fs.writeFileSync(FIXTURE_FILE, serialise(await generateApexFixtures()));
    process.stdout.write(`wrote ${path.relative(process.cwd(), FIXTURE_FILE)}\n`);
}

if (require.main === module) {
    main().catch((error: unknown) => {
        process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
        process.exit(1);
    });
}
