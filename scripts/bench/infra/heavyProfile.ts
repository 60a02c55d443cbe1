import type { Dataset } from '../../../proxy/emulator/src/index';
import {
    cartAdd,
    emailClicked,
    emailOpened,
    pageView,
    productView,
    purchase,
    sortByTime,
    type EventOwner
} from '../../../proxy/emulator/src/seed/eventFactory';
import { buildProfile, type MembershipStatus } from '../../../proxy/emulator/src/seed/profileBuilder';
import { MemoryDataset, type AudienceRecord, type ExperienceEventRecord } from '../../../proxy/emulator/src/store/dataset';
import { mulberry32 } from '../../../proxy/emulator/src/prng';

/** The size scenario's input: one customer with far more data than any card can show. */
export const HEAVY_IDENTITIES = { email: 'heavy.customer@bench.example.com', crmId: 'BENCH-HEAVY-0001' } as const;

const AS_OF = Date.UTC(2026, 10, 20, 18, 0, 0);
const DAY = 86_400_000;

/**
 * A data set with one profile of `events` experience events and `audiences` audience memberships,
 * built from the emulator's own XDM builders (the generator gives every profile at most 4 memberships,
 * so this profile is assembled here). Deterministic.
 */
export function heavyProfileDataset(events: number, audiences: number): Dataset {
    const random = mulberry32(0xbe4c4);
    const audienceList: AudienceRecord[] = Array.from({ length: audiences }, (_, i) => {
        const hex = (i + 1).toString(16).padStart(12, '0');
        const created = AS_OF - (200 + i) * DAY;
        return {
            id: `bea0d1e5-0000-4000-b000-${hex}`,
            name: `Heavy bench audience ${i + 1}: customers with a long descriptive audience name`,
            description: `Audience ${i + 1} for the size benchmark`,
            pql: `_acmetelco.crm.lifetimeValue > ${i}`,
            evaluation: i % 2 === 0 ? 'batch' : 'continuous',
            labels: [],
            createdAt: created,
            updatedAt: created + DAY
        };
    });
    const owner: EventOwner = { key: 'bench-heavy', email: HEAVY_IDENTITIES.email, ecids: ['12345678901234567890123456789012345678'] };
    const products = [
        { SKU: 'HEAVY-001', name: 'Unlimited Plan Premium 5G with International Roaming Add-on', priceTotal: 89.99 },
        { SKU: 'HEAVY-002', name: 'Phone Pro Max 1 TB Titanium', priceTotal: 1399.0 }
    ];
    const list: ExperienceEventRecord[] = [];
    for (let i = 0; i < events; i++) {
        const ts = AS_OF - Math.floor(random() * 60 * DAY);
        const product = products[i % products.length]!;
        const k = i % 6;
        if (k === 0) list.push(purchase(owner, i, ts, `HORD-${i}`, [product]));
        else if (k === 1)
            list.push(
                pageView(owner, i, ts, {
                    name: 'Support | Billing | Long page title for a heavy profile',
                    path: `/support/billing/${i}`,
                    section: 'support'
                })
            );
        else if (k === 2) list.push(productView(owner, i, ts, product));
        else if (k === 3) list.push(cartAdd(owner, i, ts, product));
        else if (k === 4) list.push(emailOpened(owner, i, ts, `HEAVY-MSG-${i}`));
        else list.push(emailClicked(owner, i, ts, `HEAVY-MSG-${i}`));
    }
    const sorted = sortByTime(list);
    const memberships = audienceList.map(
        (a, i) =>
            [
                a.id,
                (i % 10 === 9 ? 'exited' : 'realized') as MembershipStatus,
                new Date(AS_OF - (i % 30) * DAY).toISOString().replace('.000Z', 'Z')
            ] as const
    );
    const profile = buildProfile({
        key: 'bench-heavy',
        primary: { namespace: 'CRMID', id: HEAVY_IDENTITIES.crmId },
        identities: [
            { namespace: 'CRMID', id: HEAVY_IDENTITIES.crmId },
            { namespace: 'Email', id: HEAVY_IDENTITIES.email },
            { namespace: 'ECID', id: owner.ecids[0]! }
        ],
        tenant: '_acmetelco',
        entity: {
            person: { name: { firstName: 'Heavy', lastName: 'Customer', fullName: 'Heavy Customer' } },
            personalEmail: { address: HEAVY_IDENTITIES.email, primary: true, type: 'personal', status: 'active' },
            loyalty: { loyaltyID: ['HL-0000001'], program: 'Acme Rewards', tier: 'platinum', points: 987654, status: 'active' },
            _acmetelco: {
                crm: {
                    customerId: HEAVY_IDENTITIES.crmId,
                    accountStatus: 'active',
                    valueTier: 'high',
                    lifetimeValue: 98765.43,
                    currencyCode: 'USD'
                }
            }
        },
        memberships,
        events: sorted,
        asOf: AS_OF,
        createDate: new Date(AS_OF - 3000 * DAY).toISOString(),
        region: 'VA7'
    });
    return new MemoryDataset({ profiles: [profile], events: new Map([[profile.xid, sorted]]), audiences: audienceList });
}
