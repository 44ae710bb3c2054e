import type {
  CircleLayerSpecification,
  DataDrivenPropertyValueSpecification,
  ExpressionSpecification,
  LayerSpecification,
  SymbolLayerSpecification,
} from 'maplibre-gl';
import { LAYERS, STATUSES, type Layer } from '../data/layers';
import { enMapStrings, zh } from '../i18n';
import { stackCountKey } from './stacks';
import { byLang, scaled, zoomScaled } from './mapState';
import { LAYER_LOOK, STATUS_DASH, ZONE_COLOURS } from './planTheme';
import type { Theme } from './theme';
import { groundRadius, uncertaintyFade, UNCERTAINTY_MIN_ZOOM } from './uncertainty';

/** The GeoJSON source holding every plan feature (`data/features.geojson`). */
export const PLAN_SOURCE = 'plan';

const isLayer = (layer: Layer): ExpressionSpecification => ['==', ['get', 'layer'], layer];
const isPoint: ExpressionSpecification = [
  'all',
  ['in', ['geometry-type'], ['literal', ['Point', 'MultiPoint']]],
  ['!=', ['get', 'role'], 'label'],
];
const isLabelAnchor: ExpressionSpecification = ['==', ['get', 'role'], 'label'];
/** Global state (`map.setGlobalStateProperty`) listing the plan layers switched on. */
export const VISIBLE_LAYERS_STATE = 'visibleLayers';
/**
 * How many places of a stack (places on one position, see `planSourceData`) the visible
 * layers hold: evaluated by MapLibre, so a layer toggle needs no new data.
 */
export const visibleStackCount: ExpressionSpecification = [
  '+',
  ...LAYERS.map((l): ExpressionSpecification => [
    'case',
    ['in', l, ['array', 'string', ['global-state', VISIBLE_LAYERS_STATE]]],
    ['coalesce', ['get', stackCountKey(l)], 0],
    0,
  ]),
] as unknown as ExpressionSpecification;
/** Not a member of a drawn stack: the stack's symbol stands for its members. */
const notStacked: ExpressionSpecification = ['<', visibleStackCount, 2];
const isStack: ExpressionSpecification = [
  'all',
  ['==', ['get', 'role'], 'stack'],
  ['>=', visibleStackCount, 2],
];
/** The symbol and count of each stack of places on one position (see `findStacks`). */
export const STACK_LAYERS = {
  point: 'plan_stack_point',
  count: 'plan_stack_count',
  label: 'plan_stack_label',
};
// `geometry-type` tells Multi* geometries apart, so each test takes both forms.
const geometryIs = (...types: string[]): ExpressionSpecification => [
  'in',
  ['geometry-type'],
  ['literal', types],
];
const isLine = geometryIs('LineString', 'MultiLineString');
const isArea = geometryIs('Polygon', 'MultiPolygon');
const state = (key: string): ExpressionSpecification => ['boolean', ['feature-state', key], false];
const emphasised: ExpressionSpecification = ['any', state('selected'), state('highlight')];

/**
 * Below this zoom (a phone's whole-city view, ~7.75: the city is 300 px wide) the symbols
 * are small: discs as dots without their mark, stacks as small rings with their count, so
 * the zone names find room. At a laptop's or a projector's opening zoom (≥ 9.3) nothing
 * changes: the size stops meet the old 8 → 13 scale at `FULL_SIZE_ZOOM`.
 */
const SMALL_ZOOM = 7.5;
const FULL_SIZE_ZOOM = 9;
/** Marks show from this zoom (below it their disc is too small to hold one); zone names step aside only vertically below it. */
const MARK_MIN_ZOOM = 8.2;

/** A plan point's disc radius by zoom and its stroke width (unemphasised). */
const POINT_RADIUS: [number, number][] = [
  [SMALL_ZOOM, 3.5],
  [FULL_SIZE_ZOOM, 7.8],
  [13, 11],
];
const POINT_STROKE = 1.6;
/** A stack's ring: a size larger than a single place, so it reads as "several here". */
const STACK_RADIUS: [number, number][] = [
  [SMALL_ZOOM, 6.5],
  [FULL_SIZE_ZOOM, 11],
  [13, 15],
];
const STACK_STROKE = 2.4;

