import { distance as turfDistance } from '@turf/turf';
import type { Geometry, Position } from 'geojson';
import { GeoInputError } from './measure';
import { representativePoint } from './distance';
import { listOf, type FeatureList, type GeoInput, type PlanLikeFeature } from './input';

/**
 * A distance table between key places: straight-line km between representative points (the
 * point itself; Turf `pointOnFeature` for lines and areas), so a station 0.5 km outside a
 * district does not read as "0 km" the way a nearest-point distance would.
 */

/** A place for the table. */
export interface Place {
  id: string;
  label: string;
  geometry: GeoInput;
}

/** A symmetric matrix of km, rows and columns in `ids` order; the diagonal is 0. */
export interface DistanceTable {
  ids: string[];
  labels: string[];
  km: number[][];
}

/**
 * The straight-line distance matrix between places.
 *
 * @param places `{ id, label, geometry }` list; ids must be unique
 * @returns `{ ids, labels, km }` with `km[i][j]` the distance from place i to place j
 * @throws GeoInputError for duplicate ids or empty geometries
 * @example
 * distanceTable([
 *   { id: 'a', label: '临海站', geometry: [121.24, 28.88] },
 *   { id: 'b', label: '头门港站', geometry: [121.6, 28.75] },
 * ]).km // [[0, 37.94], [37.94, 0]]
 */
export function distanceTable(places: readonly Place[]): DistanceTable {
  if (!Array.isArray(places)) throw new GeoInputError('distanceTable: expected a list of places');
  const ids = places.map((p) => p.id);
  if (new Set(ids).size !== ids.length)
    throw new GeoInputError('distanceTable: place ids must be unique');
  const points: Position[] = places.map((p) => representativePoint(p.geometry));
  const km = points.map(() => points.map(() => 0));
  for (let i = 0; i < points.length; i++) {
    for (let j = i + 1; j < points.length; j++) {
      const d = turfDistance(points[i]!, points[j]!, { units: 'kilometers' });
      km[i]![j] = d;
      km[j]![i] = d;
    }
  }
  return { ids, labels: places.map((p) => p.label), km };
}

/** A key place: the feature ids that may stand for it, best first. */
export interface KeyPlace {
  key: string;
  label: string;
  labelEn: string;
  /** Candidate feature ids, tried in order. */
  ids: readonly string[];
}

/**
 * The key places of the table, by plan feature id (the first id present wins; a place none
 * of whose ids is present is reported as missing, never guessed).
 */
export const KEY_PLACES: readonly KeyPlace[] = [
  { key: 'toumen-port', label: '头门港', labelEn: 'Toumen Port', ids: ['toumen-port'] },
  { key: 'linhai-station', label: '临海站', labelEn: 'Linhai Station', ids: ['linhai-station'] },
  {
    key: 'city-centre',
    label: '中心城区',
    labelEn: 'City centre',
    // the 中心城区 area (derived at build time); the old prefectural town if it has no geometry
    ids: ['central-city', 'taizhou-fucheng'],
  },
  { key: 'duqiao', label: '杜桥', labelEn: 'Duqiao', ids: ['town-duqiao'] },
  { key: 'baishuiyang', label: '白水洋', labelEn: 'Baishuiyang', ids: ['town-baishuiyang'] },
  {
    key: 'linhai-edz',
    label: '临海经济开发区',
    labelEn: 'Linhai Economic Development Zone',
    ids: ['linhai-edz'],
  },
  {
    key: 'toumen-edz',
    label: '头门港经济开发区',
    labelEn: 'Toumen Port Economic Development Zone',
    ids: ['toumen-edz'],
  },
];

/**
 * Resolves key places against the plan features.
 *
 * @param features plan features (array or FeatureCollection)
 * @param keys the key places (default `KEY_PLACES`)
 * @returns `places` for `distanceTable` (id = the key, geometry = the feature's) and the
 *   `missing` keys, in `keys` order
 * @example
 * const { places, missing } = resolveKeyPlaces(plan);
 * distanceTable(places); // missing: [] when every key place is in the data
 */
export function resolveKeyPlaces(
  features: FeatureList<PlanLikeFeature>,
  keys: readonly KeyPlace[] = KEY_PLACES,
): { places: Place[]; missing: KeyPlace[] } {
  const byId = new Map<string, Geometry>();
  for (const f of listOf(features, 'resolveKeyPlaces'))
    if (f.geometry) byId.set(f.properties.id, f.geometry);
  const places: Place[] = [];
  const missing: KeyPlace[] = [];
  for (const key of keys) {
    const id = key.ids.find((candidate) => byId.has(candidate));
    if (id === undefined) missing.push(key);
    else places.push({ id: key.key, label: key.label, geometry: byId.get(id)! });
  }
  return { places, missing };
}
