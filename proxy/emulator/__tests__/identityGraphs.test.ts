import type { RunningEmulator } from '../src';
import { SEED_IDENTITIES, deriveXid } from '../src';
import type { IdentityRef, ProfileRecord } from '../src/store/dataset';
import { cappedMembers, connectedComponents, graphsOf } from '../src/store/identityGraph';
import { aepHeaders, call, entitiesUrl, start, tokenFor } from './helpers';

const id = (namespace: string, value: string): IdentityRef => ({ namespace, id: value });

function record(key: string, identities: IdentityRef[], linkedAt: number): ProfileRecord {
    return {
        xid: deriveXid(identities[0]!.namespace, identities[0]!.id),
        primary: identities[0]!,
        identities,
        entity: {},
        sources: [],
        tags: [key],
        lastModifiedAt: new Date(linkedAt).toISOString(),
        linkedAt
    };
}

const RULES = { uniqueNamespaces: ['CRMID'], namespacePriority: ['CRMID', 'Email', 'Phone', 'ECID'] };

describe('identity graphs (store/identityGraph.ts)', () => {
    const sam = record('sam', [id('CRMID', 'S'), id('Email', 's@x'), id('Phone', 'P')], 2000);
    const alex = record('alex', [id('CRMID', 'A'), id('Email', 'a@x'), id('Phone', 'P')], 1000);
    const other = record('other', [id('CRMID', 'O'), id('Email', 'o@x')], 500);

    it('groups records that share any identity, transitively', () => {
        const bridge = record('bridge', [id('ECID', 'E1'), id('Email', 'a@x'), id('Email', 'o@x')], 100);
        const components = connectedComponents([sam, alex, other, bridge]);
        expect(components).toHaveLength(1);
        expect(connectedComponents([sam, alex, other]).map((c) => c.map((r) => r.tags[0]))).toEqual([['sam', 'alex'], ['other']]);
    });

    it('without linking rules one graph holds both people (graph collapse)', () => {
        const [graph, ...rest] = graphsOf([sam, alex], null);
        expect(rest).toEqual([]);
        expect(graph!.members.filter((m) => m.namespace === 'CRMID').map((m) => m.id)).toEqual(['S', 'A']);
        expect(graph!.records).toEqual([sam, alex]);
    });

    it('with a unique CRMID the shared phone stays with the person whose link is the latest', () => {
        const graphs = graphsOf([sam, alex], RULES);
        const owner = (phone: string) => graphs.find((g) => g.members.some((m) => m.id === phone))!;
        expect(owner('P').records).toEqual([sam]);
        expect(graphs.find((g) => g.records.includes(alex))!.members.map((m) => m.id)).toEqual(['A', 'a@x']);
        // The same data with Alex's record newer: the phone goes to Alex.
        const newer = { ...alex, linkedAt: 3000 };
        expect(graphsOf([sam, newer], RULES).find((g) => g.members.some((m) => m.id === 'P'))!.records).toEqual([newer]);
    });

    it('breaks a tie in time by the sum of namespace priority (lower first)', () => {
        // Both links arrive at once; CRMID-Phone (0+2) is replayed before Email-Phone (1+2), so the phone joins X.
        const byCrm = record('x', [id('CRMID', 'X'), id('Phone', 'Q')], 1000);
        const byEmail = record('y', [id('Email', 'y@x'), id('CRMID', 'Y'), id('Phone', 'Q')], 1000);
        const graphs = graphsOf([byEmail, byCrm], RULES);
        expect(graphs.find((g) => g.members.some((m) => m.id === 'Q'))!.records).toEqual([byCrm]);
    });

    it('caps the served graph at 50 identities, dropping the oldest cookies first', () => {
        const members = [id('Email', 'e'), ...Array.from({ length: 52 }, (_, i) => id('ECID', String(i))), id('Phone', 'p')];
        const capped = cappedMembers(members);
        expect(capped).toHaveLength(50);
        expect(capped.map((m) => m.id)).toEqual(['e', ...Array.from({ length: 48 }, (_, i) => String(i + 4)), 'p']);
        expect(cappedMembers(members.slice(0, 50))).toHaveLength(50);
    });
});

describe('an org with Identity Graph Linking Rules (the linked org) against one without (primary)', () => {
    let emu: RunningEmulator;
    let primary: Record<string, string>;
    let linked: Record<string, string>;

    beforeAll(async () => {
        emu = await start();
        primary = aepHeaders(await tokenFor(emu), emu.orgs.primary);
        linked = aepHeaders(await tokenFor(emu, emu.orgs.linked), emu.orgs.linked);
    });
    afterAll(() => emu.close());

    type Entry = { entityId: string; identityGraph: string[]; entity: Record<string, any> };
    const lookup = async (headers: Record<string, string>, entityId: string, entityIdNS: string) => {
        const res = await call(entitiesUrl(emu, { 'schema.name': '_xdm.context.profile', entityId, entityIdNS }), { headers });
        return { status: res.status, entries: Object.values((res.body ?? {}) as Record<string, Entry>) };
    };

    it('answers the household phone with the collapsed profile without rules, and with Sam alone with rules', async () => {
        const collapsed = await lookup(primary, SEED_IDENTITIES.sam.phone, 'Phone');
        expect(collapsed.entries).toHaveLength(1);
        expect(collapsed.entries[0]!.entity.identityMap.crmid).toHaveLength(2);

        const kept = await lookup(linked, SEED_IDENTITIES.sam.phone, 'Phone');
        expect(kept.entries).toHaveLength(1);
        expect(kept.entries[0]!.entity.person.name.fullName).toBe('Sam Rivera');
        expect(kept.entries[0]!.entity.identityMap.crmid).toEqual([{ id: SEED_IDENTITIES.sam.crmId }]);
    });

    it('keeps Alex as his own person there: his graph lost the phone link, his record still lists the phone it was ingested with', async () => {
        const alex = await lookup(linked, SEED_IDENTITIES.alex.email, 'Email');
        expect(alex.entries).toHaveLength(1);
        const entry = alex.entries[0]!;
        expect(entry.entity.person.name.fullName).toBe('Alex Rivera');
        expect(entry.identityGraph).not.toContain(deriveXid('Phone', SEED_IDENTITIES.alex.phone));
        expect(entry.entity.identityMap.phone).toEqual([{ id: SEED_IDENTITIES.alex.phone }]);
    });
});
