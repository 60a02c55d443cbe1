import type { ExperienceEventRecord, IdentityRef } from '../store/dataset';
import { AUDIENCE } from './audiences';
import { MESSAGE } from './campaigns';
import {
    cartAdd,
    messageFeedback,
    messageTracking,
    pageView,
    productView,
    purchase,
    sortByTime,
    supportCall,
    type EventOwner,
    type Product
} from './eventFactory';
import { ecidFor, emailLcSha256, phoneSha256, phoneSha256E164, type PersonSeed } from './profileBuilder';

/**
 * The demo's seed people, as data (listed in proxy/emulator/README.md, "Seed people"). Their identity values
 * (emails, phones, CRM ids, loyalty ids) are stored exactly as each source ingested them, as AEP keeps them: most
 * match the demo records' spelling (scripts/preview/crm/records.json, scripts/org/demoRecords.ts), some do not on
 * purpose (a mixed-case email, a phone without country code or without "+", hashed-only identities), the way
 * real tenants' data arrives. Everything else is invented but shaped like production XDM.
 */
export const SEED_AS_OF = Date.UTC(2026, 10, 20, 18, 0, 0);
const TENANT = '_acmetelco';
const DAY = 86400000;
const HOUR = 3600000;

const at = (daysBefore: number): number => SEED_AS_OF - Math.round(daysBefore * DAY);
const iso = (t: number): string => new Date(t).toISOString().replace('.000Z', 'Z');

export const SEED_IDENTITIES = {
    jane: {
        email: 'jane.doe@example.com',
        phone: '+14155550123',
        crmId: '0038c00002JaneDAAR',
        loyaltyId: 'LY-100234'
    },
    sam: { email: 'sam.rivera@example.com', phone: '+14155550188', crmId: '0038c00002RivrSAAR' },
    alex: { email: 'alex.rivera@example.com', phone: '+14155550188', crmId: '0038c00002RivrAAAR' },
    maria: { email: 'maria.lopez@example.com', phone: '+14155550142', crmId: 'CUST-7781203', loyaltyId: 'LX-00938211' },
    kenji: { email: 'kenji.sato@example.com', phone: '+819012345678' },
    gary: { email: 'graph.heavy@example.com' },
    /** A web-form lead ingested as typed: mixed-case email, a US phone without country code. */
    olivia: { email: 'Olivia.Brandt@Example.com', phone: '4155550177' },
    /** Known to AEP only by hashes (an org that ingests hashed identities for ad platforms); the plain values for reference. */
    priya: { email: 'priya.natarajan@example.com', phone: '+14155550166' },
    /** An identity-only profile: a call-back request left a phone (E.164 digits without "+") and a device id, nothing else. */
    chris: { phone: '14155550155' },
    unknown: { email: 'unknown.person@example.com' }
} as const;

const P = {
    earbudsPro: { SKU: 'ACC-EARBUDS-PRO', name: 'Wireless Earbuds Pro', priceTotal: 129.99 },
    clearCase: { SKU: 'ACC-CASE-CLEAR-15', name: 'Clear Case – Phone 15', priceTotal: 19.99 },
    phone15Pro: { SKU: 'DEV-PHONE-15PRO-256', name: 'Phone 15 Pro 256 GB', priceTotal: 999.0 },
    charger: { SKU: 'ACC-CHARGER-35W', name: '35W Dual USB-C Charger', priceTotal: 39.99 },
    watch: { SKU: 'DEV-WATCH-S9-45', name: 'Smartwatch Series 9 45 mm', priceTotal: 349.0 },
    tabletCase: { SKU: 'ACC-TAB-FOLIO-11', name: 'Tablet Folio 11"', priceTotal: 49.99 },
    simKit: { SKU: 'SVC-ESIM-KIT', name: 'eSIM Activation Kit', priceTotal: 24.99 },
    phone16: { SKU: 'DEV-PHONE-16-128', name: 'Phone 16 128 GB', priceTotal: 799.0 },
    earbudsMax: { SKU: 'ACC-EARBUDS-MAX', name: 'Over-Ear Headphones Max', priceTotal: 549.0 },
    router: { SKU: 'HOME-MESH-ROUTER-3', name: 'Mesh Wi-Fi Router (3-pack)', priceTotal: 212.4 },
    screen: { SKU: 'ACC-SCREEN-GLASS-15', name: 'Tempered Glass Screen Protector', priceTotal: 49.99 }
} satisfies Record<string, Product>;