/**
 * Collision padding that makes the box of the text inside a disc (a mark, a stack's count)
 * cover the whole disc and its stroke, plus a 1 px gap: names placed after it then keep off the
 * disc, not only off the glyph. A glyph is about `halfWidth` of its size wide either side of
 * the centre (a CJK mark 0.5, a Latin letter or one digit about 0.3), so the padding at each
 * zoom is the disc's radius less that half-width.
 */
function discPadding(
  radius: [number, number][],
  stroke: number,
  textSize: [number, number][],
  halfWidth: { zh: number; en: number },
): ExpressionSpecification {
  return zoomScaled(
    radius.map(([zoom, r], i): [number, ExpressionSpecification] => {
      const size = textSize[i]![1];
      const pad = (half: number) => Math.max(0, r + stroke / 2 + 1 - half * size);
      return [zoom, byLang(pad(halfWidth.zh), pad(halfWidth.en))];
    }),
  );
}

/** A feature's layer colour (the fallback only satisfies MapLibre: every layer has a look). */
const layerColour = (theme: Theme): ExpressionSpecification =>
  [
    'match',
    ['get', 'layer'],
    ...LAYERS.flatMap((l) => [l, LAYER_LOOK[l].colour]),
    theme.labelMuted,
  ] as unknown as ExpressionSpecification;

/** Zones in their own colours, other areas in their layer's. */
const areaColour = (theme: Theme): ExpressionSpecification =>
  [
    'match',
    ['get', 'id'],
    ...Object.entries(ZONE_COLOURS).flat(),
    layerColour(theme),
  ] as unknown as ExpressionSpecification;

/** The outline of the zone the 片区 filter chose (global state `chosenZone`). */
export const CHOSEN_ZONE_LAYER = 'plan_zones_chosen';
const isChosenZone: ExpressionSpecification = ['==', ['get', 'id'], ['global-state', 'chosenZone']];

/** Style-layer ids that belong to one plan layer (for toggling visibility). */
export function styleLayerIds(layer: Layer): string[] {
  return [
    `plan_${layer}_area`,
    ...(layer === 'zones' ? [CHOSEN_ZONE_LAYER] : []),
    `plan_${layer}_area_hatch`,
    `plan_${layer}_area_edge`,
    `plan_${layer}_line_casing`,
    ...STATUSES.map((s) => `plan_${layer}_line_${s}`),
    `plan_${layer}_uncertainty`,
    `plan_${layer}_uncertainty_selected`,
    `plan_${layer}_point`,
    `plan_${layer}_mark`,
    `plan_${layer}_label`,
  ];
}

/**
 * Areas: translucent fills; schematic ones hatched; every one with a dashed edge line, so the
 * fills do not antialias (see `basemapGroundLayers`).
 */
function areaLayers(layer: Layer, theme: Theme): LayerSpecification[] {
  const filter: ExpressionSpecification = ['all', isLayer(layer), isArea];
  const colour = areaColour(theme);
  const edgeWidth: ExpressionSpecification = ['case', emphasised, 3, 1.4];
  return [
    {
      id: `plan_${layer}_area`,
      type: 'fill',
      source: PLAN_SOURCE,
      filter,
      paint: {
        'fill-color': colour,
        'fill-opacity': [
          'case',
          ['any', emphasised, isChosenZone],
          0.34,
          layer === 'zones' ? 0.16 : 0.22,
        ],
        'fill-antialias': false,
      },
    },
    {
      id: `plan_${layer}_area_hatch`,
      type: 'fill',
      source: PLAN_SOURCE,
      filter: ['all', filter, ['==', ['get', 'confidence'], 'schematic']],
      paint: { 'fill-pattern': 'hatch', 'fill-opacity': 0.2, 'fill-antialias': false },
    },
    {
      id: `plan_${layer}_area_edge`,
      type: 'line',
      source: PLAN_SOURCE,
      filter,
      paint: {
        'line-color': colour,
        // The same width at every zoom, written by zoom like the plan lines' widths: MapLibre then
        // draws edges and dashed lines with one shader program, one compile less at start-up.
        'line-width': ['interpolate', ['linear'], ['zoom'], 8, edgeWidth, 13, edgeWidth],
        'line-opacity': 0.9,
        'line-dasharray': [3, 2],
      },
    },
  ];
}

