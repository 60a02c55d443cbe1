import { createHash } from 'node:crypto';
import type { AudienceRecord, Dataset, ExperienceEventRecord, IdentityRef, ProfileRecord } from './store/dataset';
import { identityKey } from './store/dataset';
import { deriveXid } from './store/xid';
import { mulberry32 } from './prng';
import {
    cartAdd,
    emailClicked,
    emailOpened,
    pageView,
    productView,
    purchase,
    sortByTime,
    type EventOwner,
    type Product
} from './seed/eventFactory';
import { buildProfile, type MembershipStatus, type PersonSeed } from './seed/profileBuilder';

/**
 * Deterministic benchmark data: N profiles with M events each, built on demand from (seed, index) so that
 * 100k profiles cost no memory until looked up. Same seed and options => byte-identical responses.
 * Identities of profile n: Email `user{n}@bench.example.com`, Phone `+1555{n:07}`, CRMID `BENCH-{n:07}`,
 * ECID `{28 seeded digits}{n:010}`.
 */
export interface GeneratorOptions {
    readonly seed: number;
    readonly profiles: number;
    readonly eventsPerProfile: number;
    /** Audiences to create (memberships are drawn from them); default 20. */
    readonly audiences?: number;
}

export interface GeneratedIdentities {
    readonly email: string;
    readonly phone: string;
    readonly crmId: string;
    readonly ecid: string;
}

const MAX_PROFILES = 10_000_000;
const AS_OF = Date.UTC(2026, 10, 20, 18, 0, 0);
const DAY = 86400000;
const FIRST = ['Ava', 'Liam', 'Mia', 'Noah', 'Zoe', 'Ethan', 'Ivy', 'Omar', 'Lena', 'Ravi', 'Sofia', 'Kai', 'Nora', 'Theo', 'Yuki', 'Ana'];
const LAST = ['Nguyen', 'Smith', 'Garcia', 'Kim', 'Patel', 'Müller', 'Rossi', 'Silva', 'Khan', 'Brown', 'Tanaka', 'Dubois', 'Novak', 'Ali'];
const TIERS = ['bronze', 'silver', 'gold', 'platinum'];
const PRODUCTS: Product[] = [
    { SKU: 'BENCH-ACC-001', name: 'USB-C Cable 2 m', priceTotal: 19.99 },
    { SKU: 'BENCH-ACC-002', name: 'Wireless Charger Pad', priceTotal: 49.0 },
    { SKU: 'BENCH-DEV-003', name: 'Phone Lite 128 GB', priceTotal: 429.0 },
    { SKU: 'BENCH-ACC-004', name: 'Rugged Case', priceTotal: 34.5 },
    { SKU: 'BENCH-HOME-005', name: 'Wi-Fi Extender', priceTotal: 79.99 }
];
const PAGES = [
    { name: 'Home', path: '/', section: 'home' },
    { name: 'Plans | Compare', path: '/plans', section: 'plans' },
    { name: 'Shop | Phones', path: '/shop/phones', section: 'shop' },
    { name: 'Support | Billing', path: '/support/billing', section: 'support' }
];

export function generateDataset(options: GeneratorOptions): GeneratedDataset {
    return new GeneratedDataset(options);
}

export class GeneratedDataset implements Dataset {
    readonly profileCount: number;
    private readonly eventsPerProfile: number;
    private readonly audienceList: AudienceRecord[];
    private readonly audienceIndex: Map<string, AudienceRecord>;
    private xidIndex?: Map<string, number>;

    constructor(private readonly options: GeneratorOptions) {
        if (!Number.isInteger(options.seed)) throw new Error('generator seed must be an integer');
        if (!Number.isInteger(options.profiles) || options.profiles < 0 || options.profiles > MAX_PROFILES) {
            throw new Error(`profiles must be an integer from 0 to ${MAX_PROFILES}`);
        }
        if (!Number.isInteger(options.eventsPerProfile) || options.eventsPerProfile < 0 || options.eventsPerProfile > 5000) {
            throw new Error('eventsPerProfile must be an integer from 0 to 5000 (AEP soft limit per profile)');
        }
        const audiences = options.audiences ?? 20;
        if (!Number.isInteger(audiences) || audiences < 0 || audiences > 4000)
            throw new Error('audiences must be an integer from 0 to 4000 (AEP sandbox guardrail)');
        this.profileCount = options.profiles;
        this.eventsPerProfile = options.eventsPerProfile;
        this.audienceList = Array.from({ length: audiences }, (_, i) => this.audienceAt(i));
        this.audienceIndex = new Map(this.audienceList.map((a) => [a.id, a]));
    }

