import { bbox as turfBbox, buffer } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { GeoInputError } from './measure';
import { distanceKm } from './distance';
import {
  listOf,
  toDistanceKm,
  toGeometry,
  type AnyFeature,
  type FeatureList,
  type GeoInput,
} from './input';

/**
 * "What lies within X km": selection and the drawn buffer.
 *
 * Selection is by the nearest-point distance (`distanceKm`) ≤ km, which is the same as
 * "intersects the exact buffer" of the query geometry. The drawn buffer (`bufferGeometry`,
 * Turf's `buffer`: JSTS buffer in an azimuthal equidistant projection centred on the input)
 * approximates each round end with `steps` chords per quarter circle, so a feature lying in
 * the last few metres of the rim may be listed without touching the drawn outline:
 * at 30 km and 16 steps the chord gap is at most 30 × (1 − cos(π / 64)) ≈ 0.036 km.
 */

/** Chords per quarter circle of the drawn buffer: 16 keeps the rim within 0.12 % of the radius. */
export const BUFFER_STEPS = 16;

/** A feature within reach, with its nearest-point distance. */
export interface WithinHit<F extends AnyFeature> {
  feature: F;
  km: number;
}

/**
 * The features within `km` of a point, line or area, nearest first.
 *
 * @param geometry the query: a position, geometry or feature
 * @param km the reach in km (≥ 0; 0 gives what the query touches)
 * @param features candidates (array or FeatureCollection); features without geometry are skipped
 * @returns `{ feature, km }` for each feature whose geometry comes within reach, sorted by km
 *   then id
 * @throws GeoInputError for an empty query geometry or a negative / non-finite km
 * @example
 * featuresWithin([121.24, 28.88], 10, plan) // what lies within 10 km of 临海站
 * // [{ feature: …, km: 0 }, { feature: …, km: 2.4 }, …]
 */
export function featuresWithin<F extends AnyFeature>(
  geometry: GeoInput,
  km: number,
  features: FeatureList<F>,
): WithinHit<F>[] {
  const query = toGeometry(geometry, 'featuresWithin');
  const reach = toDistanceKm(km, 'featuresWithin');
  // a cheap box test first: degrees of latitude are ≥ 110.5 km, of longitude ≥ 110.5 cos φ km
  const [minX, minY, maxX, maxY] = turfBbox(query) as [number, number, number, number];
  const dLat = reach / 110.5 + 1e-9;
  const maxAbsLat = Math.min(89.9, Math.max(Math.abs(minY), Math.abs(maxY)) + dLat);
  const dLon = reach / (110.5 * Math.cos((maxAbsLat * Math.PI) / 180)) + 1e-9;
  const hits: WithinHit<F>[] = [];
  for (const feature of listOf(features, 'featuresWithin')) {
    const g = toGeometry(feature, 'featuresWithin', true);
    if (!g) continue;
    const [fx0, fy0, fx1, fy1] = turfBbox(g) as [number, number, number, number];
    if (fx1 < minX - dLon || fx0 > maxX + dLon || fy1 < minY - dLat || fy0 > maxY + dLat) continue;
    const d = distanceKm(query, g);
    if (d <= reach) hits.push({ feature, km: d });
  }
  const idOf = (f: AnyFeature) =>
    String((f.properties as { id?: unknown } | null)?.id ?? f.id ?? '');
  return hits.sort((p, q) => p.km - q.km || idOf(p.feature).localeCompare(idOf(q.feature)));
}

/**
 * The buffer of a point, line or area for drawing (Turf `buffer`).
 *
 * @param geometry a position, geometry or feature
 * @param km the buffer distance in km, > 0
 * @param steps chords per quarter circle (default `BUFFER_STEPS`)
 * @returns a Polygon or MultiPolygon feature
 * @throws GeoInputError for an empty geometry or km ≤ 0
 * @example
 * bufferGeometry([121.24, 28.88], 10) // a 64-sided polygon of radius 10 km around 临海站
 */
export function bufferGeometry(
  geometry: GeoInput,
  km: number,
  steps = BUFFER_STEPS,
): Feature<Polygon | MultiPolygon> {
  const g = toGeometry(geometry, 'bufferGeometry');
  if (toDistanceKm(km, 'bufferGeometry') === 0)
    throw new GeoInputError('bufferGeometry: a buffer needs a distance above 0 km');
  if (!Number.isInteger(steps) || steps < 1)
    throw new GeoInputError('bufferGeometry: steps must be a positive integer');
  const out = buffer(g, km, { units: 'kilometers', steps });
  if (!out) throw new GeoInputError('bufferGeometry: Turf returned no buffer');
  return out as Feature<Polygon | MultiPolygon>;
}
