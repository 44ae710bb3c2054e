import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../plan/parse';
import { findSectionsNaming } from '../plan/text';
import { PlanFeatureSourceCollection } from './features';
import { placeCoverage } from './namedPlaces';
import { UnplacedList } from './unplaced';

/**
 * Every place the plan names is accounted for: on the map (a feature's name or alias) or in
 * geodata/unplaced.json with the reason. The names are a fixture found by reading the plan,
 * so a place dropped from both files fails here.
 */
const root = join(import.meta.dirname, '../../..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const fixture = JSON.parse(read('src/lib/data/fixtures/named-places.json')) as {
  places: Record<string, string[]>;
};
const named = Object.values(fixture.places).flat();
const features = PlanFeatureSourceCollection.parse(
  JSON.parse(read('geodata/plan-features.geojson')),
).features.map((f) => f.properties);
const unplaced = UnplacedList.parse(JSON.parse(read('geodata/unplaced.json'))).places;
const doc = parsePlan(read('src/content/linhai-14th-five-year-plan.md'));

const onMap = new Set(features.flatMap((p) => [p.name, ...(p.aliases ?? [])]));
const listed = new Set(unplaced.flatMap((p) => [p.name, ...(p.aliases ?? [])]));

describe('places the plan names (fixtures/named-places.json)', () => {
  it('include 市疾控中心 (§11.3), which the first list missed', () => {
    expect(named).toContain('市疾控中心');
  });

  it('are at least 128 distinct places drawn on the map, each linked to a section naming it', () => {
    const coverage = placeCoverage(named, features, unplaced);
    expect(coverage.missing).toEqual([]);
    expect(coverage.drawn.length).toBeGreaterThanOrEqual(128);
    const byId = new Map(features.map((p) => [p.id, p]));
    for (const id of coverage.drawn) {
      const p = byId.get(id)!;
      const naming = [p.name, ...(p.aliases ?? [])].flatMap((n) => findSectionsNaming(doc, n));
      expect(
        p.sections.some((s) => naming.includes(s)),
        `${id}: no cited section names it`,
      ).toBe(true);
    }
  });

  it('are really in the plan text', () => {
    for (const name of named) expect(findSectionsNaming(doc, name), name).not.toEqual([]);
  });

  it('are each on the map or listed as unplaced, never both', () => {
    for (const name of named) {
      expect(onMap.has(name) || listed.has(name), name).toBe(true);
      expect(onMap.has(name) && listed.has(name), name).toBe(false);
    }
  });

  it('include every unplaced entry (the list holds only places found in the plan)', () => {
    const all = new Set(named);
    for (const p of unplaced)
      expect(
        [p.name, ...(p.aliases ?? [])].some((n) => all.has(n)),
        p.name,
      ).toBe(true);
  });

  it('cite, when unplaced, every section whose text names them', () => {
    for (const p of unplaced) {
      const naming = [p.name, ...(p.aliases ?? [])].flatMap((n) => findSectionsNaming(doc, n));
      const missing = [...new Set(naming)].filter((s) => !p.sections.includes(s));
      expect(missing, p.name).toEqual([]);
    }
  });
});
