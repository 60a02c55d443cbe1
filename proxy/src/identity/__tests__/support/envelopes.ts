import { ProfileEnvelope } from '../../../contract/aepEntities';

/** A merged-profile envelope as AEP returns it (lower-case identityMap keys). */
export function envelope(
    xid: string,
    person: { first: string; last: string; city?: string; tier?: string },
    identities: Record<string, string[]>,
    extra: Record<string, unknown> = {}
): ProfileEnvelope {
    return ProfileEnvelope.parse({
        entityId: xid,
        mergePolicy: { id: '7b0e1f2c-3d4e-4f50-8a6b-9c8d7e6f5a41' },
        sources: ['6601c2a9e3b4f5198a7d0c11'],
        identityGraph: [xid],
        entity: {
            person: { name: { firstName: person.first, lastName: person.last } },
            ...(person.city ? { homeAddress: { city: person.city, street1: '1 Secret Lane' } } : {}),
            ...(person.tier ? { loyalty: { tier: person.tier } } : {}),
            identityMap: Object.fromEntries(Object.entries(identities).map(([ns, ids]) => [ns.toLowerCase(), ids.map((id) => ({ id }))]))
        },
        lastModifiedAt: '2024-05-05T21:14:05Z',
        ...extra
    });
}

export const JANE = envelope(
    'A28iJaneDoeXid00000001',
    { first: 'Jane', last: 'Doe', city: 'San Francisco', tier: 'gold' },
    {
        email: ['jane.doe@example.com'],
        phone: ['+14155550123'],
        crmid: ['0038c00002JaneDAAR'],
        loyaltyid: ['LY-100234']
    }
);
export const SAM = envelope(
    'A28iSamRiveraXid000001',
    { first: 'Sam', last: 'Rivera', city: 'Oakland' },
    {
        email: ['sam.rivera@example.com'],
        phone: ['+14155550188'],
        crmid: ['0038c00002RivrSAAR']
    }
);
export const ALEX = envelope(
    'A28iAlexRiveraXid00001',
    { first: 'Alex', last: 'Rivera', city: 'Oakland', tier: 'silver' },
    {
        email: ['alex.rivera@example.com'],
        phone: ['+14155550188'],
        crmid: ['0038c00002RivrAAAR']
    }
);
