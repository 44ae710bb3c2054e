import { GEOMETRY_TYPES, type GeometryType } from '../data/geojson';
import { collectionStats } from './stats';
import type { BBox, OverlayCollection } from './types';

export interface OverlaySummary {
  features: number;
  vertices: number;
  bbox: BBox | null;
  /** Geometry types present, in a fixed order, with counts (for the legend entry). */
  types: { type: GeometryType; count: number }[];
  /** What the overlay layers draw: circles, lines, fills. */
  kinds: { points: number; lines: number; areas: number };
}

const KIND: Record<GeometryType, keyof OverlaySummary['kinds']> = {
  Point: 'points',
  MultiPoint: 'points',
  LineString: 'lines',
  MultiLineString: 'lines',
  Polygon: 'areas',
  MultiPolygon: 'areas',
};

/** Geometry types and counts of an imported overlay, for its legend entry. Pure. */
export function overlaySummary(collection: OverlayCollection): OverlaySummary {
  const counts = new Map<GeometryType, number>();
  const kinds = { points: 0, lines: 0, areas: 0 };
  for (const { geometry } of collection.features) {
    counts.set(geometry.type, (counts.get(geometry.type) ?? 0) + 1);
    kinds[KIND[geometry.type]]++;
  }
  const stats = collectionStats(collection.features);
  return {
    features: stats.features,
    vertices: stats.vertices,
    bbox: stats.vertices ? stats.bbox : null,
    types: GEOMETRY_TYPES.filter((t) => counts.has(t)).map((type) => ({
      type,
      count: counts.get(type)!,
    })),
    kinds,
  };
}
