import type { ExpressionSpecification, LayerSpecification, SourceSpecification } from 'maplibre-gl';
import { COUNTY_NAMES_EN, SEAT_NAMES_EN } from '../data/placeNamesEn';
import { byLang, scaled, zoomScaled } from './mapState';
import type { Theme } from './theme';
import { groundRadius, uncertaintyFade, UNCERTAINTY_MIN_ZOOM } from './uncertainty';

/** The published base-map files (under `data/`) and the source id each is drawn from. */
export const BASEMAP_SOURCES = {
  land: 'land.geojson',
  counties: 'counties.geojson',
  'county-labels': 'county-labels.geojson',
  boundary: 'boundary.geojson',
  coastline: 'coastline.geojson',
  seats: 'seats.geojson',
} as const;

export type BasemapSourceId = keyof typeof BASEMAP_SOURCES | 'unmapped';

/**
 * The extent of the GSHHG land and coast files (W, S, E, N; see geodata/README.md). Beyond
 * it the files say nothing, so the map must not paint sea (or land) there.
 */
export const COAST_EXTENT: [number, number, number, number] = [120.6, 28.45, 122.1, 29.3];

/** How far inside the extent the known sea fades into the veil (degrees), and in how many steps. */
export const COAST_FADE = { width: 0.08, steps: 8 };

/** A rectangle (W, S, E, N) as a closed ring, counter-clockwise. */
const ring = ([w, s, e, n]: [number, number, number, number]) => [
  [w, s],
  [e, s],
  [e, n],
  [w, n],
  [w, s],
];
/** The extent moved `d` degrees inwards on every side. */
const inset = (d: number): [number, number, number, number] => {
  const [w, s, e, n] = COAST_EXTENT;
  return [w + d, s + d, e - d, n - d];
};

/**
 * The world with a hole at the coast data's extent (`kind: mask`: what the map veils as "not
 * mapped"), and inside the hole frames of veil, each more transparent than the one outside it
 * (`kind: fade`), so the known sea fades into the veil instead of ending in a straight edge.
 */
function unmappedMask(): SourceSpecification {
  const { width, steps } = COAST_FADE;
  const band = (k: number) => ({
    type: 'Feature' as const,
    properties: { kind: 'fade', frame: k },
    geometry: {
      type: 'Polygon' as const,
      coordinates: [
        ring(inset((k * width) / steps)),
        ring(inset(((k + 1) * width) / steps)).reverse(),
      ],
    },
  });
  return {
    type: 'geojson',
    data: {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { kind: 'mask' },
          geometry: {
            type: 'Polygon',
            coordinates: [ring([-180, -85, 180, 85]), ring(inset(0)).reverse()],
          },
        },
        ...Array.from({ length: steps }, (_, k) => band(k)),
      ],
    },
  };
}

/** A `match` on `key` that gives the English name from `table`, the Chinese `fallback` otherwise. */
function englishName(
  key: string,
  table: Readonly<Record<string, string>>,
  fallback: ExpressionSpecification,
): ExpressionSpecification {
  return [
    'match',
    ['get', key],
    ...Object.entries(table).flat(),
    fallback,
  ] as unknown as ExpressionSpecification;
}

/** GeoJSON sources for the base map; `url` resolves a `data/` file name to an absolute URL. */
export function basemapSources(
  url: (file: string) => string,
): Record<BasemapSourceId, SourceSpecification> {
  const entries = Object.entries(BASEMAP_SOURCES).map(([id, file]) => [
    id,
    { type: 'geojson', data: url(file) } satisfies SourceSpecification,
  ]);
  return {
    ...Object.fromEntries(entries),
    unmapped: unmappedMask(),
  } as Record<BasemapSourceId, SourceSpecification>;
}

const NOT_LINHAI = ['!=', ['get', 'adcode'], '331082'] as const;
const LINHAI = ['==', ['get', 'adcode'], '331082'] as const;

/**
 * Base-map ground, bottom to top: sea (background), GSHHG land outside 台州, the 台州
 * county polygons inside it (they carry the newer reclaimed coast at 头门港), coast,
 * 临海 emphasised. Beyond the coast data's extent the sea colour would be a guess (land
 * there would show as sea, ending in a straight edge), so that margin is veiled in a
 * neutral tone that the sea fades into; the counties, known land, stay drawn on it.
 *
 * No fill antialiases (`fill-antialias: false`): a line layer draws each edge (the coast, the
 * county and city outlines) and the veil's frames meet edge to edge, so the 1 px outline would
 * not show, yet it costs MapLibre a second shader program per kind of fill to compile before the
 * first view settles, seconds on a machine with software GL (issue #23, docs/performance.md).
 */
