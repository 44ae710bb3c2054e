import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { PlanLikeFeature } from '../input';
import type { ZoneFeature } from '../zones';

/** The real data, when present: the shipped boundary, and the plan features once compiled. */

const ROOT = join(import.meta.dirname, '../../../..');
const geodata = (name: string) => join(ROOT, 'geodata', name);

export function realBoundary(): Feature<Polygon | MultiPolygon> {
  const fc = JSON.parse(
    readFileSync(geodata('linhai-boundary.geojson'), 'utf8'),
  ) as FeatureCollection<Polygon | MultiPolygon>;
  return fc.features[0]!;
}

export const HAS_PLAN_FEATURES = existsSync(geodata('plan-features.geojson'));

export function realPlanFeatures(): PlanLikeFeature[] {
  if (!HAS_PLAN_FEATURES) return [];
  const fc = JSON.parse(readFileSync(geodata('plan-features.geojson'), 'utf8')) as {
    features: PlanLikeFeature[];
  };
  return fc.features;
}

/** Zone polygons (layer `zones`, Polygon/MultiPolygon, id starting with `zone-`) of the plan. */
export function realZones(features: PlanLikeFeature[]): ZoneFeature[] {
  return features.filter(
    (f) =>
      f.properties.layer === 'zones' &&
      /^zone-/.test(f.properties.id) &&
      (f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon'),
  ) as ZoneFeature[];
}
