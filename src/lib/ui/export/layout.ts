/**
 * The PNG export's size and frame, as pure arithmetic (tested on its own).
 *
 * Size rule, in device pixels, with r the map's pixel ratio (`map.getPixelRatio()`, the
 * screen's devicePixelRatio) and the map canvas as drawn (`canvas.width` =
 * floor(map width in CSS px × r), likewise the height):
 *
 *   width  = canvas.width  + 2 × round(24 × r) + round(220 × r)
 *   height = canvas.height + round(64 × r) + round(56 × r)
 *
 * The map keeps every pixel (no rescaling); a 24 px margin left and right, a 64 px
 * header (title, disclaimer, date), a 56 px footer (attribution) and a 220 px band on the
 * right (legend, scale bar, north arrow) frame it. Nothing is drawn over the map: a legend
 * over a corner covered 河头镇 and the western zone, and any corner of some view holds part
 * of the city.
 */
export const FRAME = { pad: 24, header: 64, footer: 56, side: 220 } as const;

export interface ExportLayout {
  width: number;
  height: number;
  /** Where the map canvas goes, in output pixels. */
  map: { x: number; y: number; width: number; height: number };
  /** The band right of the map for the legend, scale bar and north arrow. */
  side: { x: number; y: number; width: number; height: number };
  pad: number;
  header: number;
  footer: number;
}

/** The output size and where the map sits in it (see the size rule above). */
export function exportLayout(
  canvasWidth: number,
  canvasHeight: number,
  ratio: number,
): ExportLayout {
  const r = Number.isFinite(ratio) && ratio > 0 ? ratio : 1;
  const pad = Math.round(FRAME.pad * r);
  const header = Math.round(FRAME.header * r);
  const footer = Math.round(FRAME.footer * r);
  const side = Math.round(FRAME.side * r);
  return {
    width: canvasWidth + 2 * pad + side,
    height: canvasHeight + header + footer,
    map: { x: pad, y: header, width: canvasWidth, height: canvasHeight },
    // A margin between the map and the band; the band ends a margin from the edge.
    side: { x: pad + canvasWidth + pad, y: header, width: side - pad, height: canvasHeight },
    pad,
    header,
    footer,
  };
}

/** Earth's equatorial radius in metres (WGS-84), as Web Mercator uses it. */
const EARTH_RADIUS = 6378137;
/** MapLibre's world is 512 CSS px wide at zoom 0. */
const TILE_SIZE = 512;

/**
 * Ground metres per CSS pixel at a latitude and zoom in Web Mercator
 * (circumference × cos φ / world size in pixels).
 * @example metresPerPixel(28.85, 10) // ≈ 66.9
 */
export function metresPerPixel(lat: number, zoom: number): number {
  return (2 * Math.PI * EARTH_RADIUS * Math.cos((lat * Math.PI) / 180)) / (TILE_SIZE * 2 ** zoom);
}

/**
 * The longest "round" distance (1, 2 or 5 × 10ⁿ metres) whose bar fits in `maxPx`,
 * as MapLibre's scale control chooses it.
 * @example scaleBar(66.9, 120) // { metres: 5000, px: 74.7… }
 */
export function scaleBar(mpp: number, maxPx: number): { metres: number; px: number } {
  const max = mpp * maxPx;
  const magnitude = 10 ** Math.floor(Math.log10(max));
  const ratio = max / magnitude;
  const step = ratio >= 5 ? 5 : ratio >= 2 ? 2 : 1;
  const metres = step * magnitude;
  return { metres, px: metres / mpp };
}

/** `linhai-plan-map-YYYYMMDD.png`, by the local calendar date. */
export function exportFileName(date: Date): string {
  const y = String(date.getFullYear());
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `linhai-plan-map-${y}${m}${d}.png`;
}

/** Attribution lines as plain text: tags removed (links there are credits, not requests). */
export function plainAttribution(lines: readonly string[]): string[] {
  return lines.map((line) =>
    line
      .replace(/<[^>]*>/g, '')
      .replace(/\s+/g, ' ')
      .trim(),
  );
}