const PAGES = {
    plansUnlimited: { name: 'Plans | Unlimited', path: '/plans/unlimited', section: 'plans' },
    plans: { name: 'Plans | Compare', path: '/plans', section: 'plans' },
    billing: { name: 'Support | Billing', path: '/support/billing', section: 'support' },
    support: { name: 'Support | Home', path: '/support', section: 'support' },
    home: { name: 'Home', path: '/', section: 'home' },
    phones: { name: 'Shop | Phones', path: '/shop/phones', section: 'shop' },
    accessories: { name: 'Shop | Accessories', path: '/shop/accessories', section: 'shop' },
    account: { name: 'My Account | Overview', path: '/account', section: 'account' },
    deals: { name: 'Deals | This Week', path: '/deals', section: 'deals' },
    fiber: { name: 'Home Internet | Fiber', path: '/home-internet/fiber', section: 'home-internet' }
};

const id = (namespace: string, value: string): IdentityRef => ({ namespace, id: value });

function janeSeed(): PersonSeed {
    const s = SEED_IDENTITIES.jane;
    const owner: EventOwner = { key: 'jane', email: s.email, ecids: [ecidFor('jane', 1), ecidFor('jane', 2)] };
    let n = 0;
    const events: ExperienceEventRecord[] = [
        purchase(owner, n++, at(3) + 2 * HOUR, 'ORD-2026-1117-88311', [P.earbudsPro, P.clearCase]),
        purchase(owner, n++, at(18), 'ORD-2026-1102-77120', [P.phone15Pro]),
        purchase(owner, n++, at(41), 'ORD-2026-1010-64011', [P.charger]),
        purchase(owner, n++, at(67), 'ORD-2026-0914-52007', [P.watch]),
        purchase(owner, n++, at(95), 'ORD-2026-0817-41876', [P.tabletCase]),
        purchase(owner, n++, at(130), 'ORD-2026-0713-30112', [P.simKit]),
        pageView(owner, n++, at(0.2), PAGES.plansUnlimited),
        pageView(owner, n++, at(1), PAGES.billing),
        pageView(owner, n++, at(2), PAGES.home),
        pageView(owner, n++, at(5), PAGES.phones),
        pageView(owner, n++, at(9), PAGES.accessories),
        pageView(owner, n++, at(12), PAGES.plans),
        pageView(owner, n++, at(20), PAGES.account),
        pageView(owner, n++, at(27), PAGES.home),
        pageView(owner, n++, at(33), PAGES.deals),
        pageView(owner, n++, at(50), PAGES.support),
        pageView(owner, n++, at(75), PAGES.phones),
        productView(owner, n++, at(4), P.phone16),
        productView(owner, n++, at(6), P.earbudsMax),
        cartAdd(owner, n++, at(6) + 5 * 60000, P.earbudsMax),
        cartAdd(owner, n++, at(3) + HOUR, P.earbudsPro),
        messageFeedback(owner, n++, at(7) - HOUR, MESSAGE.fallLoyaltyEmail),
        messageTracking(owner, n++, at(7), MESSAGE.fallLoyaltyEmail, 'open'),
        messageTracking(owner, n++, at(7) + 20 * 60000, MESSAGE.fallLoyaltyEmail, 'click'),
        messageFeedback(owner, n++, at(14) - HOUR, MESSAGE.phone16Email),
        messageTracking(owner, n++, at(14), MESSAGE.phone16Email, 'open'),
        messageFeedback(owner, n++, at(19), MESSAGE.upgrade5gSms, 'delivered'),
        messageFeedback(owner, n++, at(23), MESSAGE.upgrade5gEmail),
        messageTracking(owner, n++, at(22), MESSAGE.upgrade5gEmail, 'open'),
        messageTracking(owner, n++, at(22) + 90000, MESSAGE.upgrade5gEmail, 'click'),
        messageFeedback(owner, n++, at(53), MESSAGE.springEmail),
        messageTracking(owner, n++, at(52), MESSAGE.springEmail, 'open'),
        messageTracking(owner, n++, at(52) + 300000, MESSAGE.springEmail, 'click'),
        supportCall(owner, n++, at(10), 'billing', '5008c00001CsJanAAF')
    ];
    return {
        key: 'jane',
        primary: id('CRMID', s.crmId),
        identities: [
            id('CRMID', s.crmId),
            id('Email', s.email),
            id('Phone', s.phone),
            id('ECID', owner.ecids[0]!),
            id('ECID', owner.ecids[1]!),
            id('loyaltyId', s.loyaltyId),
            id('Email_LC_SHA256', emailLcSha256(s.email)),
            id('Phone_SHA256', phoneSha256(s.phone))
        ],
        tenant: TENANT,
        entity: {
            person: {
                name: { firstName: 'Jane', lastName: 'Doe', fullName: 'Jane Doe', courtesyTitle: 'Ms.' },
                birthDate: '1985-07-22',
                gender: 'female'
            },
            personalEmail: { address: s.email, primary: true, type: 'personal', status: 'active' },
            mobilePhone: { number: s.phone, countryCode: '1', primary: true, status: 'active' },
            homeAddress: {
                street1: '500 Howard St',
                street2: 'Unit 12',
                city: 'San Francisco',
                stateProvince: 'CA',
                postalCode: '94105',
                country: 'United States',
                countryCode: 'US',
                primary: true
            },
            loyalty: {
                loyaltyID: [s.loyaltyId],
                program: 'Acme Rewards',
                tier: 'gold',
                points: 24310,
                pointsRedeemed: 6200,
                status: 'active',
                joinDate: '2017-03-02T00:00:00Z',
                upgradeDate: '2022-11-15',
                pointsExpiration: [{ pointsExpirationDate: '2026-12-31T23:59:59Z', pointsExpiring: 2100 }]
            },
            consents: {
                collect: { val: 'y' },
                share: { val: 'n' },
                personalize: { content: { val: 'y' } },
                marketing: {
                    preferred: 'email',
                    email: { val: 'y' },
                    sms: { val: 'y' },
                    call: { val: 'n', reason: 'do not call list', time: '2025-03-04T10:00:00Z' }
                }
            },
            [TENANT]: {
                crm: {
                    customerId: s.crmId,
                    accountStatus: 'active',
                    customerSince: '2014-05-19',
                    valueTier: 'high',
                    lifetimeValue: 12480.5,
                    currencyCode: 'USD',
                    preferredStoreId: 'SF-002'
                },
                support: { openCases: 1, lastCaseDate: iso(at(10)) }
            }
        },
        memberships: [
            [AUDIENCE.highValue, 'realized', iso(at(2) - 3 * HOUR)],
            [AUDIENCE.goldLoyalty, 'realized', iso(at(2) - 3 * HOUR)],
            [AUDIENCE.highChurnRisk, 'realized', iso(at(1) - 4 * HOUR)],
            [AUDIENCE.upsellAccessories, 'realized', iso(at(1) - 4 * HOUR)],
            [AUDIENCE.emailEngaged, 'realized', iso(at(7) + HOUR)],
            [AUDIENCE.cartAbandoners, 'exited', iso(at(3) + 3 * HOUR)],
            [AUDIENCE.springUpgrade, 'existing', '2026-04-02T03:09:51Z']
        ],
        events: sortByTime(events),
        asOf: SEED_AS_OF,
        computedAttributes: { supportCallsLast30d: 1, daysSinceLastPurchase: 3 },
        customerAI: {
            churn_90d: {
                propensityType: 'churn',
                score: 72,
                probability: 0.34,
                percentile: 91,
                scoringDate: '2026-11-19',
                influentialFactors: [
                    { code: 'supportCallsLast30d', value: '1', importance: 'high' },
                    { code: 'contractMonthsRemaining', value: '2', importance: 'high' },
                    { code: 'competitorPageViews30d', value: '4', importance: 'medium' }
                ]
            },
            upsell_90d: {
                propensityType: 'conversion',
                score: 64,
                probability: 0.22,
                percentile: 83,
                scoringDate: '2026-11-19',
                influentialFactors: [
                    { code: 'accessoryPurchases90d', value: '2', importance: 'high' },
                    { code: 'emailOpens30d', value: '3', importance: 'medium' }
                ]
            }
        },
        createDate: '2014-05-19T16:20:11.512Z',
        region: 'VA7'
    };
}

