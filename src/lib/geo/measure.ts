import { area as turfArea, length as turfLength } from '@turf/turf';
import type { Feature, FeatureCollection, Geometry } from 'geojson';

/** Input that a geo function cannot measure; never answered with NaN. */
export class GeoInputError extends Error {
  override name = 'GeoInputError';
}

type Measurable = Geometry | Feature | FeatureCollection;

function assertMeasurable(input: unknown, what: string): asserts input is Measurable {
  const type = (input as { type?: unknown } | null)?.type;
  if (typeof type !== 'string')
    throw new GeoInputError(`${what}: expected GeoJSON, got ${typeof input}`);
}

function assertFinite(value: number, what: string): number {
  if (!Number.isFinite(value))
    throw new GeoInputError(`${what}: coordinates are not finite numbers`);
  return value;
}

/**
 * Geodesic area in km² (Turf's spherical-excess method, after Chamberlain & Duquette,
 * JPL 2007). Points and lines have area 0; holes are subtracted.
 *
 * @param input a Polygon/MultiPolygon geometry, Feature or FeatureCollection
 * @returns area in square kilometres
 * @example
 * areaKm2({ type: 'Polygon', coordinates: [[[121, 28.8], [121.01, 28.8], [121.01, 28.81], [121, 28.81], [121, 28.8]]] })
 * // ≈ 1.086
 */
export function areaKm2(input: Measurable): number {
  assertMeasurable(input, 'areaKm2');
  return assertFinite(turfArea(input) / 1e6, 'areaKm2');
}

/**
 * Length in km of every line along the sphere; polygon outlines are not counted.
 *
 * @param input a LineString/MultiLineString geometry, Feature or FeatureCollection
 * @returns length in kilometres; a zero-length line gives 0
 * @example
 * lengthKm({ type: 'LineString', coordinates: [[121, 28.8], [121.1, 28.8]] }) // ≈ 9.75
 */
export function lengthKm(input: Measurable): number {
  assertMeasurable(input, 'lengthKm');
  const features: Feature[] =
    input.type === 'FeatureCollection'
      ? input.features
      : input.type === 'Feature'
        ? [input]
        : [{ type: 'Feature', geometry: input, properties: {} }];
  let km = 0;
  for (const feature of features) {
    const type = feature.geometry?.type;
    if (type === 'LineString' || type === 'MultiLineString') {
      km += turfLength(feature, { units: 'kilometers' });
    }
  }
  return assertFinite(km, 'lengthKm');
}
