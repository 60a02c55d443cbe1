/**
 * The emulated identity namespace catalogue (`GET /data/core/idnamespace/identities`).
 * Standard ids follow Adobe's privacy appendix (ECID 4, Email 6, Phone 7, ...); CRMID and loyaltyId are
 * custom, org-created namespaces with large numeric ids, as in real orgs.
 * idType values use the casing of Adobe's list-namespaces example (COOKIE, CROSS_DEVICE, Email, Phone).
 * Phone (E.164) and Phone (SHA256_E.164) are standard namespaces (identity symbols `Phone_E.164` and
 * `Phone_SHA256_E.164`, https://experienceleague.adobe.com/en/docs/experience-platform/identity/features/namespaces);
 * Adobe publishes no numeric id for them, so 16 and 17 here are ours.
 */
export interface IdentityNamespace {
    readonly id: number;
    readonly code: string;
    readonly name: string;
    readonly description: string;
    readonly idType: 'COOKIE' | 'CROSS_DEVICE' | 'Device' | 'Email' | 'MOBILE' | 'Non_people' | 'Phone';
    readonly custom: boolean;
    readonly status: 'ACTIVE';
    readonly createTime: number;
    readonly updateTime: number;
}

const STANDARD_TIME = 1495153678000;
const CUSTOM_TIME = 1572918753626;

export const NAMESPACES: readonly IdentityNamespace[] = Object.freeze([
    ns(0, 'CORE', 'CORE', 'Adobe Audience Manager UUID', 'COOKIE', false, STANDARD_TIME),
    ns(4, 'ECID', 'ECID', 'ECID Namespace', 'COOKIE', false, STANDARD_TIME),
    ns(6, 'Email', 'Email', 'Email', 'Email', false, CUSTOM_TIME),
    ns(7, 'Phone', 'Phone', 'Phone', 'Phone', false, CUSTOM_TIME),
    ns(8, 'WAID', 'Windows AID', 'Windows AID', 'Device', false, STANDARD_TIME),
    ns(9, 'TNTID', 'TNTID', 'Adobe Target ID', 'COOKIE', false, STANDARD_TIME),
    ns(11, 'Email_LC_SHA256', 'Emails (SHA256, lowercased)', 'Email addresses lower-cased then SHA256 hashed', 'Email', false, CUSTOM_TIME),
    ns(15, 'Phone_SHA256', 'Phone (SHA256)', 'Phone numbers hashed with SHA256', 'Phone', false, CUSTOM_TIME),
    ns(16, 'Phone_SHA256_E.164', 'Phone (SHA256_E.164)', 'Phone numbers in E.164 format hashed with SHA256', 'Phone', false, CUSTOM_TIME),
    ns(17, 'Phone_E.164', 'Phone (E.164)', 'Raw phone numbers in E.164 format', 'Phone', false, CUSTOM_TIME),
    ns(411, 'AdCloud', 'AdCloud', 'Adobe AdCloud - ID Syncing Partner', 'COOKIE', false, STANDARD_TIME),
    ns(20914, 'GAID', 'Google Ad ID (GAID)', 'Google Advertising ID', 'Device', false, STANDARD_TIME),
    ns(20915, 'IDFA', 'Apple IDFA (ID for Advertisers)', 'Apple ID for Advertisers', 'Device', false, STANDARD_TIME),
    ns(10018776, 'CRMID', 'CRM ID', 'CRM ID (Salesforce Contact Id or billing customer id)', 'CROSS_DEVICE', true, CUSTOM_TIME),
    ns(10018777, 'loyaltyId', 'Loyalty Member ID', 'Acme Rewards loyalty member id', 'CROSS_DEVICE', true, CUSTOM_TIME)
]);

function ns(
    id: number,
    code: string,
    name: string,
    description: string,
    idType: IdentityNamespace['idType'],
    custom: boolean,
    time: number
): IdentityNamespace {
    return Object.freeze({ id, code, name, description, idType, custom, status: 'ACTIVE', createTime: time, updateTime: time });
}

const BY_CODE = new Map(NAMESPACES.map((n) => [n.code.toLowerCase(), n]));
const BY_ID = new Map(NAMESPACES.map((n) => [n.id, n]));

/** Namespace codes are compared case-insensitively (docs use `email`, `ecid`; the catalogue says `Email`, `ECID`). */
export function namespaceByCode(code: string): IdentityNamespace | undefined {
    return BY_CODE.get(code.toLowerCase());
}

export function namespaceById(id: number): IdentityNamespace | undefined {
    return BY_ID.get(id);
}
