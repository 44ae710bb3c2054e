import type { Map as MaplibreMap } from 'maplibre-gl';
import { PLAN_SOURCE } from './planLayers';

declare global {
  interface Window {
    /** ms from navigation start to the first idle map with the plan features drawn. */
    __linhaiReady?: number;
  }
}

let armed = false;
let release!: () => void;
/** Settles once: at the first draw, or when it is known not to come. */
const firstDraw = new Promise<void>((resolve) => (release = resolve));

/**
 * Record when the map first comes to rest with the plan features tiled: the benchmark's
 * "ready" (bench/), the same in the app and in the bare-MapLibre baseline. Call it right
 * after the plan data was set; later calls do nothing.
 */
export function markReadyWhenDrawn(map: MaplibreMap): void {
  if (armed) return;
  armed = true;
  const check = () => {
    // Armed right after `setData`, so a loaded source holds the plan's data. No count of the
    // features in view: a link to a view with no plan place in it must get ready too.
    if (!map.isSourceLoaded(PLAN_SOURCE)) return;
    window.__linhaiReady = performance.now();
    map.off('idle', check);
    release();
  };
  map.on('idle', check);
}

/** The first draw will not come (the plan data failed to load): let deferred work run. */
export function firstDrawFailed(): void {
  release();
}

/** Time after the first draw before deferred work starts, ms (then it waits for an idle moment). */
const SETTLE_MS = 1000;

/**
 * Run `task` once the map has first been drawn (or failed to be), a moment later, when the
 * page is idle: for work the first load must not wait for or compete with (the service
 * worker's precache, code for features not used yet). The pause keeps it clear of the
 * frames right after the first idle (label placement, fades). `npm run bench` counts bytes up
 * to "ready", so what loads here is reported apart in the README, not hidden.
 */
export function afterFirstDraw(task: () => void): void {
  void firstDraw.then(() =>
    setTimeout(() => {
      if ('requestIdleCallback' in window) requestIdleCallback(() => task(), { timeout: 2000 });
      else task();
    }, SETTLE_MS),
  );
}
