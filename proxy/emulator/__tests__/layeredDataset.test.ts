import { LayeredDataset, SEED_IDENTITIES, deriveXid, generateDataset } from '../src';
import { seedDataset } from '../src/seed';

describe('LayeredDataset', () => {
    const generated = generateDataset({ seed: 5, profiles: 3, eventsPerProfile: 4 });
    const ids = generated.identitiesOf(1);
    const expected = JSON.stringify(generated.eventsOf(generated.profileAt(1)));

    it('answers events from the layer that holds the profile, however the profile was found', () => {
        const layered = new LayeredDataset([seedDataset(), new LayeredDataset([generated])]);
        const [byEmail] = layered.findByIdentity('email', ids.email);
        const [byXid] = layered.findByXid(deriveXid('CRMID', ids.crmId));
        expect(JSON.parse(expected)).toHaveLength(4);
        expect(JSON.stringify(layered.eventsOf(byEmail!))).toBe(expected);
        expect(JSON.stringify(layered.eventsOf(byXid!))).toBe(expected);
        // A profile built outside the layered set is matched to its layer by XID.
        expect(JSON.stringify(layered.eventsOf(generated.profileAt(1)))).toBe(expected);
        const [jane] = layered.findByIdentity('Email', SEED_IDENTITIES.jane.email);
        expect(layered.eventsOf(jane!).length).toBeGreaterThanOrEqual(25);
        expect(layered.eventsOf({ ...jane!, xid: 'AnXidNoLayerKnows000000' })).toEqual([]);
    });

    it('does not look a profile up again to find its events (a generated layer would rebuild it)', () => {
        const layered = new LayeredDataset([seedDataset(), generated]);
        const [profile] = layered.findByIdentity('Email', ids.email);
        const findByXid = jest.spyOn(generated, 'findByXid');
        try {
            expect(JSON.stringify(layered.eventsOf(profile!))).toBe(expected);
            expect(findByXid).not.toHaveBeenCalled();
        } finally {
            findByXid.mockRestore();
        }
    });
});
