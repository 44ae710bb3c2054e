import type {
  ExpressionSpecification,
  GeoJSONSource,
  LayerSpecification,
  Map as MaplibreMap,
} from 'maplibre-gl';
import type { Feature, FeatureCollection, Point } from 'geojson';
import { COMMENT_KINDS, type Comment, type CommentKind } from '../comments/schema';
import { byLang } from './mapState';
import { rgbOf, type Theme } from './theme';

/**
 * Consultation comment pins: their own source and one symbol layer, drawn above the
 * plan's points and below its labels. A pin is a teardrop (so it never reads as a
 * plan feature) with the kind's character inside, so kinds differ by more than colour.
 */

export const COMMENT_SOURCE = 'comments';
export const COMMENT_PIN_LAYER = 'comments_pins';

export interface PinLook {
  colour: string;
  /** Character drawn in the pin's head (local fonts). */
  mark: string;
  /** The same in English mode: the first letter of the kind's English name. */
  markEn: string;
}

/** Each kind: a colour with white text at ≥ 4.5:1, and the first character of its name. */
export const KIND_LOOK: Record<CommentKind, PinLook> = {
  support: { colour: '#2e7d32', mark: '支', markEn: 'S' },
  concern: { colour: '#c62828', mark: '忧', markEn: 'C' },
  idea: { colour: '#1565c0', mark: '议', markEn: 'I' },
  question: { colour: '#8a5300', mark: '问', markEn: 'Q' },
};

/** A kind's mark in the UI language (the pins follow the map's `lang` global state). */
export function kindMark(kind: CommentKind, lang: 'zh' | 'en'): string {
  return lang === 'en' ? KIND_LOOK[kind].markEn : KIND_LOOK[kind].mark;
}
/** A hidden comment in facilitator view: greyed, its kind still legible by the mark. */
export const HIDDEN_COLOUR = '#8c8780';
/** The pin being placed, before it is submitted: drawn in the ink colour. */
const DRAFT_MARK = '＋';

/** Pin image size in CSS pixels; drawn at `PIN_PIXEL_RATIO` for sharp edges. */
export const PIN_WIDTH = 28;
export const PIN_HEIGHT = 38;
export const PIN_PIXEL_RATIO = 2;
const HEAD_RADIUS = 12;
const HEAD_CENTRE_Y = HEAD_RADIUS + 2;

/** Image names: `comment-pin-support`, …, `comment-pin-hidden`, `comment-pin-draft`. */
export const pinImageName = (look: CommentKind | 'hidden' | 'draft') => `comment-pin-${look}`;

/** True if (x, y) in CSS px lies in the teardrop grown by `grow` px. */
function inTeardrop(x: number, y: number, grow: number): boolean {
  const cx = PIN_WIDTH / 2;
  const r = HEAD_RADIUS + grow;
  if (Math.hypot(x - cx, y - HEAD_CENTRE_Y) <= r) return true;
  // The point: a triangle from the head's lower flanks down to the tip.
  const tipY = PIN_HEIGHT - 1 + grow * 0.5;
  const topY = HEAD_CENTRE_Y + HEAD_RADIUS * 0.55;
  if (y < topY || y > tipY) return false;
  const halfWidth = (HEAD_RADIUS * 0.85 + grow) * ((tipY - y) / (tipY - topY));
  return Math.abs(x - cx) <= halfWidth;
}

/**
 * How many of a pixel's 4×4 samples fall in each ring of the teardrop: the fill, the white
 * rim, the dark hairline. The shape is the same for every pin, so it is sampled once
 * (~200k point tests) and each colour is then a cheap pass: the first pin of a session is
 * added while its comment is shown, and must not hold that frame back.
 */
let coverage: { fill: Uint8Array; rim: Uint8Array; line: Uint8Array } | null = null;
const SAMPLES = 4;

/** Sample the pin's shape now (on idle, before the first pin: it is the costly part of adding them). */
export function pinCoverage() {
  if (coverage) return coverage;
  const width = PIN_WIDTH * PIN_PIXEL_RATIO;
  const height = PIN_HEIGHT * PIN_PIXEL_RATIO;
  const fill = new Uint8Array(width * height);
  const rim = new Uint8Array(width * height);
  const line = new Uint8Array(width * height);
  const n = SAMPLES;
  for (let py = 0; py < height; py++) {
    for (let px = 0; px < width; px++) {
      const i = py * width + px;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = (px + (sx + 0.5) / n) / PIN_PIXEL_RATIO;
          const y = (py + (sy + 0.5) / n) / PIN_PIXEL_RATIO;
          if (inTeardrop(x, y, -2)) fill[i]!++;
          else if (inTeardrop(x, y, 0)) rim[i]!++;
          else if (inTeardrop(x, y, 1)) line[i]!++;
        }
      }
    }
  }
  coverage = { fill, rim, line };
  return coverage;
}

/** The hairline's opacity over the map. */
const LINE_ALPHA = 0.55;

/**
 * A teardrop pin as raw RGBA pixels (for `map.addImage` with `pixelRatio`): a dark
 * hairline, a white rim and the fill colour, antialiased by 4×4 supersampling.
 */
