/**
 * Writes proxy/src/profile/cardModel.schema.json from the zod CardModel (`npm run schema`).
 * The LWC tests and the local preview read the JSON Schema; a proxy test fails when it drifts.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cardModelJsonSchemaText } from '../proxy/src/profile/cardModelSchema';

const target = join(__dirname, '..', 'proxy', 'src', 'profile', 'cardModel.schema.json');
writeFileSync(target, cardModelJsonSchemaText());
console.log(`wrote ${target}`);