/** Lines: one layer per status so the dash pattern tells the status apart. */
function lineLayers(layer: Layer, theme: Theme): LayerSpecification[] {
  const filter: ExpressionSpecification = ['all', isLayer(layer), isLine];
  const base = layer === 'belt' ? [7, 14] : layer === 'roads' ? [2, 4] : [2.6, 5];
  /** Width by zoom (8 → 13), wider when emphasised, plus `extra` px for the casing. */
  const width = (extra: number): DataDrivenPropertyValueSpecification<number> => [
    'interpolate',
    ['linear'],
    ['zoom'],
    8,
    ['case', emphasised, 5 + extra, base[0]! + extra],
    13,
    ['case', emphasised, 9 + extra, base[1]! + extra],
  ];
  return [
    {
      id: `plan_${layer}_line_casing`,
      type: 'line',
      source: PLAN_SOURCE,
      filter,
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: {
        'line-color': theme.cityFill,
        'line-width': width(2.5),
        'line-opacity': layer === 'belt' ? 0 : 0.9,
      },
    },
    ...STATUSES.map((status): LayerSpecification => ({
      id: `plan_${layer}_line_${status}`,
      type: 'line',
      source: PLAN_SOURCE,
      filter: ['all', filter, ['==', ['get', 'status'], status]],
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': layerColour(theme),
        'line-width': width(0),
        'line-opacity': layer === 'belt' ? 0.35 : 0.95,
        'line-dasharray': STATUS_DASH[status],
      },
    })),
  ];
}

/**
 * Points: a coloured disc; estimated ones hollow with an uncertainty halo. At city scale the
 * halos (±3–8 km) would haze over the bay, so they fade in from `UNCERTAINTY_MIN_ZOOM`; below
 * it only the selected feature's halo is drawn (the map's `selected` global state). Even
 * zoomed in, only a selected or highlighted place's halo is filled; the rest are outlines.
 */
function pointLayers(layer: Layer, theme: Theme): LayerSpecification[] {
  const filter: ExpressionSpecification = ['all', isLayer(layer), isPoint];
  const estimated: ExpressionSpecification = ['==', ['get', 'confidence'], 'estimated'];
  const halo = (full: number, emphasisedFull: number) => ['case', emphasised, emphasisedFull, full];
  const colour = layerColour(theme);
  const haloPaint: CircleLayerSpecification['paint'] = {
    'circle-radius': groundRadius(['to-number', ['get', 'uncertainty_km'], 0]),
    'circle-color': colour,
    'circle-stroke-color': colour,
    'circle-stroke-width': ['case', emphasised, 1.4, 0.6],
  };
  return [
    {
      id: `plan_${layer}_uncertainty`,
      type: 'circle',
      source: PLAN_SOURCE,
      filter: ['all', filter, estimated, ['==', ['get', 'halo'], true]],
      minzoom: UNCERTAINTY_MIN_ZOOM,
      paint: {
        ...haloPaint,
        // Unpicked places: a faint outline only (a dozen filled ±8–10 km rings greyed out the
        // bay at 头门港); the selected or highlighted place's ring is filled.
        'circle-opacity': uncertaintyFade(halo(0, 0.12) as ExpressionSpecification),
        'circle-stroke-opacity': uncertaintyFade(halo(0.25, 0.8) as ExpressionSpecification),
      },
    },
    {
      id: `plan_${layer}_uncertainty_selected`,
      type: 'circle',
      source: PLAN_SOURCE,
      filter: ['all', filter, estimated, ['==', ['get', 'id'], ['global-state', 'selected']]],
      maxzoom: UNCERTAINTY_MIN_ZOOM,
      paint: { ...haloPaint, 'circle-opacity': 0.12, 'circle-stroke-opacity': 0.8 },
    },
    {
      id: `plan_${layer}_point`,
      type: 'circle',
      source: PLAN_SOURCE,
      filter: ['all', filter, notStacked],
      paint: {
        'circle-radius': zoomScaled(POINT_RADIUS),
        'circle-color': ['case', estimated, theme.cityFill, colour],
        'circle-stroke-color': ['case', emphasised, theme.emphasisStroke, colour],
        'circle-stroke-width': ['case', emphasised, 3, POINT_STROKE],
      },
    },
  ];
}