    /** Identities of profile n, for benchmark clients. */
    identitiesOf(n: number): GeneratedIdentities {
        this.checkIndex(n);
        return {
            email: `user${n}@bench.example.com`,
            phone: `+1555${String(n).padStart(7, '0')}`,
            crmId: `BENCH-${String(n).padStart(7, '0')}`,
            ecid: `${this.digits(`ecid#${n}`, 28)}${String(n).padStart(10, '0')}`
        };
    }

    profileAt(n: number): ProfileRecord {
        return buildProfile(this.personAt(n));
    }

    findByIdentity(namespaceCode: string, id: string): readonly ProfileRecord[] {
        const n = this.indexOf(namespaceCode, id);
        return n === undefined ? [] : [this.profileAt(n)];
    }

    findByXid(xid: string): readonly ProfileRecord[] {
        // Built on first use only: XIDs are hashes, so look-up by XID needs an index (4 entries per profile).
        if (!this.xidIndex) {
            this.xidIndex = new Map();
            for (let n = 0; n < this.profileCount; n += 1) {
                for (const identity of this.identityRefs(n)) this.xidIndex.set(deriveXid(identity.namespace, identity.id), n);
            }
        }
        const n = this.xidIndex.get(xid);
        return n === undefined ? [] : [this.profileAt(n)];
    }

    /** Generated people share no identity: each record is its own component. */
    componentOf(record: ProfileRecord): readonly ProfileRecord[] {
        return [record];
    }

    eventsOf(profile: ProfileRecord): readonly ExperienceEventRecord[] {
        const crm = profile.identities.find((i) => i.namespace === 'CRMID');
        const n = crm ? this.indexOf('CRMID', crm.id) : undefined;
        return n === undefined ? [] : this.eventsAt(n);
    }

    audiences(): readonly AudienceRecord[] {
        return this.audienceList;
    }

    audienceById(id: string): AudienceRecord | undefined {
        return this.audienceIndex.get(id);
    }

    private indexOf(namespaceCode: string, id: string): number | undefined {
        const key = identityKey(namespaceCode, id);
        let match: RegExpExecArray | null = null;
        if (key.startsWith('email\u0000')) match = /^user(\d+)@bench\.example\.com$/.exec(id);
        else if (key.startsWith('phone\u0000')) match = /^\+1555(\d{7})$/.exec(id);
        else if (key.startsWith('crmid\u0000')) match = /^BENCH-(\d{7})$/.exec(id);
        else if (key.startsWith('ecid\u0000')) match = /^\d{28}(\d{10})$/.exec(id);
        if (!match) return undefined;
        const n = Number(match[1]);
        if (n >= this.profileCount) return undefined;
        // Exact round trip, so that e.g. a wrong ECID prefix or a non-canonical number does not match.
        const ids = this.identitiesOf(n);
        return [ids.email, ids.phone, ids.crmId, ids.ecid].includes(id) ? n : undefined;
    }

    private identityRefs(n: number): IdentityRef[] {
        const ids = this.identitiesOf(n);
        return [
            { namespace: 'CRMID', id: ids.crmId },
            { namespace: 'Email', id: ids.email },
            { namespace: 'Phone', id: ids.phone },
            { namespace: 'ECID', id: ids.ecid }
        ];
    }

