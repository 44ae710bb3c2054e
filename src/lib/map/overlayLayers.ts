import type { FeatureCollection } from 'geojson';
import type { ExpressionSpecification, LayerSpecification, Map as MaplibreMap } from 'maplibre-gl';
import type { OverlayCollection } from '../import/types';

/**
 * Imported overlays: one GeoJSON source and four layers per overlay (area fill, area edge,
 * lines, points), in one colour per overlay, drawn above the plan's shapes and points and
 * below every label. Feature ids are generated (the array index), so a click finds the
 * feature without trusting any id or property from the file.
 */

/**
 * Overlay colours: none is a plan layer colour, each has ≥ 3:1 contrast on the paper
 * and the land, and neighbours in the list differ in hue and lightness.
 */
export const OVERLAY_PALETTE = [
  '#c2185b',
  '#00838f',
  '#6a1b9a',
  '#e65100',
  '#37474f',
  '#827717',
] as const;

/** The colour of the n-th overlay added in this session. */
export const overlayColour = (n: number): string => OVERLAY_PALETTE[n % OVERLAY_PALETTE.length]!;

export const overlaySourceId = (id: string) => `overlay_${id}`;

const geometryIs = (...types: string[]): ExpressionSpecification => [
  'in',
  ['geometry-type'],
  ['literal', types],
];
const selected: ExpressionSpecification = ['boolean', ['feature-state', 'selected'], false];

/** Which kinds of geometry an overlay holds (its summary's `kinds`). */
export interface OverlayKinds {
  points: number;
  lines: number;
  areas: number;
}
const ALL_KINDS: OverlayKinds = { points: 1, lines: 1, areas: 1 };

/**
 * The style layers of one overlay, bottom to top: only those for the kinds of geometry it
 * holds, since every layer filters every feature of every tile (a 50 000-point file needs no
 * fill or line buckets).
 */
export function overlayLayers(
  id: string,
  colour: string,
  kinds: OverlayKinds = ALL_KINDS,
): LayerSpecification[] {
  const source = overlaySourceId(id);
  const areas = geometryIs('Polygon', 'MultiPolygon');
  const layers: (LayerSpecification & { kind: keyof OverlayKinds })[] = [
    {
      kind: 'areas',
      id: `overlay_${id}_area`,
      type: 'fill',
      source,
      filter: areas,
      paint: { 'fill-color': colour, 'fill-opacity': ['case', selected, 0.4, 0.22] },
    },
    {
      kind: 'areas',
      id: `overlay_${id}_area_edge`,
      type: 'line',
      source,
      filter: areas,
      paint: { 'line-color': colour, 'line-width': ['case', selected, 3, 1.5] },
    },
    {
      kind: 'lines',
      id: `overlay_${id}_line`,
      type: 'line',
      source,
      filter: geometryIs('LineString', 'MultiLineString'),
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': colour, 'line-width': ['case', selected, 5, 3] },
    },
    {
      kind: 'points',
      id: `overlay_${id}_point`,
      type: 'circle',
      source,
      filter: geometryIs('Point', 'MultiPoint'),
      paint: {
        'circle-color': colour,
        // Small at city scale, where thousands of points would merge into one blot.
        'circle-radius': [
          'interpolate',
          ['linear'],
          ['zoom'],
          9,
          ['case', selected, 6, 3],
          13,
          ['case', selected, 8, 5.5],
        ],
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': ['interpolate', ['linear'], ['zoom'], 9, 0.75, 13, 1.5],
      },
    },
  ];
  return layers.filter((l) => kinds[l.kind] > 0).map(({ kind: _kind, ...layer }) => layer);
}

/** Every style-layer id of one overlay (for clicks, visibility and removal). */
export const overlayLayerIds = (id: string): string[] =>
  overlayLayers(id, '#000000').map((l) => l.id);

/**
 * The layer overlays go below: the first label layer (basemap or plan), so every name
 * stays readable. Undefined (top of the map) if the style has no labels.
 */
export function overlayBeforeId(map: MaplibreMap): string | undefined {
  return map
    .getStyle()
    .layers.find(
      (l) => l.type === 'symbol' && (l.id.endsWith('_label') || l.id.endsWith('_labels')),
    )?.id;
}

/**
 * The map gets geometry only: the card reads properties from the overlay itself (by the
 * generated id), and untrusted values never reach MapLibre's tile encoder, which fails on
 * numbers such as 1e308 ("Given varint doesn't fit into 10 bytes").
 */
export function geometryOnly(data: OverlayCollection): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: data.features.map((f) => ({ type: 'Feature', geometry: f.geometry, properties: {} })),
  };
}

/** Add an overlay's source and layers (once). */
export function addOverlay(
  map: MaplibreMap,
  id: string,
  colour: string,
  data: OverlayCollection,
  kinds: OverlayKinds = ALL_KINDS,
): void {
  const source = overlaySourceId(id);
  if (!map.getSource(source)) {
    map.addSource(source, {
      type: 'geojson',
      data: geometryOnly(data),
      generateId: true,
    });
  }
  const beforeId = overlayBeforeId(map);
  for (const layer of overlayLayers(id, colour, kinds)) {
    if (!map.getLayer(layer.id)) map.addLayer(layer, beforeId);
  }
}

/** Remove an overlay's layers and source. */
export function removeOverlay(map: MaplibreMap, id: string): void {
  for (const layerId of overlayLayerIds(id)) if (map.getLayer(layerId)) map.removeLayer(layerId);
  if (map.getSource(overlaySourceId(id))) map.removeSource(overlaySourceId(id));
}

export function setOverlayVisible(map: MaplibreMap, id: string, visible: boolean): void {
  for (const layerId of overlayLayerIds(id)) {
    if (map.getLayer(layerId)) {
      map.setLayoutProperty(layerId, 'visibility', visible ? 'visible' : 'none');
    }
  }
}

/** Mark one feature of an overlay as selected (drawn larger), clearing the previous one. */
export function setOverlaySelection(
  map: MaplibreMap,
  next: { id: string; index: number } | null,
  previous: { id: string; index: number } | null,
): void {
  if (previous && map.getSource(overlaySourceId(previous.id))) {
    map.setFeatureState(
      { source: overlaySourceId(previous.id), id: previous.index },
      { selected: false },
    );
  }
  if (next && map.getSource(overlaySourceId(next.id))) {
    map.setFeatureState({ source: overlaySourceId(next.id), id: next.index }, { selected: true });
  }
}
