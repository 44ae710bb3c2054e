import type { StyleSpecification } from 'maplibre-gl';
import {
  basemapCountyLabelLayers,
  basemapGroundLayers,
  basemapSeatLabelLayers,
  basemapSeatLayers,
  basemapSources,
} from './basemapLayers';
import {
  PLAN_SOURCE,
  planLabelLayers,
  planMarkLayers,
  planPointLayers,
  planShapeLayers,
  VISIBLE_LAYERS_STATE,
  zoneLabelLayers,
} from './planLayers';
import { DEFAULT_LAYERS } from './defaultLayers';
import { mapStateSpec } from './mapState';
import type { Theme } from './theme';

/** 临海市's extent (W, S, E, N) from the boundary file: the map opens framed on it. */
export const LINHAI_BOUNDS: [[number, number], [number, number]] = [
  [120.82307, 28.6428],
  [121.93943, 29.06905],
];

/**
 * The whole style: base ground, plan areas and lines, town seats, plan points, then
 * labels: plan places, town names, zone names, and the points' marks and stacks' counts on top.
 * MapLibre places labels top layer first, so the marks and counts (positions, which cannot
 * move) are placed first, the zone names next, moving off them, and every other name yields. Labels, marks and halos read the map's global state (language,
 * presenter scale, selection: `mapState.ts`). No `glyphs`: MapLibre ≥ 5.11 then draws labels with local fonts, so the
 * map needs no font server and works offline. The plan source starts empty and is
 * filled with `setData` once `features.geojson` has loaded.
 */
export function buildStyle(theme: Theme, url: (file: string) => string): StyleSpecification {
  return {
    version: 8,
    name: 'linhai-plan',
    // The map's global state; the plan layers switched on (kept in step by `setVisibleLayers`) count stacks.
    state: { ...mapStateSpec(), [VISIBLE_LAYERS_STATE]: { default: [...DEFAULT_LAYERS] } },
    sources: {
      ...basemapSources(url),
      [PLAN_SOURCE]: {
        type: 'geojson',
        data: { type: 'FeatureCollection', features: [] },
        // Feature state (selection, highlight) is keyed by the plan's own slug ids.
        promoteId: 'id',
      },
    },
    layers: [
      ...basemapGroundLayers(theme),
      ...planShapeLayers(theme),
      ...basemapSeatLayers(theme),
      ...planPointLayers(theme),
      ...basemapCountyLabelLayers(theme),
      ...planLabelLayers(theme),
      ...basemapSeatLabelLayers(theme),
      ...zoneLabelLayers(theme),
      ...planMarkLayers(theme),
    ],
  };
}
