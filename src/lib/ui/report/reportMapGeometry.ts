import { bbox } from '@turf/turf';
import type { Geometry, Position } from 'geojson';
import type { ReportState } from '../../consultation/report';

/**
 * The report map's drawing, as plain numbers and SVG path strings (no DOM): a frame
 * around Linhai, the projection into it, outlines as paths, the comments as one path
 * per answer state, a scale bar. Everything the page prints is built here, so it can
 * be tested without a browser and stays O(n) in the number of comments.
 *
 * Projection: north up, longitude scaled by cos(latitude) at the frame's middle
 * (an equirectangular projection fitted to the frame). Across Linhai's 0.6° of
 * latitude the east–west scale varies by under 0.6 %, far below what a report map
 * shows, and it keeps the arithmetic per dot to two multiplications.
 */

/** W, S, E, N in degrees. */
export type Bounds = [number, number, number, number];

/** A rectangle of the earth and the SVG user space it is drawn into (`width` × `height`). */
export interface Frame {
  west: number;
  south: number;
  east: number;
  north: number;
  width: number;
  height: number;
  /** SVG units per degree of latitude. */
  scale: number;
  /** cos(middle latitude): how much shorter a degree of longitude is. */
  shrink: number;
}

/** Kilometres per degree of latitude on the mean-radius sphere (the geo module's Turf uses it too). */
export const KM_PER_DEGREE = (6371.0088 * Math.PI) / 180;

const radians = (deg: number) => (deg * Math.PI) / 180;

/**
 * The frame around `bounds`, padded by `pad` of its size on every side, at least
 * `minAspect` tall (height / width) so a wide outline keeps some land above and below,
 * and moved inside `within` (the extent of the coast data: beyond it the map would
 * claim sea it does not know) where it fits.
 */
export function frameAround(
  bounds: Bounds,
  options: { width?: number; pad?: number; minAspect?: number; within?: Bounds } = {},
): Frame {
  const { width = 1000, pad = 0.03, minAspect = 0, within } = options;
  const [w, s, e, n] = bounds;
  const shrink = Math.cos(radians((s + n) / 2));
  const padX = (e - w) * pad;
  const padY = Math.max((n - s) * pad, padX * shrink);
  let [west, east] = [w - padX, e + padX];
  let [south, north] = [s - padY, n + padY];
  const tallest = Math.max(north - south, (east - west) * shrink * minAspect);
  const grow = (tallest - (north - south)) / 2;
  [south, north] = [south - grow, north + grow];
  if (within) {
    [west, east] = inside(west, east, within[0], within[2]);
    [south, north] = inside(south, north, within[1], within[3]);
  }
  const scale = width / ((east - west) * shrink);
  return { west, south, east, north, width, height: (north - south) * scale, scale, shrink };
}

/** The span [lo, hi] moved (not resized) inside [min, max] when it is no larger. */
function inside(lo: number, hi: number, min: number, max: number): [number, number] {
  if (hi - lo > max - min) return [lo, hi];
  if (lo < min) return [min, min + (hi - lo)];
  if (hi > max) return [max - (hi - lo), max];
  return [lo, hi];
}

/** Where a position lies in the frame's SVG space (x right, y down). */
export function project(frame: Frame, lon: number, lat: number): [number, number] {
  return [(lon - frame.west) * frame.shrink * frame.scale, (frame.north - lat) * frame.scale];
}

export const inFrame = (frame: Frame, lon: number, lat: number) =>
  lon >= frame.west && lon <= frame.east && lat >= frame.south && lat <= frame.north;

/** A coordinate rounded to a tenth of an SVG unit (a tenth of a pixel on a 1000 px map). */
const r1 = (v: number) => Math.round(v * 10) / 10;

/** One line or ring as path commands, points that round to the same as the last left out. */
function linePath(frame: Frame, line: Position[], close: boolean): string {
  let out = '';
  let last = '';
  for (const position of line) {
    const [x, y] = project(frame, position[0]!, position[1]!);
    const point = `${r1(x)} ${r1(y)}`;
    if (point === last) continue;
    out += (out ? ' ' : 'M') + point;
    last = point;
  }
  return out && close ? `${out}Z` : out;
}

/** A geometry's outline as one SVG path (polygons closed, holes kept: fill it `evenodd`). */
export function geometryPath(frame: Frame, geometry: Geometry): string {
  switch (geometry.type) {
    case 'Polygon':
      return geometry.coordinates.map((ring) => linePath(frame, ring, true)).join('');
    case 'MultiPolygon':
      return geometry.coordinates
        .flatMap((polygon) => polygon.map((ring) => linePath(frame, ring, true)))
        .join('');
    case 'LineString':
      return linePath(frame, geometry.coordinates, false);
    case 'MultiLineString':
      return geometry.coordinates.map((line) => linePath(frame, line, false)).join('');
    case 'GeometryCollection':
      return geometry.geometries.map((g) => geometryPath(frame, g)).join('');
    default:
      return '';
  }
}