export function basemapGroundLayers(theme: Theme): LayerSpecification[] {
  return [
    { id: 'background', type: 'background', paint: { 'background-color': theme.sea } },
    {
      id: 'land',
      type: 'fill',
      source: 'land',
      paint: { 'fill-color': theme.land, 'fill-antialias': false },
    },
    {
      id: 'unmapped',
      type: 'fill',
      source: 'unmapped',
      filter: ['==', ['get', 'kind'], 'mask'],
      paint: { 'fill-color': theme.unmapped, 'fill-antialias': false },
    },
    // The known sea fades into the veil over its last few kilometres: a hard edge, or a neat
    // line, read as a straight grey glitch in the sea near 122.1° E / 28.45° N. One layer per
    // frame, each of one opacity: an opacity read from the feature would need a shader program
    // of its own, compiled before the first view settles.
    ...Array.from({ length: COAST_FADE.steps }, (_, k): LayerSpecification => ({
      id: `unmapped_fade_${k}`,
      type: 'fill',
      source: 'unmapped',
      filter: ['==', ['get', 'frame'], k],
      paint: {
        'fill-color': theme.unmapped,
        'fill-opacity': 1 - (k + 0.5) / COAST_FADE.steps,
        'fill-antialias': false,
      },
    })),
    {
      id: 'counties_fill',
      type: 'fill',
      source: 'counties',
      filter: NOT_LINHAI as never,
      paint: { 'fill-color': theme.countyFill, 'fill-antialias': false },
    },
    {
      id: 'city_fill',
      type: 'fill',
      source: 'boundary',
      filter: LINHAI as never,
      paint: { 'fill-color': theme.cityFill, 'fill-antialias': false },
    },
    {
      id: 'coastline',
      type: 'line',
      source: 'coastline',
      paint: { 'line-color': theme.coastline, 'line-width': 0.7 },
    },
    {
      id: 'counties_line',
      type: 'line',
      source: 'counties',
      filter: NOT_LINHAI as never,
      paint: { 'line-color': theme.countyLine, 'line-width': 0.8, 'line-dasharray': [4, 2] },
    },
    {
      id: 'city_halo',
      type: 'line',
      source: 'boundary',
      paint: {
        'line-color': theme.cityHalo,
        'line-width': ['interpolate', ['linear'], ['zoom'], 8, 4, 12, 9],
        'line-opacity': 0.55,
        'line-blur': 1,
      },
    },
    {
      id: 'city_line',
      type: 'line',
      source: 'boundary',
      paint: {
        'line-color': theme.cityLine,
        'line-width': ['interpolate', ['linear'], ['zoom'], 8, 1.2, 12, 2.2],
      },
    },
  ];
}

/** Neighbouring county names. */
export function basemapCountyLabelLayers(theme: Theme): LayerSpecification[] {
  return [
    {
      id: 'county_labels',
      type: 'symbol',
      source: 'county-labels',
      layout: {
        'text-field': byLang(
          ['get', 'name'],
          englishName('name', COUNTY_NAMES_EN, ['get', 'name']),
        ),
        'text-font': theme.fontStack,
        'text-size': scaled(15),
        // Spaced-out Chinese reads as a region name; spaced-out Latin falls apart.
        'text-letter-spacing': byLang(0.3, 0.08),
      },
      paint: {
        'text-color': theme.labelMuted,
        'text-halo-color': theme.labelHalo,
        'text-halo-width': 1.2,
      },
    },
  ];
}

/**
 * Town seats: estimated ones hollow, with a ring the size of their uncertainty. At city scale
 * the rings would blur the bay, so they fade in from `UNCERTAINTY_MIN_ZOOM` (the card and the
 * hollow symbol still say "estimated").
 */
export function basemapSeatLayers(theme: Theme): LayerSpecification[] {
  return [
    {
      id: 'seats_uncertainty',
      type: 'circle',
      source: 'seats',
      filter: ['==', ['get', 'confidence'], 'estimated'],
      minzoom: UNCERTAINTY_MIN_ZOOM,
      paint: {
        'circle-radius': groundRadius(['get', 'uncertainty_km']),
        'circle-color': theme.seatEstimated,
        // An outline only: filled rings overlap into a haze (see the plan points' halos).
        'circle-opacity': 0,
        'circle-stroke-color': theme.seatEstimated,
        'circle-stroke-width': 0.8,
        'circle-stroke-opacity': uncertaintyFade(0.35),
      },
    },
    {
      id: 'seats',
      type: 'circle',
      source: 'seats',
      paint: {
        'circle-radius': scaled(['match', ['get', 'kind'], '街道', 3, 3.5]),
        'circle-color': ['match', ['get', 'confidence'], 'estimated', theme.cityFill, theme.seat],
        'circle-stroke-color': [
          'match',
          ['get', 'confidence'],
          'estimated',
          theme.seatEstimated,
          theme.cityFill,
        ],
        'circle-stroke-width': 1.5,
      },
    },
  ];
}

/** Town names. */
export function basemapSeatLabelLayers(theme: Theme): LayerSpecification[] {
  return [
    {
      id: 'seats_labels',
      type: 'symbol',
      source: 'seats',
      layout: {
        'text-field': byLang(
          ['get', 'label'],
          englishName('code', SEAT_NAMES_EN, ['get', 'label']),
        ),
        'text-font': theme.fontStack,
        'text-size': zoomScaled([
          [8, 12],
          [12, 15],
        ]),
        // Below the dot first; beside or above it when a plan mark (placed first) is there;
        // then a step further out, clear of a mark's or a stack's whole disc on the seat.
        'text-variable-anchor-offset': [
          'literal',
          [
            'top',
            [0, 0.7],
            'bottom',
            [0, -0.7],
            'right',
            [-0.7, 0],
            'left',
            [0.7, 0],
            'top',
            [0, 1.5],
            'bottom',
            [0, -1.5],
            'right',
            [-1.6, 0],
            'left',
            [1.6, 0],
          ],
        ],
        'text-padding': 2,
      },
      paint: {
        'text-color': theme.labelInk,
        'text-halo-color': theme.labelHalo,
        'text-halo-width': 1.5,
      },
    },
  ];
}
