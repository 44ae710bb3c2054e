import type { Geometry } from '../data/geojson';
import type { OverlayCollection, OverlayFeature } from './types';

/** 7 decimals ≈ 1 cm: more than any import carries, and keeps exports small. */
const round = (v: number) => Math.round(v * 1e7) / 1e7 || 0;

function roundCoords(value: unknown): unknown {
  if (typeof value === 'number') return round(value);
  return (value as unknown[]).map((v, i) => (typeof v === 'number' && i >= 2 ? v : roundCoords(v)));
}

/**
 * The overlay as RFC 7946 GeoJSON text: a FeatureCollection in WGS-84 with outer rings
 * counter-clockwise, no `crs` member, coordinates rounded to 7 decimals (altitudes as is).
 */
export function exportOverlay(collection: OverlayCollection): string {
  const features = collection.features.map((f: OverlayFeature) => {
    const geometry = {
      type: f.geometry.type,
      coordinates: roundCoords(f.geometry.coordinates),
    } as Geometry;
    return f.id === undefined
      ? { type: 'Feature', geometry, properties: f.properties }
      : { type: 'Feature', id: f.id, geometry, properties: f.properties };
  });
  return JSON.stringify({ type: 'FeatureCollection', features });
}
