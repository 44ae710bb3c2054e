import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import type { PlanLikeFeature } from '../input';
import { townAreas, zoneAreas, type ZoneMembership } from '../townAreas';
import type { ZoneFeature } from '../zones';

/**
 * The real data, for the oracle tests and the benchmark: the shipped boundary and seats, and
 * the plan features once compiled, with the zone geometries the build derives (town-union of
 * the schematic town areas, via townAreas.ts) filled in.
 */

const ROOT = join(import.meta.dirname, '../../../..');
const geodata = (name: string) => join(ROOT, 'geodata', name);
const readJson = <T>(name: string) => JSON.parse(readFileSync(geodata(name), 'utf8')) as T;

export function realBoundary(): Feature<Polygon | MultiPolygon> {
  return readJson<FeatureCollection<Polygon | MultiPolygon>>('linhai-boundary.geojson')
    .features[0]!;
}

export const HAS_PLAN_FEATURES = existsSync(geodata('plan-features.geojson'));

interface Derive {
  kind?: string;
  towns?: string[];
}

/** Plan features with derived (town-union) geometries filled in; [] when not compiled yet. */
export function realPlanFeatures(): PlanLikeFeature[] {
  if (!HAS_PLAN_FEATURES) return [];
  const features = readJson<{ features: PlanLikeFeature[] }>('plan-features.geojson').features;
  const membership: ZoneMembership = {};
  for (const f of features) {
    const derive = (f.properties as { derive?: Derive }).derive;
    if (!f.geometry && derive?.kind === 'town-union' && derive.towns)
      membership[f.properties.id] = {
        name: f.properties.name ?? f.properties.id,
        towns: derive.towns,
      };
  }
  const seats = readJson<FeatureCollection<Point>>('linhai-township-seats.geojson');
  const towns = townAreas(seats, realBoundary());
  const derived = new Map(zoneAreas(towns, membership).features.map((z) => [z.properties.id, z]));
  return features.map((f) => {
    const zone = derived.get(f.properties.id);
    return zone ? { ...f, geometry: zone.geometry } : f;
  });
}

/** The three zones of 一带三区 (id `zone-…`, with geometry) among the plan features. */
export function realZones(features: PlanLikeFeature[]): ZoneFeature[] {
  return features.filter(
    (f) =>
      /^zone-/.test(f.properties.id) &&
      (f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon'),
  ) as ZoneFeature[];
}