function householdSeed(who: 'sam' | 'alex'): PersonSeed {
    const s = SEED_IDENTITIES[who];
    const owner: EventOwner = { key: who, email: s.email, ecids: [ecidFor(who, 1)] };
    const isSam = who === 'sam';
    let n = 0;
    const events = isSam
        ? [
              purchase(owner, n++, at(12), 'ORD-2026-1108-70345', [P.router]),
              pageView(owner, n++, at(2), PAGES.fiber),
              pageView(owner, n++, at(11), PAGES.billing),
              messageFeedback(owner, n++, at(41), MESSAGE.fiberHouseholdEmail),
              messageTracking(owner, n++, at(40), MESSAGE.fiberHouseholdEmail, 'open')
          ]
        : [
              pageView(owner, n++, at(1), PAGES.plansUnlimited),
              pageView(owner, n++, at(1) + 4 * 60000, PAGES.phones),
              productView(owner, n++, at(1) + 9 * 60000, P.phone16)
          ];
    return {
        key: who,
        primary: id('CRMID', s.crmId),
        identities: [id('CRMID', s.crmId), id('Email', s.email), id('Phone', s.phone), id('ECID', owner.ecids[0]!)],
        tenant: TENANT,
        entity: {
            person: isSam
                ? { name: { firstName: 'Sam', lastName: 'Rivera', fullName: 'Sam Rivera' }, birthDate: '1979-02-14', gender: 'male' }
                : {
                      name: { firstName: 'Alex', lastName: 'Rivera', fullName: 'Alex Rivera' },
                      birthDate: '2004-09-30',
                      gender: 'not_specified'
                  },
            personalEmail: { address: s.email, primary: true, type: 'personal', status: 'active' },
            mobilePhone: { number: s.phone, countryCode: '1', primary: true, status: 'active', label: 'household line' },
            homeAddress: {
                street1: '1200 Valencia St',
                city: 'San Francisco',
                stateProvince: 'CA',
                postalCode: '94110',
                country: 'United States',
                countryCode: 'US',
                primary: true
            },
            ...(isSam
                ? {
                      loyalty: {
                          loyaltyID: ['LY-204771'],
                          program: 'Acme Rewards',
                          tier: 'silver',
                          points: 5120,
                          status: 'active',
                          joinDate: '2020-01-11T00:00:00Z'
                      }
                  }
                : {}),
            consents: {
                collect: { val: 'y' },
                share: { val: 'n' },
                marketing: { preferred: isSam ? 'email' : 'sms', email: { val: isSam ? 'y' : 'n' }, sms: { val: 'y' } }
            },
            [TENANT]: {
                crm: {
                    customerId: s.crmId,
                    accountStatus: 'active',
                    customerSince: isSam ? '2019-08-01' : '2022-06-15',
                    valueTier: isSam ? 'medium' : 'low',
                    lifetimeValue: isSam ? 3120.75 : 1890.2,
                    currencyCode: 'USD',
                    householdId: 'HH-55018'
                },
                support: { openCases: 0 }
            }
        },
        memberships: isSam
            ? [
                  [AUDIENCE.household, 'realized', iso(at(5))],
                  [AUDIENCE.emailEngaged, 'exited', iso(at(9))]
              ]
            : [
                  [AUDIENCE.household, 'realized', iso(at(5))],
                  [AUDIENCE.plansBrowsers, 'realized', iso(at(1) + 60000)]
              ],
        events: sortByTime(events),
        asOf: SEED_AS_OF,
        customerAI: {
            churn_90d: {
                propensityType: 'churn',
                score: isSam ? 31 : 48,
                probability: isSam ? 0.09 : 0.17,
                percentile: isSam ? 40 : 62,
                scoringDate: '2026-11-19',
                influentialFactors: [{ code: 'tenureMonths', value: isSam ? '87' : '29', importance: 'medium' }]
            }
        },
        createDate: isSam ? '2019-08-01T12:00:03.118Z' : '2022-06-15T09:41:27.004Z',
        // Sam's CRM record (the account holder's, with the household line) was updated last: with linking rules
        // the identity optimization algorithm keeps the phone in his graph and drops it from Alex's.
        linkedAt: isSam ? '2026-11-12T16:20:00Z' : '2025-06-03T08:15:00Z',
        region: 'VA7'
    };
}