/** A comment as the map needs it: where, and in which answer state. */
export interface MapDot {
  lon: number;
  lat: number;
  state: ReportState;
}

/** The dots of one answer state: one path of circles, and how many comments lie in the frame. */
export interface DotLayer {
  state: ReportState;
  /** Circles as one SVG path (a subpath each); '' when none lies in the frame. */
  d: string;
  inFrame: number;
}

/**
 * Bottom to top: the not yet answered under the answered, and of the answers the final
 * ones (采纳, 部分采纳) on top, so where pins pile up the answered ones stay in sight.
 */
export const DRAW_ORDER: readonly ReportState[] = [
  'unanswered',
  'studying',
  'in_plan',
  'rejected',
  'partly',
  'adopted',
];

/**
 * The comments as one path per answer state (`DRAW_ORDER`), each a circle of radius
 * `radius` per distinct position: O(n), a handful of DOM nodes for 20,000 comments.
 * Two comments of the same state at the same rounded spot draw one circle.
 */
export function dotLayers(frame: Frame, dots: Iterable<MapDot>, radius: number): DotLayer[] {
  const circle = `a${radius} ${radius} 0 1 0 ${2 * radius} 0a${radius} ${radius} 0 1 0 ${-2 * radius} 0`;
  const layers = new Map(
    DRAW_ORDER.map((state) => [
      state,
      { state, parts: [] as string[], seen: new Set<string>(), inFrame: 0 },
    ]),
  );
  for (const { lon, lat, state } of dots) {
    if (!inFrame(frame, lon, lat)) continue;
    const layer = layers.get(state)!;
    layer.inFrame++;
    const [x, y] = project(frame, lon, lat);
    const at = `${r1(x - radius)} ${r1(y)}`;
    if (layer.seen.has(at)) continue;
    layer.seen.add(at);
    layer.parts.push(`M${at}${circle}`);
  }
  return [...layers.values()].map(({ state, parts, inFrame }) => ({
    state,
    d: parts.join(''),
    inFrame,
  }));
}

/** How many comments are in each answer state (every state present, zero or more). */
export function countByState(dots: Iterable<MapDot>): Record<ReportState, number> {
  const counts = Object.fromEntries(DRAW_ORDER.map((state) => [state, 0])) as Record<
    ReportState,
    number
  >;
  for (const { state } of dots) counts[state]++;
  return counts;
}

/** A scale bar: a round distance (1, 2 or 5 × 10ⁿ km) and its length as a share of the frame's width. */
export function scaleBar(frame: Frame, atMost = 0.25): { km: number; share: number } {
  const widthKm = (frame.east - frame.west) * frame.shrink * KM_PER_DEGREE;
  const limit = widthKm * atMost;
  const power = 10 ** Math.floor(Math.log10(limit));
  const km = [5, 2, 1].map((m) => m * power).find((candidate) => candidate <= limit) ?? power;
  return { km, share: km / widthKm };
}

/**
 * Where to write a polygon's name, as shares of the frame's width and height: the
 * area-weighted centroid of its largest ring (the zones are compact, so it lies inside).
 */
export function labelPoint(frame: Frame, geometry: Geometry): [number, number] | null {
  const rings =
    geometry.type === 'Polygon'
      ? [geometry.coordinates[0]!]
      : geometry.type === 'MultiPolygon'
        ? geometry.coordinates.map((polygon) => polygon[0]!)
        : [];
  let best: { area: number; x: number; y: number } | null = null;
  for (const ring of rings) {
    const points = ring.map((p) => project(frame, p[0]!, p[1]!));
    let area = 0;
    let cx = 0;
    let cy = 0;
    for (let i = 0; i < points.length - 1; i++) {
      const [x0, y0] = points[i]!;
      const [x1, y1] = points[i + 1]!;
      const cross = x0 * y1 - x1 * y0;
      area += cross;
      cx += (x0 + x1) * cross;
      cy += (y0 + y1) * cross;
    }
    if (area === 0) continue;
    const centroid = { area: Math.abs(area / 2), x: cx / (3 * area), y: cy / (3 * area) };
    if (!best || centroid.area > best.area) best = centroid;
  }
  return best ? [best.x / frame.width, best.y / frame.height] : null;
}

/** The W, S, E, N of a geometry (Turf's bbox, as the geo module measures). */
export function boundsOf(geometry: Geometry): Bounds {
  const [w, s, e, n] = bbox(geometry);
  return [w, s, e, n];
}
