import type { PlanFeatureProperties } from './features';
import type { UnplacedPlace } from './unplaced';

/** How the plan's named places are accounted for: distinct places, not spellings. */
export interface PlaceCoverage {
  /** Names checked (the fixture's list, aliases included). */
  names: number;
  /** Ids of the distinct map features a listed name resolves to. */
  drawn: string[];
  /** Names of the distinct unplaced entries a listed name resolves to. */
  unplaced: string[];
  /** Listed names that are neither on the map nor unplaced. */
  missing: string[];
}

/**
 * Resolve each listed name to the feature or unplaced entry that carries it (as its name or
 * an alias) and count distinct places, so two spellings of one place count once.
 * @example placeCoverage(['杭绍台铁路', '杭绍台高铁'], features, []).drawn // ['hangshaotai-railway']
 */
export function placeCoverage(
  names: string[],
  features: PlanFeatureProperties[],
  unplaced: UnplacedPlace[],
): PlaceCoverage {
  const featureOf = new Map<string, string>();
  for (const p of features) for (const n of [p.name, ...(p.aliases ?? [])]) featureOf.set(n, p.id);
  const unplacedOf = new Map<string, string>();
  for (const p of unplaced)
    for (const n of [p.name, ...(p.aliases ?? [])]) unplacedOf.set(n, p.name);
  const drawn = new Set<string>();
  const listed = new Set<string>();
  const missing: string[] = [];
  for (const name of names) {
    const id = featureOf.get(name);
    const entry = unplacedOf.get(name);
    if (id) drawn.add(id);
    if (entry) listed.add(entry);
    if (!id && !entry) missing.push(name);
  }
  return { names: names.length, drawn: [...drawn], unplaced: [...listed], missing };
}
