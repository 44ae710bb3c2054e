import type { StyleSpecification } from 'maplibre-gl';
import { basemapLayers, basemapSources } from './basemapLayers';
import type { Theme } from './theme';

/** 临海市's extent (W, S, E, N) from the boundary file: the map opens framed on it. */
export const LINHAI_BOUNDS: [[number, number], [number, number]] = [
  [120.82307, 28.6428],
  [121.93943, 29.06905],
];

/**
 * The whole base style. No `glyphs`: MapLibre ≥ 5.11 then draws labels with local
 * fonts, so the map needs no font server and works offline.
 */
export function buildStyle(theme: Theme, url: (file: string) => string): StyleSpecification {
  return {
    version: 8,
    name: 'linhai-plan',
    sources: basemapSources(url),
    layers: basemapLayers(theme),
  };
}
