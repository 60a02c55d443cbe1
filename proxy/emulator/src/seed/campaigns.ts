import { AUDIENCE } from './audiences';
import type { AjoMessage } from './eventFactory';

/**
 * Journey Optimizer campaigns and journeys of the demo org, as their message events identify them. Their names are
 * the proxy's default `campaigns.names` (proxy/src/card/shapingConfig.ts): AJO's events carry these IDs, not names.
 */
export const CAMPAIGN = {
    /** Campaign: Fall loyalty double points. */
    fallLoyalty: 'c1a6f0d2-5b7e-4f3a-9d21-7e8b0c4a6f10',
    /** Campaign: Phone 16 launch. */
    phone16Launch: 'c2b7e1f3-6c8f-4a4b-8e32-8f9c1d5b7a21',
    /** Journey version: 5G upgrade journey. */
    upgrade5g: 'c3c8f2a4-7d9a-4b5c-9f43-9a0d2e6c8b32',
    /** Campaign: Spring device upgrade (sent to the "Spring upgrade campaign – targeted" audience). */
    springUpgrade: 'c4d9a3b5-8eab-4c6d-8a54-ab1e3f7d9c43',
    /** Campaign: Fiber for households. */
    fiberHousehold: 'c5eab4c6-9fbc-4d7e-9b65-bc2f4a8eadd4',
    /** Campaign: Fiber launch – Japan. */
    fiberJapan: 'c6fbc5d7-a0cd-4e8f-8c76-cd3a5b9fbee5',
    /** Campaign: Fiber launch – Bay Area (sent to web-form leads). */
    fiberBayArea: 'c7acd6e8-b1de-4f9a-9d87-de4b6caf0ff6'
} as const;

/** The messages the seed people received (message IDs as AJO's are: opaque). */
export const MESSAGE = {
    fallLoyaltyEmail: { campaignId: CAMPAIGN.fallLoyalty, messageId: 'MSG-FALL-LOYALTY-02', channel: 'email' },
    phone16Email: { campaignId: CAMPAIGN.phone16Launch, messageId: 'MSG-PHONE16-LAUNCH', channel: 'email' },
    upgrade5gEmail: { journeyVersionId: CAMPAIGN.upgrade5g, messageId: 'MSG-5G-UPGRADE-03', channel: 'email' },
    upgrade5gSms: { journeyVersionId: CAMPAIGN.upgrade5g, messageId: 'MSG-5G-UPGRADE-SMS-01', channel: 'sms' },
    springEmail: {
        campaignId: CAMPAIGN.springUpgrade,
        messageId: 'MSG-SPRING-UPGRADE-01',
        channel: 'email',
        audienceId: AUDIENCE.springUpgrade
    },
    fiberHouseholdEmail: { campaignId: CAMPAIGN.fiberHousehold, messageId: 'MSG-FIBER-HH-01', channel: 'email' },
    fiberJapanEmail: { campaignId: CAMPAIGN.fiberJapan, messageId: 'MSG-FIBER-PROMO-JP', channel: 'email' },
    fiberBayAreaEmail: { campaignId: CAMPAIGN.fiberBayArea, messageId: 'MSG-FIBER-PROMO-US', channel: 'email' }
} as const satisfies Record<string, AjoMessage>;
