import {
  booleanIntersects,
  booleanPointInPolygon,
  distance as turfDistance,
  pointOnFeature,
  pointToLineDistance,
} from '@turf/turf';
import type { Geometry, LineString, Polygon, Position } from 'geojson';
import { GeoInputError } from './measure';
import { listOf, toGeometry, type AnyFeature, type FeatureList, type GeoInput } from './input';

/**
 * Distances between places, in km on the sphere (Turf: haversine for point pairs, great-circle
 * nearest point on a segment for point–line; R = 6,371,008.8 m). Against geographiclib on the
 * WGS-84 ellipsoid the sphere is within ±0.35 % at Linhai's latitude (≈ 28.8° N).
 *
 * Semantics (the choice for lines and areas): `distanceKm` is the *nearest-point* distance —
 * 0 when the geometries touch, cross or one contains the other (point in polygon, Turf
 * `booleanIntersects` otherwise); else the smallest distance from a vertex of either geometry
 * to the other's points and segments, which for non-intersecting lines and rings is where the
 * minimum lies. Multi-geometries are split into parts and the smallest part distance wins; a
 * zero-length line is measured as its point. `representativePoint` gives
 * the other common choice (one point per feature) for tables of places.
 */

/** A simple part: a point, a line with at least one non-zero segment, or a polygon. */
type Part =
  | { kind: 'point'; p: Position }
  | { kind: 'line'; line: LineString }
  | { kind: 'polygon'; polygon: Polygon; rings: LineString[] };

const hasSegment = (l: Position[]) =>
  l.length >= 2 && l.some((p) => p[0] !== l[0]![0] || p[1] !== l[0]![1]);

/** Splits a geometry into simple parts; a zero-length line becomes its point. */
function parts(geometry: Geometry): Part[] {
  const line = (l: Position[]): Part =>
    hasSegment(l)
      ? { kind: 'line', line: { type: 'LineString', coordinates: l } }
      : { kind: 'point', p: l[0]! };
  const polygon = (rings: Position[][]): Part => ({
    kind: 'polygon',
    polygon: { type: 'Polygon', coordinates: rings },
    rings: rings.filter(hasSegment).map((r) => ({ type: 'LineString', coordinates: r })),
  });
  switch (geometry.type) {
    case 'Point':
      return [{ kind: 'point', p: geometry.coordinates }];
    case 'MultiPoint':
      return geometry.coordinates.map((p) => ({ kind: 'point', p }));
    case 'LineString':
      return [line(geometry.coordinates)];
    case 'MultiLineString':
      return geometry.coordinates.filter((l) => l.length > 0).map(line);
    case 'Polygon':
      return geometry.coordinates.length ? [polygon(geometry.coordinates)] : [];
    case 'MultiPolygon':
      return geometry.coordinates.filter((r) => r.length > 0).map(polygon);
    default:
      throw new GeoInputError(`distanceKm: unsupported geometry ${geometry.type}`);
  }
}

const km = { units: 'kilometers' } as const;

function vertexList(part: Part): Position[] {
  if (part.kind === 'point') return [part.p];
  if (part.kind === 'line') return part.line.coordinates;
  return part.rings.flatMap((r) => r.coordinates);
}

function lineworkOf(part: Part): LineString[] {
  return part.kind === 'line' ? [part.line] : part.kind === 'polygon' ? part.rings : [];
}

/** Smallest distance from any vertex of `from` to the points and lines of `to`. */
function oneWay(from: Part, to: Part): number {
  let best = Infinity;
  const lines = lineworkOf(to);
  for (const p of vertexList(from)) {
    if (to.kind === 'point') best = Math.min(best, turfDistance(p, to.p, km));
    for (const l of lines) best = Math.min(best, pointToLineDistance(p, l, km));
  }
  return best;
}

function partDistance(a: Part, b: Part): number {
  if (a.kind === 'point' && b.kind === 'point') return turfDistance(a.p, b.p, km);
  if (a.kind === 'point' && b.kind === 'polygon' && booleanPointInPolygon(a.p, b.polygon)) return 0;
  if (b.kind === 'point' && a.kind === 'polygon' && booleanPointInPolygon(b.p, a.polygon)) return 0;
  if (a.kind !== 'point' && b.kind !== 'point') {
    const ga = a.kind === 'line' ? a.line : a.polygon;
    const gb = b.kind === 'line' ? b.line : b.polygon;
    if (booleanIntersects(ga, gb)) return 0;
  }
  return Math.min(oneWay(a, b), oneWay(b, a));
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
  const pa = parts(toGeometry(a, 'distanceKm'));
  const pb = parts(toGeometry(b, 'distanceKm'));
  let best = Infinity;
  for (const x of pa) for (const y of pb) if (best > 0) best = Math.min(best, partDistance(x, y));
  if (!Number.isFinite(best)) throw new GeoInputError('distanceKm: no distance could be measured');
  return best;
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