/** The telecom profile (also the card tests' proxy/src/card/__tests__/data/mariaLopez.profile.json), dates moved next to the other seed data. */
function mariaSeed(): PersonSeed {
    const s = SEED_IDENTITIES.maria;
    const owner: EventOwner = {
        key: 'maria',
        email: s.email,
        ecids: ['30582187346122018822931245610009876543', '71620419283746501928374650192837465012']
    };
    let n = 0;
    const events = [
        purchase(owner, n++, at(18), 'ORD-2026-1102-88311', [P.earbudsPro, P.clearCase]),
        purchase(owner, n++, at(44), 'ORD-2026-1007-51220', [P.router]),
        purchase(owner, n++, at(71), 'ORD-2026-0910-40018', [P.screen]),
        pageView(owner, n++, at(0.1), PAGES.plansUnlimited),
        pageView(owner, n++, at(4), PAGES.billing),
        messageFeedback(owner, n++, at(18), MESSAGE.springEmail),
        messageTracking(owner, n++, at(17), MESSAGE.springEmail, 'open'),
        messageTracking(owner, n++, at(17) + 89000, MESSAGE.springEmail, 'click'),
        supportCall(owner, n++, at(3), 'billing', 'CASE-20931-A'),
        supportCall(owner, n++, at(9), 'internet outage', 'CASE-20931-B'),
        supportCall(owner, n++, at(19), 'billing', 'CASE-20931-C')
    ];
    return {
        key: 'maria',
        primary: id('CRMID', s.crmId),
        identities: [
            id('CRMID', s.crmId),
            id('Email', s.email),
            id('Phone', s.phone),
            id('loyaltyId', s.loyaltyId),
            id('ECID', owner.ecids[0]!),
            id('ECID', owner.ecids[1]!)
        ],
        tenant: TENANT,
        entity: {
            person: { name: { firstName: 'Maria', lastName: 'Lopez', fullName: 'Maria Lopez' }, birthDate: '1988-11-02', gender: 'female' },
            personalEmail: { address: s.email, primary: true, type: 'personal', status: 'active' },
            mobilePhone: { number: s.phone, countryCode: '1', primary: true, status: 'active' },
            homeAddress: {
                street1: '2450 Mission St',
                street2: 'Apt 5B',
                city: 'San Francisco',
                stateProvince: 'CA',
                postalCode: '94110',
                country: 'United States',
                countryCode: 'US',
                primary: true
            },
            loyalty: {
                loyaltyID: [s.loyaltyId],
                program: 'Acme Rewards',
                tier: 'gold',
                points: 18250,
                pointsRedeemed: 4200,
                status: 'active',
                joinDate: '2019-06-14T00:00:00Z',
                upgradeDate: '2023-01-10',
                pointsExpiration: [{ pointsExpirationDate: '2026-12-31T23:59:59Z', pointsExpiring: 1500 }]
            },
            consents: {
                collect: { val: 'y' },
                share: { val: 'n' },
                personalize: { content: { val: 'y' } },
                marketing: {
                    preferred: 'email',
                    email: { val: 'y' },
                    sms: { val: 'n', reason: 'customer request', time: '2024-02-01T09:30:00Z' }
                }
            },
            telecomSubscription: {
                primaryPartyID: s.crmId,
                bundleName: 'Home + Mobile Unlimited',
                mobileSubscription: [
                    {
                        planLevel: 'Unlimited Plus',
                        phoneNumber: { number: s.phone },
                        portedNumber: true,
                        earlyUpgradeEnrollment: false,
                        subscriptionDetails: {
                            ID: 'SUB-M-55012',
                            planName: 'Unlimited Plus 5G',
                            type: 'postpaid',
                            status: 'active',
                            startDate: '2024-03-01',
                            endDate: '2027-02-28',
                            term: 36,
                            termUnitOfTime: 'month',
                            billingPeriod: 'month',
                            paymentStatus: 'paid',
                            contractID: 'CTR-99812'
                        }
                    }
                ],
                internetSubscription: [
                    {
                        connectionType: 'fiber',
                        downloadSpeed: 1000,
                        uploadSpeed: 1000,
                        selfSetup: true,
                        subscriptionDetails: {
                            ID: 'SUB-I-20931',
                            planName: 'Fiber 1G',
                            status: 'active',
                            startDate: '2021-08-15',
                            billingPeriod: 'month',
                            paymentStatus: 'overdue'
                        }
                    }
                ]
            },
            [TENANT]: {
                crm: {
                    customerId: s.crmId,
                    accountStatus: 'active',
                    customerSince: '2016-04-11',
                    valueTier: 'high',
                    lifetimeValue: 8420.55,
                    currencyCode: 'USD',
                    preferredStoreId: 'SF-014'
                },
                support: { openCases: 1, lastCaseDate: iso(at(3)) }
            }
        },
        memberships: [
            [AUDIENCE.highChurnRisk, 'realized', iso(at(1) - 4 * HOUR)],
            [AUDIENCE.goldLoyalty, 'realized', iso(at(8))],
            [AUDIENCE.cartAbandoners, 'exited', iso(at(15))]
        ],
        events: sortByTime(events),
        asOf: SEED_AS_OF,
        computedAttributes: { supportCallsLast30d: 3 },
        customerAI: {
            churn_90d: {
                propensityType: 'churn',
                score: 87,
                probability: 0.41,
                percentile: 96,
                scoringDate: '2026-11-19',
                influentialFactors: [
                    { code: 'supportCallsLast30d', value: '3', importance: 'high' },
                    { code: 'internetSubscription.paymentStatus', value: 'overdue', importance: 'high' },
                    { code: 'daysSinceLastPurchase', value: '18', importance: 'medium' }
                ]
            }
        },
        createDate: '2016-04-11T18:02:33.412Z',
        region: 'VA6'
    };
}

