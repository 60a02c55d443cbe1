import { MemoryDataset, type Dataset, type ExperienceEventRecord } from '../store/dataset';
import { SEED_AUDIENCES } from './audiences';
import { buildProfile } from './profileBuilder';
import { seedPeople } from './people';

export { SEED_IDENTITIES, SEED_AS_OF } from './people';
export { AUDIENCE, SEED_AUDIENCES } from './audiences';
export { CAMPAIGN, MESSAGE } from './campaigns';

/** The demo's seed people as an in-memory data set. */
export function seedDataset(): Dataset {
    const people = seedPeople();
    const profiles = people.map(buildProfile);
    const events = new Map<string, readonly ExperienceEventRecord[]>();
    profiles.forEach((profile, i) => events.set(profile.xid, people[i]!.events));
    return new MemoryDataset({ profiles, events, audiences: SEED_AUDIENCES });
}
