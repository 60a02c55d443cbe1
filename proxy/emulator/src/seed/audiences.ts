import type { AudienceRecord } from '../store/dataset';

/**
 * Platform audiences of the primary sandbox, keys of `segmentMembership.ups` in the seed profiles (the first
 * three are Maria Lopez's, as in proxy/src/card/__tests__/data/mariaLopez.profile.json).
 */
export const AUDIENCE = {
    highChurnRisk: '0c6f5a6e-2b1d-4c3e-9f8a-7b6c5d4e3f21',
    goldLoyalty: '7d2e9b41-5a3c-4e8f-b1d0-2c4a6e8f0b13',
    cartAbandoners: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
    highValue: '3f9c2d71-8e4b-4a6f-9c1d-5b7e2a4f6c80',
    emailEngaged: '5e1a7c93-2d4f-4b8e-a6c0-9f3b1d7e5a24',
    upsellAccessories: '8b4d6f20-1c3e-4a5b-9d7f-2e6a8c0b4d19',
    household: '9a2c4e61-7b3d-4f8a-b5c1-6d0e2f4a8b37',
    leadHighConversion: 'c7e3a5b9-4d1f-4e2a-8b6c-0a9d7f5e3c12',
    springUpgrade: 'd2f4b6a8-9c1e-4d3b-a7f5-3e8c0b2d6a94',
    plansBrowsers: 'e8a0c2d4-6f1b-4c9e-b3a7-5d2f8e0c4b61'
} as const;

const CREATED = 1714000000000;

export const SEED_AUDIENCES: readonly AudienceRecord[] = Object.freeze([
    aud(
        AUDIENCE.highChurnRisk,
        'High churn risk – mobile postpaid',
        'Customer AI churn score of 70 or more on a postpaid mobile plan',
        '_acmetelco.CustomerAI.churn_90d.score >= 70',
        'batch',
        ['core/C1']
    ),
    aud(
        AUDIENCE.goldLoyalty,
        'Gold loyalty members',
        'Active Acme Rewards members in the gold tier',
        'loyalty.tier = "gold" and loyalty.status = "active"',
        'batch',
        []
    ),
    aud(
        AUDIENCE.cartAbandoners,
        'Cart abandoners – last 7 days',
        'Added to cart without a purchase in the last 7 days',
        'chain(xEvent, timestamp, [A: WHAT(eventType = "commerce.productListAdds") WHEN(<= 7 days before now), B: WHAT(eventType = "commerce.purchases") WHEN(after A)])',
        'continuous',
        ['core/C1']
    ),
    aud(
        AUDIENCE.highValue,
        'High-value customers (LTV over 10k)',
        'Customers whose lifetime value exceeds 10,000 USD',
        '_acmetelco.crm.lifetimeValue > 10000',
        'batch',
        []
    ),
    aud(
        AUDIENCE.emailEngaged,
        'Email engaged – last 30 days',
        'Opened or clicked a marketing email in the last 30 days',
        'xEvent[eventType in ["directMarketing.emailOpened", "directMarketing.emailClicked"] and timestamp occurs <= 30 days before now].count() > 0',
        'continuous',
        ['core/C1']
    ),
    aud(
        AUDIENCE.upsellAccessories,
        'Upsell – premium accessories',
        'Customer AI upsell propensity of 60 or more',
        '_acmetelco.CustomerAI.upsell_90d.score >= 60',
        'batch',
        ['core/C1']
    ),
    aud(
        AUDIENCE.household,
        'Household accounts',
        'Profiles that share a household phone line',
        'mobilePhone.number exists and _acmetelco.crm.householdId exists',
        'batch',
        []
    ),
    aud(
        AUDIENCE.leadHighConversion,
        'Leads – high conversion propensity',
        'Prospects with a Customer AI conversion score of 65 or more',
        '_acmetelco.CustomerAI.conversion_30d.score >= 65',
        'batch',
        ['core/C1']
    ),
    aud(
        AUDIENCE.springUpgrade,
        'Spring upgrade campaign – targeted',
        'Targeted by the spring device-upgrade campaign',
        'xEvent[eventType = "directMarketing.emailSent" and directMarketing.messageID = "MSG-SPRING-UPGRADE-01"].count() > 0',
        'batch',
        []
    ),
    aud(
        AUDIENCE.plansBrowsers,
        'Plan page browsers – this session',
        'Viewed a plans page in the current web session',
        'xEvent[web.webPageDetails.siteSection = "plans"].count() > 0',
        'synchronous',
        []
    )
]);

function aud(
    id: string,
    name: string,
    description: string,
    pql: string,
    evaluation: AudienceRecord['evaluation'],
    labels: string[]
): AudienceRecord {
    const offset = parseInt(id.slice(0, 6), 16) % 5000000;
    return Object.freeze({
        id,
        name,
        description,
        pql,
        evaluation,
        labels,
        createdAt: CREATED + offset * 1000,
        updatedAt: CREATED + offset * 1000 + 86400000
    });
}
