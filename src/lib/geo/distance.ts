import {
  booleanIntersects,
  distance as turfDistance,
  pointOnFeature,
  pointToLineDistance,
} from '@turf/turf';
import type { Geometry, LineString, Position } from 'geojson';
import { GeoInputError } from './measure';
import { listOf, toGeometry, type AnyFeature, type FeatureList, type GeoInput } from './input';

/**
 * Distances between places, in km on the sphere (Turf: haversine for point pairs, great-circle
 * nearest point on a segment for point–line; R = 6,371,008.8 m). Against geographiclib on the
 * WGS-84 ellipsoid the sphere is within ±0.35 % at Linhai's latitude (≈ 28.8° N).
 *
 * Semantics (the choice for lines and areas): `distanceKm` is the *nearest-point* distance —
 * 0 when the geometries touch, cross or one contains the other; otherwise the smallest
 * distance from a vertex of either geometry to the other's points and segments, which for
 * non-intersecting lines and rings is where the minimum lies. `representativePoint` gives
 * the other common choice (one point per feature) for tables of places.
 */

function vertices(geometry: Geometry): Position[] {
  switch (geometry.type) {
    case 'Point':
      return [geometry.coordinates];
    case 'MultiPoint':
    case 'LineString':
      return geometry.coordinates;
    case 'MultiLineString':
    case 'Polygon':
      return geometry.coordinates.flat();
    case 'MultiPolygon':
      return geometry.coordinates.flat(2);
    default:
      throw new GeoInputError(`distanceKm: unsupported geometry ${geometry.type}`);
  }
}

/** Lines (polygon rings included) and lone points of a geometry. */
function linework(geometry: Geometry): { lines: LineString[]; points: Position[] } {
  const lines: Position[][] = [];
  const points: Position[] = [];
  switch (geometry.type) {
    case 'Point':
      points.push(geometry.coordinates);
      break;
    case 'MultiPoint':
      points.push(...geometry.coordinates);
      break;
    case 'LineString':
      lines.push(geometry.coordinates);
      break;
    case 'MultiLineString':
    case 'Polygon':
      lines.push(...geometry.coordinates);
      break;
    case 'MultiPolygon':
      lines.push(...geometry.coordinates.flat());
      break;
  }
  const kept: LineString[] = [];
  for (const l of lines) {
    // a line of one position, or of repeated positions, has no segment: treat it as a point
    if (l.length >= 2 && l.some((p) => p[0] !== l[0]![0] || p[1] !== l[0]![1]))
      kept.push({ type: 'LineString', coordinates: l });
    else if (l[0]) points.push(l[0]);
  }
  return { lines: kept, points };
}

function oneWay(from: Geometry, to: Geometry): number {
  const { lines, points } = linework(to);
  let best = Infinity;
  for (const p of vertices(from)) {
    for (const q of points) best = Math.min(best, turfDistance(p, q, { units: 'kilometers' }));
    for (const line of lines)
      best = Math.min(best, pointToLineDistance(p, line, { units: 'kilometers' }));
  }
  return best;
}

/**
 * Geodesic (spherical) distance in km between two places, nearest point to nearest point.
 *
 * @param a a [lon, lat] position, a geometry or a feature
 * @param b the same
 * @returns km ≥ 0; 0 when the geometries intersect (e.g. a point inside a polygon)
 * @throws GeoInputError for empty geometries or bad coordinates
 * @example
 * distanceKm([121.24, 28.88], [121.6, 28.75]) // 临海站 → 头门港站 ≈ 37.94
 */
export function distanceKm(a: GeoInput, b: GeoInput): number {
  const ga = toGeometry(a, 'distanceKm');
  const gb = toGeometry(b, 'distanceKm');
  if (ga.type === 'Point' && gb.type === 'Point')
    return turfDistance(ga.coordinates, gb.coordinates, { units: 'kilometers' });
  if (booleanIntersects(ga, gb)) return 0;
  const km = Math.min(oneWay(ga, gb), oneWay(gb, ga));
  if (!Number.isFinite(km)) throw new GeoInputError('distanceKm: no distance could be measured');
  return km;
}

/**
 * One point standing for a place: the point itself, or Turf's `pointOnFeature` for lines and
 * areas (the centroid when it lies on the feature, otherwise a point on it).
 *
 * @param input a position, geometry or feature
 * @returns [lon, lat]
 * @example
 * representativePoint({ type: 'Polygon', coordinates: [[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]] }) // [1, 1]
 */
export function representativePoint(input: GeoInput): Position {
  const geometry = toGeometry(input, 'representativePoint');
  if (geometry.type === 'Point') return geometry.coordinates;
  return pointOnFeature(geometry).geometry.coordinates;
}

/** The nearest feature to a place and its distance. */
export interface Nearest<F extends AnyFeature> {
  feature: F;
  km: number;
}

/**
 * The feature nearest to a place (nearest-point distance, see `distanceKm`).
 *
 * @param point a position, point, or any geometry or feature to measure from
 * @param features candidates (array or FeatureCollection); features without geometry are skipped
 * @param filter keeps only candidates it returns true for (e.g. by layer)
 * @returns `{ feature, km }`, or null when no candidate remains
 * @example
 * nearestFeature([121.24, 28.88], plan, (f) => f.properties.layer === 'logistics')
 * // { feature: { properties: { id: 'linhai-station-logistics', … } }, km: 0.8 }
 */
export function nearestFeature<F extends AnyFeature>(
  point: GeoInput,
  features: FeatureList<F>,
  filter?: (feature: F) => boolean,
): Nearest<F> | null {
  const from = toGeometry(point, 'nearestFeature');
  let best: Nearest<F> | null = null;
  for (const feature of listOf(features, 'nearestFeature')) {
    if (filter && !filter(feature)) continue;
    const geometry = toGeometry(feature, 'nearestFeature', true);
    if (!geometry) continue;
    const km = distanceKm(from, geometry);
    if (!best || km < best.km) best = { feature, km };
  }
  return best;
}
