import type { RequestParameters } from 'maplibre-gl';
import { BASEMAP_SOURCES } from './basemapLayers';

/**
 * The base map's files, fetched from the start alongside the plan data (issue 23) instead of
 * once MapLibre's worker has booted and read the style, after the first frames. index.html
 * preloads them; `prefetchBasemap` takes those responses as soon as the app's code runs, and
 * MapLibre's `transformRequest` (`basemapRequest`) hands each source a `blob:` URL of the
 * body it already has: the worker reads it locally and parses it off the main thread, as
 * before, and nothing is requested twice. A file that failed to arrive is left to MapLibre,
 * which asks the server itself and reports what went wrong.
 */

const early = new Map<string, Promise<string | null>>();

/** Start (or take over from the HTML preload) every base-map fetch. Call once, at startup. */
export function prefetchBasemap(url: (file: string) => string): void {
  for (const file of Object.values(BASEMAP_SOURCES)) {
    const href = url(file);
    if (early.has(href)) continue;
    early.set(
      href,
      fetch(href)
        .then((response) => (response.ok ? response.blob() : null))
        .then((body) => (body ? URL.createObjectURL(body) : null))
        .catch(() => null),
    );
  }
}

/** MapLibre's `transformRequest`: a base-map source reads the body fetched at startup. */
export function basemapRequest(
  url: string,
  type?: string,
): RequestParameters | Promise<RequestParameters> | undefined {
  const body = type === 'Source' ? early.get(url) : undefined;
  if (!body) return undefined;
  // Once only: a later reload of the source (a style change) asks the server again.
  early.delete(url);
  return body.then((blobUrl) => ({ url: blobUrl ?? url }));
}
