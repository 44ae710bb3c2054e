import { afterFirstDraw } from '../map/ready';

/**
 * Registers `sw.js` in production builds served over http(s), after the map's first draw
 * (see `afterFirstDraw`), so the worker's install, which fetches the whole build to precache
 * it, does not compete with the first load. In development it removes any worker a
 * production preview left on this origin, so `vite dev` always serves fresh files.
 */
export function setUpServiceWorker(): void {
  if (!('serviceWorker' in navigator) || !/^https?:$/.test(location.protocol)) return;
  if (!import.meta.env.PROD) {
    void navigator.serviceWorker
      .getRegistrations()
      .then((all) => Promise.all(all.map((r) => r.unregister())));
    return;
  }
  afterFirstDraw(() => {
    navigator.serviceWorker.register('./sw.js').catch((error: Error) => {
      // The app works without it; only the offline reload is lost.
      console.warn(`Offline cache unavailable: ${error.message}`);
    });
  });
}
