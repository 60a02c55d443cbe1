/**
 * What the card reads from a merged profile, and where. Parsed once at start (PROXY_SHAPING, JSON;
 * AEP_TENANT fills `tenant`).
 *
 * Why configuration rather than code: tenant fields live under the org's own `_{tenant}` namespace;
 * lifetime value has no standard XDM field; Adobe documents Customer AI outputs only by display name
 * ("Score", "Influential factors"), not by JSON key, and each org names its model instances
 * (https://experienceleague.adobe.com/en/docs/experience-platform/intelligent-services/customer-ai/data-requirements). So every such path comes from here, with defaults that match the demo org.
 *
 * Paths may use `{tenant}` for the tenant id without its underscore: `_{tenant}.crm.lifetimeValue`
 * becomes `_acmetelco.crm.lifetimeValue`. The parsed config holds the expanded paths.
 */
import { z } from 'zod';
import { ComputedAttribute } from '../contract/cardModel';

const PATH = /^[A-Za-z_{][A-Za-z0-9_{}]*(\.[A-Za-z_{][A-Za-z0-9_{}]*)*$/;
const path = z.string().max(256).regex(PATH, 'must be a dotted XDM path such as _{tenant}.crm.lifetimeValue');

export const ScoreConfigSchema = z
    .object({
        /** Stable key the card and Apex can rely on (churn, conversion...). */
        key: z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, 'score key must be letters, digits, underscores'),
        label: z.string().min(1).max(80),
        /** The Customer AI instance object, e.g. _{tenant}.CustomerAI.churn_90d. */
        path,
        /** Score (0-100) at or above which the level is medium / high. */
        thresholds: z
            .object({ medium: z.number().min(0).max(100), high: z.number().min(0).max(100) })
            .strict()
            .refine((t) => t.medium <= t.high, 'thresholds.medium must not exceed thresholds.high'),
        /** For scores where a low value is the alarming one: levels are computed on 100 - score. */
        invert: z.boolean().default(false)
    })
    .strict();

const AttributeDisplay = z
    .object({ label: z.string().min(1).max(80).optional(), kind: ComputedAttribute.shape.kind.optional(), hidden: z.boolean().optional() })
    .strict();

const RawShapingConfig = z
    .object({
        tenant: z
            .string()
            .regex(/^_?[A-Za-z0-9]{1,64}$/, 'tenant must be the tenant namespace, e.g. _acmetelco')
            .default('_acmetelco'),
        lifetimeValue: z
            .object({
                path: path.default('_{tenant}.crm.lifetimeValue'),
                /** ISO 4217 code used when the profile carries none at currencyPath. */
                currency: z
                    .string()
                    .regex(/^[A-Z]{3}$/, 'currency must be an ISO 4217 code such as USD')
                    .default('USD'),
                currencyPath: path.nullable().default(null),
                valueTierPath: path.nullable().default('_{tenant}.crm.valueTier')
            })
            .strict()
            .prefault({}),
        scores: z
            .array(ScoreConfigSchema)
            .max(20)
            .refine((s) => new Set(s.map((x) => x.key)).size === s.length, 'score keys must be unique')
            .default([
                {
                    key: 'churn',
                    label: 'Churn risk',
                    path: '_{tenant}.CustomerAI.churn_90d',
                    thresholds: { medium: 40, high: 70 },
                    invert: false
                },
                {
                    key: 'conversion',
                    label: 'Conversion propensity',
                    path: '_{tenant}.CustomerAI.conversion_30d',
                    thresholds: { medium: 40, high: 70 },
                    invert: false
                },
                {
                    key: 'upsell',
                    label: 'Upsell propensity',
                    path: '_{tenant}.CustomerAI.upsell_90d',
                    thresholds: { medium: 40, high: 70 },
                    invert: false
                }
            ]),
        computedAttributes: z
            .object({
                /** Where AEP materialises computed attributes (needs withCA=true on the look-up). */
                path: path.default('_{tenant}.SystemComputedAttributes'),
                /** Optional labels/kinds per attribute name; unlisted attributes get inferred ones. Listed ones come first. */
                attributes: z
                    .record(z.string().regex(/^[A-Za-z0-9_]{1,64}$/, 'attribute names are letters, digits, underscores'), AttributeDisplay)
                    .default({})
            })
            .strict()
            .prefault({}),
        events: z
            .object({
                /** eventType prefixes shown on the card; everything else (e.g. decisioning.*) is left out. */
                ofInterest: z
                    .array(z.string().regex(/^[A-Za-z0-9_.]{1,64}$/, 'event types are letters, digits, dots'))
                    .max(50)
                    .default(['commerce.', 'directMarketing.', 'web.', 'application.', 'pushTracking.', 'message.']),
                defaultMax: z.number().int().min(0).max(50).default(10)
            })
            .strict()
            .prefault({}),
        audiences: z
            .object({
                /** segmentMembership namespaces to show: ups (Platform audiences), aam, custom uploads... */
                namespaces: z
                    .array(z.string().regex(/^[A-Za-z0-9_-]{1,32}$/))
                    .min(1)
                    .max(20)
                    .default(['ups']),
                showExited: z.boolean().default(true)
            })
            .strict()
            .prefault({}),
        campaigns: z
            .object({
                /**
                 * Journey Optimizer campaign IDs and journey version IDs -> the name the card shows. AJO's message events
                 * carry IDs only (its names live in the AJO entity dataset, which profile look-ups do not return); copy
                 * them from Journey Optimizer (a campaign's or journey version's properties). The defaults are the demo
                 * org's. An unnamed campaign shows as its channel ("an email campaign"), never as an ID.
                 */
                names: z
                    .record(
                        z.string().regex(/^[A-Za-z0-9_.:-]{1,48}$/, 'campaign ids are letters, digits, _ . : -'),
                        z.string().min(1).max(80)
                    )
                    .refine((names) => Object.keys(names).length <= 500, 'at most 500 campaign names')
                    .default({
                        'c1a6f0d2-5b7e-4f3a-9d21-7e8b0c4a6f10': 'Fall loyalty double points',
                        'c2b7e1f3-6c8f-4a4b-8e32-8f9c1d5b7a21': 'Phone 16 launch',
                        'c3c8f2a4-7d9a-4b5c-9f43-9a0d2e6c8b32': '5G upgrade journey',
                        'c4d9a3b5-8eab-4c6d-8a54-ab1e3f7d9c43': 'Spring device upgrade',
                        'c5eab4c6-9fbc-4d7e-9b65-bc2f4a8eadd4': 'Fiber for households',
                        'c6fbc5d7-a0cd-4e8f-8c76-cd3a5b9fbee5': 'Fiber launch – Japan',
                        'c7acd6e8-b1de-4f9a-9d87-de4b6caf0ff6': 'Fiber launch – Bay Area'
                    }),
                /** A purchase this many days after a click of the campaign counts as converted (last touch); 0: never. */
                conversionWindowDays: z.number().int().min(0).max(90).default(7)
            })
            .strict()
            .prefault({}),
        /**
         * XDM paths (and everything under them) that never reach the card, whatever AEP returns. AEP's
         * label-based access control may not strip them (https://experienceleague.adobe.com/en/docs/experience-platform/data-governance/labels/reference),
         * so the proxy enforces it. The defaults drop hashed identities (ad-activation identifiers an agent has
         * no use for) and precise geolocation.
         */
        denylist: z
            .array(path)
            .max(200)
            .default([
                'identityMap.email_lc_sha256',
                'identityMap.phone_sha256',
                'homeAddress.latitude',
                'homeAddress.longitude',
                'homeAddress._geo',
                'person.taxId',
                'person.nationalId'
            ]),
        /** Deep link to the AEP UI; `{profileId}` is replaced by the URL-encoded XID. */
        aepProfileUrlTemplate: z
            .string()
            .max(200)
            .regex(/^https:\/\/[^\s]+$/, 'aepProfileUrlTemplate must be an https URL')
            .refine((t) => t.includes('{profileId}'), 'aepProfileUrlTemplate must contain {profileId}')
            .nullable()
            .default(null)
    })
    .strict();

export const ShapingConfig = RawShapingConfig.transform((raw) => {
    const tenant = raw.tenant.startsWith('_') ? raw.tenant : `_${raw.tenant}`;
    const id = tenant.slice(1);
    const expand = (p: string) => p.replaceAll('{tenant}', id);
    const expandNullable = (p: string | null) => (p === null ? null : expand(p));
    return {
        ...raw,
        tenant,
        lifetimeValue: {
            ...raw.lifetimeValue,
            path: expand(raw.lifetimeValue.path),
            currencyPath: expandNullable(raw.lifetimeValue.currencyPath),
            valueTierPath: expandNullable(raw.lifetimeValue.valueTierPath)
        },
        scores: raw.scores.map((s) => ({ ...s, path: expand(s.path) })),
        computedAttributes: { ...raw.computedAttributes, path: expand(raw.computedAttributes.path) },
        denylist: raw.denylist.map(expand)
    };
});
export type ShapingConfig = z.output<typeof ShapingConfig>;
export type ScoreConfig = ShapingConfig['scores'][number];

/** Validates a PROXY_SHAPING value (defaults fill what it leaves out); throws an Error listing every issue. */
export function parseShapingConfig(value: unknown): ShapingConfig {
    const parsed = ShapingConfig.safeParse(value ?? {});
    if (!parsed.success) {
        throw new Error(parsed.error.issues.map((i) => `${i.path.length > 0 ? i.path.join('.') : '(root)'}: ${i.message}`).join('; '));
    }
    return parsed.data;
}

export const DEFAULT_SHAPING_CONFIG: ShapingConfig = parseShapingConfig({});