const MARK_SIZE: [number, number][] = [
  [SMALL_ZOOM, 6],
  [FULL_SIZE_ZOOM, 9.8],
  [13, 13],
];

/**
 * The layer's mark inside each point symbol, in the UI language. Drawn above every label and
 * placed first, so names make way for the marks (a zone name under a cluster of 园 was
 * unreadable); marks themselves always show. Their collision box covers the whole disc (an
 * English "L" is narrower than its disc: "Baishuiyang" ran onto one).
 */
function markLayer(layer: Layer, theme: Theme): LayerSpecification {
  const filter: ExpressionSpecification = ['all', isLayer(layer), isPoint];
  const estimated: ExpressionSpecification = ['==', ['get', 'confidence'], 'estimated'];
  return {
    id: `plan_${layer}_mark`,
    type: 'symbol',
    source: PLAN_SOURCE,
    filter: ['all', filter, notStacked],
    layout: {
      'text-field': byLang(LAYER_LOOK[layer].mark, LAYER_LOOK[layer].markEn),
      'text-font': theme.fontStack,
      'text-size': zoomScaled(MARK_SIZE),
      'text-allow-overlap': true,
      'text-padding': discPadding(POINT_RADIUS, POINT_STROKE, MARK_SIZE, { zh: 0.5, en: 0.3 }),
    },
    paint: {
      'text-color': ['case', estimated, layerColour(theme), theme.markInk],
      // Invisible on the small-scale dots, but still placed: its box keeps names off the dot.
      'text-opacity': ['step', ['zoom'], 0, MARK_MIN_ZOOM, 1],
    },
  };
}

/**
 * Zone names: large, but an English name ("Central Comprehensive Development Area") is three
 * times as long as the Chinese, so it is set smaller, wrapped narrower and without tracking.
 * If the anchor is covered by marks the name moves just off it rather than under them.
 */
const zoneLabelLayout: SymbolLayerSpecification['layout'] = {
  // Smaller at a phone's whole-city zoom, where the city is 300 px wide.
  'text-size': zoomScaled([
    [SMALL_ZOOM, byLang(12, 10.5)],
    [FULL_SIZE_ZOOM, byLang(15, 12.5)],
  ]),
  // English names in two lines rather than four on a phone's whole-city view: a tall block
  // finds no gap among the symbols there.
  'text-max-width': ['step', ['zoom'], byLang(8, 11), MARK_MIN_ZOOM, byLang(8, 7)],
  'text-letter-spacing': ['case', isLabelAnchor, byLang(0.15, 0), 0],
  'text-line-height': 1.15,
  // 中心城区, the smallest zone and inside 中部综合发展区, has the fewest clear spots: its name
  // is placed first, the larger zones' names then find room around it.
  'symbol-sort-key': ['match', ['get', 'id'], 'central-city', 0, 1],
  // Centre first; else just off the marks (offsets in ems): in any direction at full size;
  // on a phone's whole-city view only up or down, further out, since a sideways step pushed
  // 西部生态发展区 over the screen's edge and a zone's middle is all symbols there.
  'text-variable-anchor-offset': [
    'step',
    ['zoom'],
    [
      'literal',
      [
        'center',
        [0, 0],
        'top',
        [0, 1.6],
        'bottom',
        [0, -1.6],
        'top',
        [0, 3],
        'bottom',
        [0, -3],
        'top',
        [0, 4.5],
        'bottom',
        [0, -4.5],
        'top',
        [0, 6],
        'bottom',
        [0, -6],
        'top',
        [0, 7.5],
        'bottom',
        [0, -7.5],
      ],
    ],
    MARK_MIN_ZOOM,
    [
      'literal',
      [
        'center',
        [0, 0],
        'top',
        [0, 1.6],
        'bottom',
        [0, -1.6],
        'left',
        [1.6, 0],
        'right',
        [-1.6, 0],
        'top-left',
        [1.2, 1.2],
        'bottom-right',
        [-1.2, -1.2],
        'top-right',
        [-1.2, 1.2],
        'bottom-left',
        [1.2, -1.2],
        'top',
        [0, 3],
        'bottom',
        [0, -3],
      ],
    ],
  ],
};

