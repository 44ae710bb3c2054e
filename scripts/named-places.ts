/**
 * How many of the plan's named places are drawn and how many are listed as unplaced
 * (`npx tsx scripts/named-places.ts`). The same count `namedPlaces.test.ts` holds.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PlanFeatureSourceCollection } from '../src/lib/data/features.ts';
import { placeCoverage } from '../src/lib/data/namedPlaces.ts';
import { UnplacedList } from '../src/lib/data/unplaced.ts';

const root = join(import.meta.dirname, '..');
const read = (path: string) => JSON.parse(readFileSync(join(root, path), 'utf8')) as unknown;
const fixture = read('src/lib/data/fixtures/named-places.json') as {
  places: Record<string, string[]>;
};
const features = PlanFeatureSourceCollection.parse(read('geodata/plan-features.geojson')).features;
const unplaced = UnplacedList.parse(read('geodata/unplaced.json')).places;
const c = placeCoverage(
  Object.values(fixture.places).flat(),
  features.map((f) => f.properties),
  unplaced,
);
console.log(
  `names checked: ${c.names}\n` +
    `drawn: ${c.drawn.length} distinct places (of ${features.length} map features)\n` +
    `unplaced: ${c.unplaced.length} distinct places (of ${unplaced.length} entries)\n` +
    `missing: ${c.missing.length}${c.missing.length ? ` (${c.missing.join(', ')})` : ''}`,
);
