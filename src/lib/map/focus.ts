import { bbox } from '@turf/turf';
import type { Map as MaplibreMap } from 'maplibre-gl';
import type { Feature } from 'geojson';
import { openPanelPadding, panIntoFree } from './coverPadding';

/** True when the user asked for less motion: camera moves then jump instead of fly. */
export function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/**
 * Move the camera to show `features` (a single point gets a fixed zoom; an estimated one
 * its uncertainty circle), clear of the panels open over the map (the card, the tour step).
 * Jumps under `prefers-reduced-motion`. The fit waits for the current task to end, so a card
 * opened by the same click is there to be avoided.
 */
export function focusFeatures(map: MaplibreMap, features: Feature[], maxZoom = 12): void {
  const withGeometry = features.filter((f) => f.geometry);
  if (!withGeometry.length) return;
  let [w, s, e, n] = bbox({ type: 'FeatureCollection', features: withGeometry });
  // Show an estimated place with its whole uncertainty circle, not as a pin-sharp point.
  const uncertainty = Math.max(
    0,
    ...withGeometry.map((f) => Number(f.properties?.uncertainty_km ?? 0) || 0),
  );
  if (uncertainty > 0) {
    const dLat = uncertainty / 111.32;
    const dLon = dLat / Math.cos((((s + n) / 2) * Math.PI) / 180);
    [w, s, e, n] = [w - dLon, s - dLat, e + dLon, n + dLat];
  }
  const animate = !prefersReducedMotion();
  setTimeout(() =>
    map.fitBounds(
      [
        [w, s],
        [e, n],
      ],
      { padding: openPanelPadding(map, 60), maxZoom, animate, duration: animate ? 900 : 0 },
    ),
  );
}

/**
 * Keep a position in view of the panels open over the map: if one covers it (a stack's list
 * over the symbol it was opened from), pan, at the same zoom, so it sits in the middle of the
 * free area. A position already clear stays where it is. Waits a task, like `focusFeatures`.
 */
export function keepInView(map: MaplibreMap, at: [number, number]): void {
  setTimeout(() => {
    const { width, height } = map.getContainer().getBoundingClientRect();
    const offset = panIntoFree(map.project(at), { width, height }, openPanelPadding(map, 40));
    if (!offset) return;
    const animate = !prefersReducedMotion();
    map.panBy(offset, { animate, duration: animate ? 600 : 0 });
  });
}

/**
 * Run `task` (a camera move) once the map has taken in every pending data change and drawn
 * it (MapLibre `idle`). Moving the camera while the plan source is still indexing new data
 * (`setData`) made MapLibre load tiles that stayed empty or did not match their feature
 * index, so clicks threw "Out of bounds … _numberToString" and the map never became ready.
 */
export function afterDataSettles(map: MaplibreMap, task: () => void): void {
  map.once('idle', () => task());
  // An already idle map fires `idle` again after the repaint.
  map.triggerRepaint();
}