/** Place names: beside (below) the point symbol or along the line. */
const placeLabelLayout: SymbolLayerSpecification['layout'] = {
  'text-size': scaled(12),
  'text-offset': [0, 1.2],
  'text-anchor': 'top',
  'text-max-width': 8,
};

/** Names: areas at their label anchor, lines along the line, points beside the symbol. */
function labelLayer(layer: Layer, theme: Theme): LayerSpecification {
  const isLine = ['rail', 'expressways', 'roads', 'belt'].includes(layer);
  return {
    id: `plan_${layer}_label`,
    type: 'symbol',
    source: PLAN_SOURCE,
    // Area outlines are not labelled; their anchors are. The zones' town points (小城市,
    // 中心镇) stand on the town seats, whose own labels already name them.
    filter:
      layer === 'zones'
        ? ['all', isLayer(layer), isLabelAnchor]
        : ['all', isLayer(layer), ['!', isArea], notStacked],
    minzoom: layer === 'zones' || layer === 'belt' ? 0 : 9.2,
    layout: {
      'text-field': byLang(['get', 'label'], ['get', 'label_en']),
      'text-font': theme.fontStack,
      'symbol-placement': isLine ? 'line' : 'point',
      'text-optional': true,
      ...(layer === 'zones' ? zoneLabelLayout : placeLabelLayout),
    },
    paint: {
      'text-color': ['case', isLabelAnchor, areaColour(theme), theme.labelInk],
      'text-halo-color': theme.labelHalo,
      'text-halo-width': 1.6,
    },
  };
}

/**
 * The chosen zone's outline: solid and wide, above every area, so a zone filter shows which
 * zone its projects lie in (the other zones stay drawn as the frame around it).
 */
function chosenZoneLayer(theme: Theme): LayerSpecification {
  return {
    id: CHOSEN_ZONE_LAYER,
    type: 'line',
    source: PLAN_SOURCE,
    filter: ['all', isLayer('zones'), isArea, isChosenZone],
    layout: { 'line-join': 'round' },
    paint: { 'line-color': areaColour(theme), 'line-width': 3.5, 'line-opacity': 0.95 },
  };
}

/** Plan areas and lines, drawn above the base fills and below the town seats. */
export function planShapeLayers(theme: Theme): LayerSpecification[] {
  return [
    ...LAYERS.flatMap((l) => areaLayers(l, theme)),
    chosenZoneLayer(theme),
    ...LAYERS.flatMap((l) => lineLayers(l, theme)),
  ];
}

const STACK_COUNT_SIZE: [number, number][] = [
  [SMALL_ZOOM, 9],
  [FULL_SIZE_ZOOM, 11.8],
  [13, 15],
];

/**
 * A stack: a ring in the ink colour (not a layer's colour: it may mix layers), a size larger
 * than a single place, so it reads as "several here". Its count is drawn with the marks.
 */
