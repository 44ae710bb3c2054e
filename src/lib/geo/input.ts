import type {
  Feature,
  FeatureCollection,
  Geometry,
  MultiPolygon,
  Point,
  Polygon,
  Position,
} from 'geojson';
import { GeometryType, POSITION_LEVELS } from '../data/geojson';
import { GeoInputError } from './measure';

/**
 * Input checks shared by the geo functions: every public function turns what it is given into
 * a checked GeoJSON geometry here, so bad input fails early with a GeoInputError that names the
 * function and the problem, instead of travelling on as NaN.
 */

/** A position, a geometry or a feature: what the distance-like functions accept. */
export type GeoInput = Position | Geometry | Feature;

/** The minimum a plan feature must carry for the analysis (a subset of PlanFeatureProperties). */
export interface PlanLikeProperties {
  id: string;
  layer: string;
  name?: string;
  group?: string;
}

/** A feature the analysis can use: any geometry (or null), plan-like properties. */
export type PlanLikeFeature = Feature<Geometry | null, PlanLikeProperties>;

/** Any feature, whatever its geometry (or none) and properties. */
export type AnyFeature = Feature<Geometry | null, unknown>;

/** A list of features, given as an array or a FeatureCollection. */
export type FeatureList<F extends AnyFeature = Feature> = readonly F[] | { features: readonly F[] };

/** An area: a (Multi)Polygon geometry, a feature of one, or a collection of them (merged). */
export type AreaInput =
  | Polygon
  | MultiPolygon
  | Feature<Polygon | MultiPolygon>
  | FeatureCollection<Polygon | MultiPolygon>
  | { type: 'FeatureCollection'; features: readonly Feature<Polygon | MultiPolygon>[] };

/** The array of features in a FeatureList. */
export function listOf<F extends AnyFeature>(list: FeatureList<F>, what: string): readonly F[] {
  const features = Array.isArray(list) ? list : (list as { features?: unknown }).features;
  if (!Array.isArray(features))
    throw new GeoInputError(`${what}: expected an array of features or a FeatureCollection`);
  return features as readonly F[];
}

function checkPosition(p: unknown, what: string): asserts p is Position {
  if (!Array.isArray(p) || p.length < 2)
    throw new GeoInputError(`${what}: a position must be [longitude, latitude]`);
  const [lon, lat] = p as unknown[];
  if (typeof lon !== 'number' || typeof lat !== 'number' || !isFinite(lon) || !isFinite(lat))
    throw new GeoInputError(`${what}: coordinates are not finite numbers (${String(p)})`);
  if (lon < -180 || lon > 180 || lat < -90 || lat > 90)
    throw new GeoInputError(`${what}: position out of range, expected [lon, lat] (${String(p)})`);
}

/** Visits every position of a geometry (checking each one); returns how many there are. */
function checkPositions(coords: unknown, depth: number, what: string): number {
  if (!Array.isArray(coords)) throw new GeoInputError(`${what}: coordinates must be arrays`);
  if (depth === 0) {
    checkPosition(coords, what);
    return 1;
  }
  let n = 0;
  for (const c of coords) n += checkPositions(c, depth - 1, what);
  return n;
}

/**
 * The checked geometry of a position, geometry or feature.
 *
 * @param input a [lon, lat] position, a GeoJSON geometry or a Feature
 * @param what the calling function's name, for the error message
 * @param allowEmpty when true, a null geometry or one without positions gives null
 * @returns the geometry, or null for an empty one when allowed
 * @throws GeoInputError for anything else, for non-finite or out-of-range coordinates, and
 *   for an empty geometry unless allowed
 */
export function toGeometry(input: unknown, what: string, allowEmpty: true): Geometry | null;
export function toGeometry(input: unknown, what: string, allowEmpty?: false): Geometry;
export function toGeometry(input: unknown, what: string, allowEmpty = false): Geometry | null {
  if (Array.isArray(input)) {
    checkPosition(input, what);
    return { type: 'Point', coordinates: input };
  }
  if ((input === null || input === undefined) && allowEmpty) return null;
  if (input === null || typeof input !== 'object')
    throw new GeoInputError(`${what}: expected a position, a geometry or a feature`);
  const obj = input as { type?: unknown; geometry?: unknown; coordinates?: unknown };
  let geometry: unknown = obj;
  if (obj.type === 'Feature') geometry = obj.geometry;
  else if (obj.type === 'FeatureCollection' || obj.type === 'GeometryCollection')
    throw new GeoInputError(`${what}: expected a single geometry or feature, got ${obj.type}`);
  if (geometry === null || geometry === undefined) {
    if (allowEmpty) return null;
    throw new GeoInputError(`${what}: the feature has no geometry`);
  }
  const type = (geometry as { type?: unknown }).type;
  if (typeof type !== 'string' || !GeometryType.safeParse(type).success)
    throw new GeoInputError(`${what}: unsupported geometry type ${String(type)}`);
  const n = checkPositions(
    (geometry as { coordinates?: unknown }).coordinates,
    POSITION_LEVELS[type as GeometryType],
    what,
  );
  if (n === 0) {
    if (allowEmpty) return null;
    throw new GeoInputError(`${what}: the ${type} is empty (no positions)`);
  }
  return geometry as Geometry;
}

/** The Point geometry of a position, Point geometry or Point feature. */
export function toPoint(input: unknown, what: string): Point {
  const geometry = toGeometry(input, what);
  if (geometry.type !== 'Point')
    throw new GeoInputError(`${what}: expected a point, got ${geometry.type}`);
  return geometry;
}

/**
 * One MultiPolygon from an area input (a collection's polygons are concatenated; features
 * without polygons are rejected). Rings are checked for closure and length.
 */
export function toArea(input: AreaInput, what: string): MultiPolygon {
  const geometries: unknown[] =
    (input as { type?: unknown })?.type === 'FeatureCollection'
      ? listOf(input as FeatureList, what).map((f) => f.geometry)
      : [toGeometry(input, what)];
  const polygons: Position[][][] = [];
  for (const g of geometries) {
    const geometry = toGeometry(g, what);
    if (geometry.type === 'Polygon') polygons.push(geometry.coordinates);
    else if (geometry.type === 'MultiPolygon') polygons.push(...geometry.coordinates);
    else
      throw new GeoInputError(`${what}: expected a Polygon or MultiPolygon, got ${geometry.type}`);
  }
  for (const polygon of polygons) {
    if (polygon.length === 0) throw new GeoInputError(`${what}: a polygon without an outer ring`);
    for (const ring of polygon) {
      const first = ring[0];
      const last = ring[ring.length - 1];
      if (ring.length < 4 || !first || !last || first[0] !== last[0] || first[1] !== last[1])
        throw new GeoInputError(`${what}: a polygon ring must be closed with at least 4 positions`);
    }
  }
  if (polygons.length === 0) throw new GeoInputError(`${what}: the area is empty`);
  return { type: 'MultiPolygon', coordinates: polygons };
}

/** A finite, non-negative number, or a GeoInputError. */
export function toDistanceKm(km: unknown, what: string): number {
  if (typeof km !== 'number' || !Number.isFinite(km) || km < 0)
    throw new GeoInputError(
      `${what}: a distance must be a finite number ≥ 0 km, got ${String(km)}`,
    );
  return km;
}
