import type { Geometry, Position } from '../data/geojson';
import type { BBox, ImportStats, OverlayFeature } from './types';

/** Every position of a geometry, in order. */
export function positionsOf(g: Geometry): Position[] {
  switch (g.type) {
    case 'Point':
      return [g.coordinates];
    case 'MultiPoint':
    case 'LineString':
      return g.coordinates;
    case 'MultiLineString':
    case 'Polygon':
      return g.coordinates.flat();
    case 'MultiPolygon':
      return g.coordinates.flat(2);
  }
}

/** Feature and vertex counts and the bounding box; bbox is [0,0,0,0] for no positions. */
export function collectionStats(features: readonly OverlayFeature[]): ImportStats {
  let vertices = 0;
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const feature of features) {
    for (const [lon, lat] of positionsOf(feature.geometry)) {
      vertices++;
      if (lon < w) w = lon;
      if (lon > e) e = lon;
      if (lat < s) s = lat;
      if (lat > n) n = lat;
    }
  }
  const bbox: BBox = vertices ? [w, s, e, n] : [0, 0, 0, 0];
  return { features: features.length, vertices, bbox };
}

/** True when two boxes overlap (touching counts). */
export function bboxIntersects(a: BBox, b: BBox): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}