/** A sales prospect (Salesforce Lead): conversion propensity, campaign audiences and email events, no loyalty. */
function kenjiSeed(): PersonSeed {
    const s = SEED_IDENTITIES.kenji;
    const owner: EventOwner = { key: 'kenji', email: s.email, ecids: [ecidFor('kenji', 1)] };
    let n = 0;
    const events = [
        messageFeedback(owner, n++, at(21), MESSAGE.upgrade5gEmail),
        messageTracking(owner, n++, at(20), MESSAGE.upgrade5gEmail, 'open'),
        messageTracking(owner, n++, at(20) + 40000, MESSAGE.upgrade5gEmail, 'click'),
        messageFeedback(owner, n++, at(6), MESSAGE.fiberJapanEmail),
        messageTracking(owner, n++, at(5), MESSAGE.fiberJapanEmail, 'open'),
        pageView(owner, n++, at(20) + 60000, PAGES.plansUnlimited),
        pageView(owner, n++, at(5) + 120000, PAGES.fiber),
        pageView(owner, n++, at(0.5), PAGES.plans),
        pageView(owner, n++, at(0.5) + 180000, PAGES.deals)
    ];
    return {
        key: 'kenji',
        primary: id('Email', s.email),
        identities: [id('Email', s.email), id('Phone', s.phone), id('ECID', owner.ecids[0]!)],
        tenant: TENANT,
        entity: {
            person: { name: { firstName: 'Kenji', lastName: 'Sato', fullName: 'Kenji Sato' } },
            personalEmail: { address: s.email, primary: true, type: 'personal', status: 'active' },
            mobilePhone: { number: s.phone, countryCode: '81', primary: true, status: 'active' },
            homeAddress: { city: 'Tokyo', stateProvince: 'Tokyo', country: 'Japan', countryCode: 'JP', primary: true },
            consents: { collect: { val: 'y' }, marketing: { preferred: 'email', email: { val: 'y' }, sms: { val: 'n' } } },
            [TENANT]: { crm: { accountStatus: 'prospect', valueTier: 'prospect', leadSource: 'web form', leadId: '00Q8c00000KSatoEAD' } }
        },
        memberships: [
            [AUDIENCE.leadHighConversion, 'realized', iso(at(1) - 4 * HOUR)],
            [AUDIENCE.plansBrowsers, 'realized', iso(at(0.5) + 60000)],
            [AUDIENCE.springUpgrade, 'exited', '2026-06-30T03:10:44Z']
        ],
        events: sortByTime(events),
        asOf: SEED_AS_OF,
        customerAI: {
            conversion_30d: {
                propensityType: 'conversion',
                score: 78,
                probability: 0.29,
                percentile: 94,
                scoringDate: '2026-11-19',
                influentialFactors: [
                    { code: 'emailClicks30d', value: '1', importance: 'high' },
                    { code: 'plansPageViews7d', value: '2', importance: 'high' }
                ]
            }
        },
        createDate: '2026-10-29T11:05:40.220Z',
        region: 'JPN3'
    };
}

