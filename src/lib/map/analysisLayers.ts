import type {
  ExpressionSpecification,
  GeoJSONSource,
  LayerSpecification,
  Map as MaplibreMap,
} from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { byLang, scaled } from './mapState';
import { LIGHT, type Theme } from './theme';

/**
 * The analysis overlays (issue 5): the "within X km" buffer and its centre, the plan's service
 * circles, and the measure tool's line or polygon. Each has its own GeoJSON source; all are
 * added at runtime, below the plan labels so names stay readable. Not colour alone: the buffer
 * edge is dashed, the circles dotted, the measurement solid with vertex dots.
 */

export const ANALYSIS_SOURCES = {
  buffer: 'analysis_buffer',
  circles: 'analysis_circles',
  measure: 'analysis_measure',
} as const;
export type AnalysisSource = keyof typeof ANALYSIS_SOURCES;

const isPoint: ExpressionSpecification = ['==', ['geometry-type'], 'Point'];
const role = (r: string): ExpressionSpecification => ['==', ['get', 'role'], r];

/**
 * The overlay layers. Features carry a `role` property: `area` / `centre` (buffer),
 * `circle` / `label` (circles), `shape` / `rubber` / `vertex` / `label` (measure).
 */
export function analysisLayers(theme: Theme): LayerSpecification[] {
  const { buffer, circles, measure } = ANALYSIS_SOURCES;
  const colours = theme.analysis;
  return [
    {
      id: 'analysis_buffer_fill',
      type: 'fill',
      source: buffer,
      filter: role('area'),
      paint: { 'fill-color': colours.buffer, 'fill-opacity': 0.1 },
    },
    {
      id: 'analysis_buffer_edge',
      type: 'line',
      source: buffer,
      filter: role('area'),
      paint: { 'line-color': colours.buffer, 'line-width': 2, 'line-dasharray': [4, 3] },
    },
    {
      id: 'analysis_circles_edge',
      type: 'line',
      source: circles,
      filter: role('circle'),
      layout: { 'line-cap': 'round' },
      paint: { 'line-color': colours.circle, 'line-width': 2, 'line-dasharray': [0.2, 2.2] },
    },
    {
      id: 'analysis_measure_fill',
      type: 'fill',
      source: measure,
      filter: ['all', role('shape'), ['==', ['geometry-type'], 'Polygon']],
      paint: { 'fill-color': colours.measure, 'fill-opacity': 0.12 },
    },
    {
      id: 'analysis_measure_line',
      type: 'line',
      source: measure,
      filter: ['all', role('shape'), ['!', isPoint]],
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: { 'line-color': colours.measure, 'line-width': 2.5 },
    },
    {
      id: 'analysis_measure_rubber',
      type: 'line',
      source: measure,
      filter: role('rubber'),
      paint: { 'line-color': colours.measure, 'line-width': 1.5, 'line-dasharray': [2, 2] },
    },
    {
      id: 'analysis_measure_vertex',
      type: 'circle',
      source: measure,
      filter: role('vertex'),
      paint: {
        'circle-radius': 4,
        'circle-color': theme.ui.onAccent,
        'circle-stroke-color': colours.measure,
        'circle-stroke-width': 2,
      },
    },
    {
      id: 'analysis_centre',
      type: 'circle',
      source: buffer,
      filter: role('centre'),
      paint: {
        'circle-radius': 5,
        'circle-color': colours.buffer,
        'circle-stroke-color': theme.ui.onAccent,
        'circle-stroke-width': 2,
      },
    },
    {
      id: 'analysis_circles_label',
      type: 'symbol',
      source: circles,
      filter: role('label'),
      layout: {
        // Both languages ride on the feature; the map's `lang` state picks one, so the labels
        // follow a language switch even while the analysis tab is closed.
        'text-field': byLang(['get', 'label_zh'], ['get', 'label_en']),
        'text-font': theme.fontStack,
        'text-size': scaled(12),
        'text-anchor': 'bottom',
        'text-offset': [0, -0.2],
        'text-max-width': 14,
        'text-allow-overlap': false,
      },
      paint: {
        'text-color': colours.circle,
        'text-halo-color': theme.labelHalo,
        'text-halo-width': 1.6,
      },
    },
    {
      // The measurement's result (length at the line's end, area at the polygon's centre).
      id: 'analysis_measure_label',
      type: 'symbol',
      source: measure,
      filter: role('label'),
      layout: {
        'text-field': byLang(['get', 'label_zh'], ['get', 'label_en']),
        'text-font': theme.fontStack,
        'text-size': scaled(14),
        'text-anchor': ['get', 'anchor'],
        'text-offset': [
          'match',
          ['get', 'anchor'],
          'left',
          ['literal', [0.8, 0]],
          ['literal', [0, 0]],
        ],
        'text-allow-overlap': true,
        'text-ignore-placement': true,
      },
      paint: {
        'text-color': colours.measure,
        'text-halo-color': theme.labelHalo,
        'text-halo-width': 2,
      },
    },
  ];
}

export const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** The id of the first plan label layer: overlays go below it. */
function firstLabelLayer(map: MaplibreMap): string | undefined {
  return map.getStyle().layers.find((l) => l.id.startsWith('plan_') && l.id.endsWith('_label'))?.id;
}

/** Adds the overlay sources and layers once (idempotent). */
export function ensureAnalysisLayers(map: MaplibreMap, theme: Theme): void {
  for (const id of Object.values(ANALYSIS_SOURCES))
    if (!map.getSource(id)) map.addSource(id, { type: 'geojson', data: EMPTY });
  const before = firstLabelLayer(map);
  for (const layer of analysisLayers(theme))
    if (!map.getLayer(layer.id)) map.addLayer(layer, before);
}

/** Replaces one overlay's features (adding the overlays first if they are not there yet). */
export function setAnalysisData(
  map: MaplibreMap,
  source: AnalysisSource,
  data: FeatureCollection,
  theme: Theme = LIGHT,
): void {
  if (!map.getSource(ANALYSIS_SOURCES[source])) ensureAnalysisLayers(map, theme);
  (map.getSource(ANALYSIS_SOURCES[source]) as GeoJSONSource).setData(data);
}