    private personAt(n: number): PersonSeed {
        const ids = this.identitiesOf(n);
        const random = this.random(`person#${n}`);
        const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
        const firstName = pick(FIRST);
        const lastName = pick(LAST);
        const lifetimeValue = Math.round(random() * 2000000) / 100;
        const memberships: Array<readonly [string, MembershipStatus, string]> = [];
        const count = this.audienceList.length === 0 ? 0 : 1 + Math.floor(random() * Math.min(4, this.audienceList.length));
        const chosen = new Set<number>();
        while (chosen.size < count) chosen.add(Math.floor(random() * this.audienceList.length));
        for (const i of [...chosen].sort((a, b) => a - b)) {
            const status: MembershipStatus = random() < 0.8 ? 'realized' : 'exited';
            memberships.push([
                this.audienceList[i]!.id,
                status,
                new Date(AS_OF - Math.floor(random() * 30) * DAY).toISOString().replace('.000Z', 'Z')
            ]);
        }
        const churn = Math.floor(random() * 100);
        return {
            key: `bench-${this.options.seed}-${n}`,
            primary: { namespace: 'CRMID', id: ids.crmId },
            identities: this.identityRefs(n),
            tenant: '_acmetelco',
            entity: {
                person: {
                    name: { firstName, lastName, fullName: `${firstName} ${lastName}` },
                    birthDate: `19${50 + Math.floor(random() * 50)}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}`
                },
                personalEmail: { address: ids.email, primary: true, type: 'personal', status: 'active' },
                mobilePhone: { number: ids.phone, countryCode: '1', primary: true, status: 'active' },
                loyalty: {
                    loyaltyID: [`BL-${String(n).padStart(7, '0')}`],
                    program: 'Acme Rewards',
                    tier: pick(TIERS),
                    points: Math.floor(random() * 50000),
                    status: 'active'
                },
                _acmetelco: {
                    crm: {
                        customerId: ids.crmId,
                        accountStatus: 'active',
                        valueTier: lifetimeValue > 10000 ? 'high' : lifetimeValue > 3000 ? 'medium' : 'low',
                        lifetimeValue,
                        currencyCode: 'USD'
                    }
                }
            },
            memberships,
            events: this.eventsAt(n),
            asOf: AS_OF,
            customerAI: {
                churn_90d: {
                    propensityType: 'churn',
                    score: churn,
                    probability: Math.round((churn / 100) * 0.6 * 100) / 100,
                    percentile: Math.max(1, churn),
                    scoringDate: '2026-11-19',
                    influentialFactors: [
                        { code: 'tenureMonths', value: String(Math.floor(random() * 120)), importance: churn > 60 ? 'high' : 'medium' }
                    ]
                }
            },
            createDate: new Date(AS_OF - Math.floor(random() * 3000) * DAY).toISOString(),
            region: 'VA7'
        };
    }

    private eventsAt(n: number): ExperienceEventRecord[] {
        const ids = this.identitiesOf(n);
        const owner: EventOwner = { key: `bench-${this.options.seed}-${n}`, email: ids.email, ecids: [ids.ecid] };
        const random = this.random(`events#${n}`);
        const events: ExperienceEventRecord[] = [];
        for (let i = 0; i < this.eventsPerProfile; i += 1) {
            const timestamp = AS_OF - Math.floor(random() * 180 * DAY);
            const kind = random();
            const product = PRODUCTS[Math.floor(random() * PRODUCTS.length)]!;
            if (kind < 0.15) events.push(purchase(owner, i, timestamp, `BORD-${n}-${i}`, [product]));
            else if (kind < 0.55) events.push(pageView(owner, i, timestamp, PAGES[Math.floor(random() * PAGES.length)]!));
            else if (kind < 0.7) events.push(productView(owner, i, timestamp, product));
            else if (kind < 0.78) events.push(cartAdd(owner, i, timestamp, product));
            else if (kind < 0.92) events.push(emailOpened(owner, i, timestamp, `BENCH-MSG-${i % 7}`));
            else events.push(emailClicked(owner, i, timestamp, `BENCH-MSG-${i % 7}`));
        }
        return sortByTime(events);
    }

    private audienceAt(i: number): AudienceRecord {
        const h = createHash('sha1').update(`bench#${this.options.seed}#audience#${i}`).digest('hex');
        const id = `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-b${h.slice(17, 20)}-${h.slice(20, 32)}`;
        const created = AS_OF - (100 + i) * DAY;
        return {
            id,
            name: `Bench audience ${i + 1}`,
            description: `Generated audience ${i + 1} (seed ${this.options.seed})`,
            pql: `_acmetelco.crm.lifetimeValue > ${i * 100}`,
            evaluation: i % 3 === 0 ? 'continuous' : 'batch',
            labels: [],
            createdAt: created,
            updatedAt: created + DAY
        };
    }

    private random(label: string): () => number {
        return mulberry32(hash32(`${this.options.seed}#${label}`));
    }

    private digits(label: string, count: number): string {
        const hex = createHash('sha256').update(`${this.options.seed}#${label}`).digest('hex');
        return BigInt(`0x${hex}`).toString().padStart(count, '7').slice(0, count).replace(/^0/, '7');
    }

    private checkIndex(n: number): void {
        if (!Number.isInteger(n) || n < 0 || n >= this.profileCount)
            throw new RangeError(`profile index ${n} out of range 0..${this.profileCount - 1}`);
    }
}

function hash32(text: string): number {
    return createHash('sha1').update(text).digest().readUInt32BE(0);
}