/** Linked to 52 identities, over AEP's 50-identity guardrail: look-ups answer 422. */
function garySeed(): PersonSeed {
    const s = SEED_IDENTITIES.gary;
    const ecids = Array.from({ length: 50 }, (_, i) => id('ECID', ecidFor('gary', i)));
    return {
        key: 'gary',
        primary: id('Email', s.email),
        identities: [id('Email', s.email), id('Phone', '+14155550999'), ...ecids],
        tenant: TENANT,
        entity: {
            person: { name: { firstName: 'Gary', lastName: 'Graph', fullName: 'Gary Graph' } },
            personalEmail: { address: s.email, primary: true, type: 'personal', status: 'active' },
            [TENANT]: { crm: { accountStatus: 'active', valueTier: 'low' } }
        },
        memberships: [],
        events: [],
        asOf: SEED_AS_OF,
        createDate: '2021-02-02T02:02:02.202Z',
        region: 'VA7'
    };
}

/** A web-form lead whose identities AEP stored as typed: `Olivia.Brandt@Example.com`, `4155550177`. */
function oliviaSeed(): PersonSeed {
    const s = SEED_IDENTITIES.olivia;
    const owner: EventOwner = { key: 'olivia', email: s.email, ecids: [ecidFor('olivia', 1)] };
    let n = 0;
    const events = [
        pageView(owner, n++, at(9), PAGES.fiber),
        pageView(owner, n++, at(9) + 240000, PAGES.plans),
        messageFeedback(owner, n++, at(8), MESSAGE.fiberBayAreaEmail),
        messageTracking(owner, n++, at(7), MESSAGE.fiberBayAreaEmail, 'open'),
        messageTracking(owner, n++, at(7) + 65000, MESSAGE.fiberBayAreaEmail, 'click'),
        pageView(owner, n++, at(2), PAGES.deals)
    ];
    return {
        key: 'olivia',
        primary: id('Email', s.email),
        identities: [id('Email', s.email), id('Phone', s.phone), id('ECID', owner.ecids[0]!)],
        tenant: TENANT,
        entity: {
            person: { name: { firstName: 'Olivia', lastName: 'Brandt', fullName: 'Olivia Brandt' } },
            personalEmail: { address: s.email, primary: true, type: 'personal', status: 'active' },
            homePhone: { number: s.phone, primary: true, status: 'active' },
            homeAddress: { city: 'Berkeley', stateProvince: 'CA', country: 'United States', countryCode: 'US', primary: true },
            consents: { collect: { val: 'y' }, marketing: { preferred: 'email', email: { val: 'y' }, sms: { val: 'n' } } },
            [TENANT]: { crm: { accountStatus: 'prospect', valueTier: 'prospect', leadSource: 'web form' } }
        },
        memberships: [
            [AUDIENCE.leadHighConversion, 'realized', iso(at(1) - 4 * HOUR)],
            [AUDIENCE.emailEngaged, 'realized', iso(at(7) + HOUR)]
        ],
        events: sortByTime(events),
        asOf: SEED_AS_OF,
        customerAI: {
            conversion_30d: {
                propensityType: 'conversion',
                score: 66,
                probability: 0.21,
                percentile: 85,
                scoringDate: '2026-11-19',
                influentialFactors: [{ code: 'emailClicks30d', value: '1', importance: 'high' }]
            }
        },
        createDate: '2026-11-11T17:42:09.306Z',
        region: 'VA7'
    };
}

