import { bbox } from '@turf/turf';
import type { Map as MaplibreMap } from 'maplibre-gl';
import type { Feature } from 'geojson';

/** True when the user asked for less motion: camera moves then jump instead of fly. */
export function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/**
 * Move the camera to show `features` (a single point gets a fixed zoom), leaving room
 * for the side panel. Jumps under `prefers-reduced-motion`.
 */
export function focusFeatures(map: MaplibreMap, features: Feature[], maxZoom = 12.5): void {
  const withGeometry = features.filter((f) => f.geometry);
  if (!withGeometry.length) return;
  const [w, s, e, n] = bbox({ type: 'FeatureCollection', features: withGeometry });
  const animate = !prefersReducedMotion();
  map.fitBounds(
    [
      [w, s],
      [e, n],
    ],
    { padding: 60, maxZoom, animate, duration: animate ? 900 : 0 },
  );
}