function stackPointLayer(theme: Theme): LayerSpecification {
  return {
    id: STACK_LAYERS.point,
    type: 'circle',
    source: PLAN_SOURCE,
    filter: isStack,
    paint: {
      'circle-radius': zoomScaled(STACK_RADIUS),
      'circle-color': theme.cityFill,
      'circle-stroke-color': theme.labelInk,
      'circle-stroke-width': STACK_STROKE,
    },
  };
}

/**
 * A stack's count, placed with the marks before every name and with a box that covers the
 * whole ring (one digit's half-width of padding less: two digits only widen it), so zone
 * names move off the ring and line and town names yield to it. It used to ignore placement,
 * and 中部综合发展区 and 东部湾区 were set across two stacks.
 */
function stackCountLayer(theme: Theme): LayerSpecification {
  return {
    id: STACK_LAYERS.count,
    type: 'symbol',
    source: PLAN_SOURCE,
    filter: isStack,
    layout: {
      'text-field': ['to-string', visibleStackCount],
      'text-font': theme.fontStack,
      'text-size': zoomScaled(STACK_COUNT_SIZE),
      'text-allow-overlap': true,
      'text-padding': discPadding(STACK_RADIUS, STACK_STROKE, STACK_COUNT_SIZE, {
        zh: 0.3,
        en: 0.3,
      }),
    },
    paint: { 'text-color': theme.labelInk },
  };
}

/** Plan point symbols (and stacks of places on one position), above the town seats. */
export function planPointLayers(theme: Theme): LayerSpecification[] {
  return [...LAYERS.flatMap((l) => pointLayers(l, theme)), stackPointLayer(theme)];
}

/** "21 处地点" / "21 places" in the map's language (global state `lang`). */
const stackLabel: ExpressionSpecification = (() => {
  const inLang = (lang: 'zh' | 'en'): ExpressionSpecification => {
    const label = lang === 'en' ? enMapStrings['stack.mapLabel'] : zh['stack.mapLabel'];
    const [before, after] = label.split('{n}');
    return ['concat', before ?? '', ['to-string', visibleStackCount], after ?? ''];
  };
  return ['case', ['==', ['global-state', 'lang'], 'en'], inLang('en'), inLang('zh')];
})();

/** A stack's name ("21 处地点") beside its symbol, with the other place names. */
function stackLabelLayer(theme: Theme): LayerSpecification {
  return {
    id: STACK_LAYERS.label,
    type: 'symbol',
    source: PLAN_SOURCE,
    filter: isStack,
    minzoom: 9.2,
    layout: {
      'text-field': stackLabel,
      'text-font': theme.fontStack,
      'text-size': scaled(12),
      // Below the ring, else beside it (the ring's count box covers the whole ring).
      'text-variable-anchor-offset': [
        'literal',
        ['top', [0, 1.5], 'top', [0, 2], 'left', [1.8, 0], 'right', [-1.8, 0], 'bottom', [0, -2]],
      ],
      'text-optional': true,
    },
    paint: {
      'text-color': theme.labelInk,
      'text-halo-color': theme.labelHalo,
      'text-halo-width': 1.6,
    },
  };
}

/** The points' marks and the stacks' counts: the very top of the map (see `markLayer`). */
export function planMarkLayers(theme: Theme): LayerSpecification[] {
  return [...LAYERS.flatMap((l) => markLayer(l, theme)), stackCountLayer(theme)];
}

/** Names of plan places, below the town names (which orient every other label). */
export function planLabelLayers(theme: Theme): LayerSpecification[] {
  return [
    ...LAYERS.filter((l) => l !== 'zones')
      .reverse()
      .map((l) => labelLayer(l, theme)),
    stackLabelLayer(theme),
  ];
}

/** Zone names: the top of the map, so they win label collisions. */
export function zoneLabelLayers(theme: Theme): LayerSpecification[] {
  return [labelLayer('zones', theme)];
}