/**
 * Known to AEP only by hashes made the way Adobe documents each namespace (profileBuilder.ts): Email_LC_SHA256,
 * Phone_SHA256 (digits with country code, no "+") and Phone_SHA256_E.164 (the "+" form), and a device id.
 */
function priyaSeed(): PersonSeed {
    const s = SEED_IDENTITIES.priya;
    const owner: EventOwner = { key: 'priya', email: s.email, ecids: [ecidFor('priya', 1)] };
    let n = 0;
    const events = [pageView(owner, n++, at(4), PAGES.phones), productView(owner, n++, at(4) + 90000, P.phone16)];
    const emailHash = emailLcSha256(s.email);
    return {
        key: 'priya',
        primary: id('Email_LC_SHA256', emailHash),
        identities: [
            id('Email_LC_SHA256', emailHash),
            id('Phone_SHA256', phoneSha256(s.phone)),
            id('Phone_SHA256_E.164', phoneSha256E164(s.phone)),
            id('ECID', owner.ecids[0]!)
        ],
        tenant: TENANT,
        entity: {
            person: { name: { firstName: 'Priya', lastName: 'Natarajan', fullName: 'Priya Natarajan' } },
            consents: { collect: { val: 'y' }, marketing: { preferred: 'email', email: { val: 'y' } } },
            [TENANT]: { crm: { accountStatus: 'active', valueTier: 'medium' } }
        },
        memberships: [[AUDIENCE.plansBrowsers, 'realized', iso(at(4) + HOUR)]],
        events: sortByTime(events),
        asOf: SEED_AS_OF,
        createDate: '2025-09-14T10:03:51.730Z',
        region: 'VA7'
    };
}

/** An identity-only profile: the phone (stored as `14155550155`) and a device id, no attributes at all. */
function chrisSeed(): PersonSeed {
    const s = SEED_IDENTITIES.chris;
    return {
        key: 'chris',
        primary: id('Phone', s.phone),
        identities: [id('Phone', s.phone), id('ECID', ecidFor('chris', 1))],
        tenant: TENANT,
        entity: {},
        memberships: [],
        events: [],
        asOf: SEED_AS_OF,
        createDate: '2026-11-18T20:11:45.018Z',
        region: 'VA7',
        identityOnly: true
    };
}

export function seedPeople(): PersonSeed[] {
    return [
        janeSeed(),
        householdSeed('sam'),
        householdSeed('alex'),
        mariaSeed(),
        kenjiSeed(),
        garySeed(),
        oliviaSeed(),
        priyaSeed(),
        chrisSeed()
    ];
}
