import type { Map as MaplibreMap } from 'maplibre-gl';
import { PLAN_SOURCE } from './planLayers';

declare global {
  interface Window {
    /** ms from navigation start to the first idle map with the plan features drawn. */
    __linhaiReady?: number;
  }
}

let armed = false;

/**
 * Record when the map first comes to rest with the plan features tiled: the benchmark's
 * "ready" (bench/), the same in the app and in the bare-MapLibre baseline. Call it right
 * after the plan data was set; later calls do nothing.
 */
export function markReadyWhenDrawn(map: MaplibreMap): void {
  if (armed) return;
  armed = true;
  const check = () => {
    if (!map.isSourceLoaded(PLAN_SOURCE)) return;
    if (map.querySourceFeatures(PLAN_SOURCE).length === 0) return;
    window.__linhaiReady = performance.now();
    map.off('idle', check);
  };
  map.on('idle', check);
}