export function commentPinImage(colour: string, theme: Theme) {
  const width = PIN_WIDTH * PIN_PIXEL_RATIO;
  const height = PIN_HEIGHT * PIN_PIXEL_RATIO;
  const data = new Uint8Array(width * height * 4);
  const { fill: inFill, rim: inRim, line: inLine } = pinCoverage();
  const fill = rgbOf(colour);
  const ink = rgbOf(theme.ui.ink);
  const white = rgbOf(theme.ui.onAccent);
  for (let p = 0; p < width * height; p++) {
    const f = inFill[p]!;
    const w = inRim[p]!;
    const l = inLine[p]! * LINE_ALPHA;
    const a = f + w + l;
    if (a === 0) continue;
    const i = p * 4;
    // Straight (not premultiplied) alpha, as MapLibre expects for raw images.
    for (let c = 0; c < 3; c++) {
      data[i + c] = Math.round((fill[c]! * f + white[c]! * w + ink[c]! * l) / a);
    }
    data[i + 3] = Math.round((a / (SAMPLES * SAMPLES)) * 255);
  }
  return { width, height, data };
}

/** What the pin source holds, per feature. */
export interface PinProperties {
  id: string;
  kind: CommentKind | 'draft';
  /** Image look: the kind, `hidden`, or `draft`. */
  look: CommentKind | 'hidden' | 'draft';
  mark: string;
  markEn: string;
  /** The comment open in the panel: drawn larger. */
  open: boolean;
}

export interface PinOptions {
  /** Facilitator view: hidden comments are drawn, greyed. Otherwise they are left out entirely. */
  facilitator: boolean;
  openId?: string | null;
  /** The pin being placed. */
  draft?: { lon: number; lat: number } | null;
}

/** The pins to draw: oldest first, so newer pins are drawn on top; the draft last. */
export function commentPinData(
  comments: readonly Comment[],
  options: PinOptions,
): FeatureCollection<Point, PinProperties> {
  const shown = comments
    .filter((c) => options.facilitator || c.status === 'visible')
    .sort((a, b) => Date.parse(a.created) - Date.parse(b.created));
  const features: Feature<Point, PinProperties>[] = shown.map((c) => ({
    type: 'Feature',
    id: c.id,
    geometry: { type: 'Point', coordinates: [c.lon, c.lat] },
    properties: {
      id: c.id,
      kind: c.kind,
      look: c.status === 'hidden' ? 'hidden' : c.kind,
      mark: KIND_LOOK[c.kind].mark,
      markEn: KIND_LOOK[c.kind].markEn,
      open: c.id === options.openId,
    },
  }));
  if (options.draft) {
    features.push({
      type: 'Feature',
      id: 'draft',
      geometry: { type: 'Point', coordinates: [options.draft.lon, options.draft.lat] },
      properties: {
        id: 'draft',
        kind: 'draft',
        look: 'draft',
        mark: DRAFT_MARK,
        markEn: '+',
        open: true,
      },
    });
  }
  return { type: 'FeatureCollection', features };
}

const isOpen: ExpressionSpecification = ['==', ['get', 'open'], true];

/** The pin layer: icon by look, the mark in the pin's head. */
export function commentLayers(theme: Theme): LayerSpecification[] {
  return [
    {
      id: COMMENT_PIN_LAYER,
      type: 'symbol',
      source: COMMENT_SOURCE,
      layout: {
        'icon-image': ['concat', 'comment-pin-', ['get', 'look']],
        'icon-anchor': 'bottom',
        'icon-size': ['case', isOpen, 1.3, 1],
        'icon-allow-overlap': true,
        'icon-ignore-placement': true,
        'text-field': byLang(['get', 'mark'], ['get', 'markEn']),
        'text-font': theme.fontStack,
        'text-size': ['case', isOpen, 16, 12.5],
        // The head's centre sits 24 px (×1.3 when open) above the tip.
        'text-offset': [
          'case',
          isOpen,
          ['literal', [0, -(((PIN_HEIGHT - HEAD_CENTRE_Y) * 1.3) / 16)]],
          ['literal', [0, -((PIN_HEIGHT - HEAD_CENTRE_Y) / 12.5)]],
        ],
        'text-allow-overlap': true,
        'text-ignore-placement': true,
        'symbol-z-order': 'source',
      },
      paint: { 'text-color': theme.ui.onAccent },
    },
  ];
}

/** Add the pin images, source and layer once, below the first plan label layer. */
export function addCommentLayers(map: MaplibreMap, theme: Theme): void {
  for (const kind of COMMENT_KINDS) {
    const name = pinImageName(kind);
    if (!map.hasImage(name)) {
      const image = commentPinImage(KIND_LOOK[kind].colour, theme);
      map.addImage(name, image, { pixelRatio: PIN_PIXEL_RATIO });
    }
  }
  for (const [look, colour] of [
    ['hidden', HIDDEN_COLOUR],
    ['draft', theme.ui.ink],
  ] as const) {
    if (!map.hasImage(pinImageName(look))) {
      const image = commentPinImage(colour, theme);
      map.addImage(pinImageName(look), image, { pixelRatio: PIN_PIXEL_RATIO });
    }
  }
  if (!map.getSource(COMMENT_SOURCE)) {
    map.addSource(COMMENT_SOURCE, {
      type: 'geojson',
      data: { type: 'FeatureCollection', features: [] },
      promoteId: 'id',
    });
  }
  // The layer ids only: `getStyle()` would serialise the whole style for one lookup.
  const beforeId = map
    .getLayersOrder()
    .find((id) => id.startsWith('plan_') && id.endsWith('_label'));
  for (const layer of commentLayers(theme)) {
    if (!map.getLayer(layer.id)) map.addLayer(layer, beforeId);
  }
}

/** Replace the pins shown. */
export function setCommentPins(map: MaplibreMap, data: FeatureCollection): void {
  (map.getSource(COMMENT_SOURCE) as GeoJSONSource | undefined)?.setData(data);
}
