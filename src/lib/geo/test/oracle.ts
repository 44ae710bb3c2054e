import geodesic from 'geographiclib-geodesic';
import type { Geometry, Position } from 'geojson';

/**
 * The geodesic oracle: areas and lengths on the WGS-84 ellipsoid by geographiclib
 * (Karney 2013, "Algorithms for geodesics", J. Geodesy 87), to check Turf's sphere against.
 */

const WGS84 = geodesic.Geodesic.WGS84;

/** Area in km² of one ring (closing position ignored), unsigned. */
function ringAreaKm2(ring: Position[]): number {
  const poly = WGS84.Polygon(false);
  for (let i = 0; i + 1 < ring.length; i++) poly.AddPoint(ring[i]![1]!, ring[i]![0]!);
  return Math.abs(poly.Compute(false, true).area ?? NaN) / 1e6;
}

/** Ellipsoidal area in km² of a (Multi)Polygon: outer rings minus holes. */
export function oracleAreaKm2(geometry: Geometry): number {
  const polygons =
    geometry.type === 'Polygon'
      ? [geometry.coordinates]
      : geometry.type === 'MultiPolygon'
        ? geometry.coordinates
        : [];
  let km2 = 0;
  for (const [outer, ...holes] of polygons) {
    if (!outer) continue;
    km2 += ringAreaKm2(outer);
    for (const h of holes) km2 -= ringAreaKm2(h);
  }
  return km2;
}

/** Ellipsoidal geodesic distance in km between two positions. */
export function oracleDistanceKm(a: Position, b: Position): number {
  return (WGS84.Inverse(a[1]!, a[0]!, b[1]!, b[0]!).s12 ?? NaN) / 1000;
}

/** Ellipsoidal length in km of a (Multi)LineString, vertex to vertex along geodesics. */
export function oracleLengthKm(geometry: Geometry): number {
  const lines =
    geometry.type === 'LineString'
      ? [geometry.coordinates]
      : geometry.type === 'MultiLineString'
        ? geometry.coordinates
        : [];
  let km = 0;
  for (const line of lines) {
    const poly = WGS84.Polygon(true);
    for (const p of line) poly.AddPoint(p[1]!, p[0]!);
    km += poly.Compute(false, true).perimeter / 1000;
  }
  return km;
}

/** |a − b| / b in percent. */
export const relPct = (a: number, b: number) => (Math.abs(a - b) / b) * 100;
