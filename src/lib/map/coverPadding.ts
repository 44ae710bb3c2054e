import type { Map as MaplibreMap } from 'maplibre-gl';

/** A rectangle in CSS pixels (the same frame for the map and what covers it). */
export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Padding on each side, in CSS px (assignable to MapLibre's `Insets`). */
export interface Insets {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** The attribute that marks a panel drawn over the map (card, tour step, overlay card). */
export const MAP_COVER_ATTRIBUTE = 'data-map-cover';

/** Below this many pixels of free map in either direction a cover is not avoided (no room). */
const MIN_FREE = 120;

/**
 * Padding that keeps a fitted view clear of the panels drawn over the map. Each cover that
 * overlaps the map pushes in the one side that leaves the largest free area (a card on the
 * right pushes the right edge to its left side; a step card at the bottom, the bottom edge).
 * Where `base` leaves too little room to avoid a cover (a phone: the card covers the lower
 * half of a 420 px map strip, and 60 px margins left 60 px above it), the margin shrinks
 * (½, ¼, none) until every cover is avoided; only a cover that leaves no room at all is not.
 * @param map the map's rectangle
 * @param covers rectangles of the open panels over it
 * @param base padding kept on every side anyway, in px
 * @example paddingForCovers({left:0,top:0,right:900,bottom:700}, [{left:500,top:20,right:880,bottom:600}], 60)
 *   // { top: 60, left: 60, bottom: 60, right: 60 + 400 }
 */
export function paddingForCovers(map: Rect, covers: readonly Rect[], base = 0): Insets {
  const first = avoidCovers(map, covers, base);
  if (first.avoided) return first.pad;
  for (const margin of [base / 2, base / 4, 0]) {
    const next = avoidCovers(map, covers, margin);
    if (next.avoided) return next.pad;
  }
  return first.pad;
}

/** `paddingForCovers` at one margin; `avoided` is false when some cover found no side. */
function avoidCovers(
  map: Rect,
  covers: readonly Rect[],
  base: number,
): { pad: Insets; avoided: boolean } {
  const pad = { top: base, right: base, bottom: base, left: base };
  const width = map.right - map.left;
  const height = map.bottom - map.top;
  let avoided = true;
  for (const cover of covers) {
    const c = {
      left: Math.max(cover.left, map.left),
      right: Math.min(cover.right, map.right),
      top: Math.max(cover.top, map.top),
      bottom: Math.min(cover.bottom, map.bottom),
    };
    if (c.left >= c.right || c.top >= c.bottom) continue;
    const options = [
      { side: 'left', inset: c.right - map.left + base },
      { side: 'right', inset: map.right - c.left + base },
      { side: 'top', inset: c.bottom - map.top + base },
      { side: 'bottom', inset: map.bottom - c.top + base },
    ] as const;
    let best: { side: keyof typeof pad; inset: number; area: number } | undefined;
    for (const { side, inset } of options) {
      const next = { ...pad, [side]: Math.max(pad[side], inset) };
      const freeW = width - next.left - next.right;
      const freeH = height - next.top - next.bottom;
      if (freeW < MIN_FREE || freeH < MIN_FREE) continue;
      const area = freeW * freeH;
      if (!best || area > best.area) best = { side, inset, area };
    }
    if (best) pad[best.side] = Math.max(pad[best.side], best.inset);
    else avoided = false;
  }
  return { pad, avoided };
}

/** The rectangles of the visible panels marked with `data-map-cover`, in the page's frame. */
function coverRects(): Rect[] {
  return [...document.querySelectorAll<HTMLElement>(`[${MAP_COVER_ATTRIBUTE}]`)]
    .filter((el) => el.getClientRects().length > 0)
    .map((el) => el.getBoundingClientRect());
}

/**
 * The padding for fitting the map now: `base` on every side, plus whatever the open panels
 * over the map (feature card, tour step, overlay card) cover. The one place that knows them.
 */
export function openPanelPadding(map: MaplibreMap, base = 0): Insets {
  return paddingForCovers(map.getContainer().getBoundingClientRect(), coverRects(), base);
}

/**
 * How far to pan the map (MapLibre `panBy` offset, CSS px) so that `point` (relative to the map)
 * sits in the middle of the area the padding leaves free; null when it is in that area already,
 * so a point in view does not move.
 * @example panIntoFree({x:800,y:300}, {width:900,height:700}, {top:0,left:0,bottom:0,right:400}) // [550, -50]
 */
export function panIntoFree(
  point: { x: number; y: number },
  size: { width: number; height: number },
  pad: Insets,
): [number, number] | null {
  const inside =
    point.x >= pad.left &&
    point.x <= size.width - pad.right &&
    point.y >= pad.top &&
    point.y <= size.height - pad.bottom;
  if (inside) return null;
  const cx = (pad.left + size.width - pad.right) / 2;
  const cy = (pad.top + size.height - pad.bottom) / 2;
  return [point.x - cx, point.y - cy];
}
