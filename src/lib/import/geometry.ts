import { kinks, rewind } from '@turf/turf';
import {
  GEOMETRY_TYPES,
  Geometry,
  GeometryType,
  POSITION_LEVELS as LEVELS,
  type Position,
} from '../data/geojson';
import { LIMITS } from './limits';
import { child, clip, describe, type Problems, type Warnings } from './report';
import { looksSwapped } from './swap';

/**
 * Geometry checks for one untrusted GeoJSON geometry. Decisions:
 * - Positions: longitude and latitude must be finite numbers in range; text such as
 *   "121.1" is refused (not coerced). An altitude is kept; a 4th+ value is dropped (warning).
 *   −0 becomes 0.
 * - Structure and ring closure are then checked by the shared zod `Geometry` schema.
 *   Unclosed rings are **refused**, not closed for the user.
 * - A segment jumping more than 180° of longitude crosses the antimeridian: **refused**
 *   (RFC 7946 §3.1.9 asks for such shapes to be split; near Linhai it means broken data).
 * - Rings are rewound per RFC 7946 (outer counter-clockwise, holes clockwise) with turf.
 * - Self-intersecting polygon rings (turf `kinks`) are a **warning**: they still draw, but
 *   areas and "within" answers may be off. The check is O(n²), so it runs under a budget
 *   of segment pairs; past it, the check is skipped with a warning.
 * - GeometryCollection is handled by the caller (exploded into features).
 */

const LEVEL_NAMES = [
  'a position [longitude, latitude]',
  'a list of positions',
  'a list of lists of positions',
  'a list of polygons',
];
const LEVEL_NAMES_ZH = ['一个坐标点 [经度, 纬度]', '坐标点列表', '坐标点列表的列表', '多边形列表'];

type Axis = 'longitude' | 'latitude' | 'altitude';
const AXIS_ZH: Record<Axis, string> = { longitude: '经度', latitude: '纬度', altitude: '高程' };

/** Chinese for the shared zod schema's messages (src/lib/data/geojson.ts). */
const ZOD_ZH: Record<string, string> = {
  'ring is not closed': '环没有闭合（首尾坐标不同）',
  'a ring needs at least 4 positions': '一个环至少需要 4 个坐标点',
  'a line needs at least 2 positions': '一条线至少需要 2 个坐标点',
  'a polygon needs an outer ring': '多边形需要一个外环',
};

export function isGeometryType(type: unknown): type is GeometryType {
  return GeometryType.safeParse(type).success;
}

/** Mutable budget shared by all geometries of one import. */
export interface GeometryContext {
  problems: Problems;
  warnings: Warnings;
  kinksBudget: number;
  vertices: number;
  /** Read every position as [latitude, longitude]: the user's answer to "look swapped". */
  swap: boolean;
  /** Positions read with two numbers, and where those that look swapped are (see `swap.ts`). */
  numericPositions: number;
  swappedAt: string[];
}

export function newGeometryContext(
  problems: Problems,
  warnings: Warnings,
  swap = false,
): GeometryContext {
  return {
    problems,
    warnings,
    kinksBudget: LIMITS.kinksBudget,
    vertices: 0,
    swap,
    numericPositions: 0,
    swappedAt: [],
  };
}

function checkNumber(
  value: unknown,
  where: string,
  what: Axis,
  ctx: GeometryContext,
): number | null {
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return value === 0 ? 0 : value;
    ctx.problems.add(where, `${what} is not a finite number`, `${AXIS_ZH[what]}不是有限数`);
    return null;
  }
  if (typeof value === 'string')
    ctx.problems.add(
      where,
      `${what} is ${describe(value)}, not a number (remove the quotes)`,
      `${AXIS_ZH[what]}是${describe(value, 'zh')}，不是数字（请去掉引号）`,
    );
  else
    ctx.problems.add(
      where,
      `${what} is ${describe(value)}, not a number`,
      `${AXIS_ZH[what]}是${describe(value, 'zh')}，不是数字`,
    );
  return null;
}

function checkPosition(value: unknown, where: string, ctx: GeometryContext): Position | null {
  if (!Array.isArray(value)) {
    ctx.problems.add(
      where,
      `expected ${LEVEL_NAMES[0]}, got ${describe(value)}`,
      `应为${LEVEL_NAMES_ZH[0]}，实际是${describe(value, 'zh')}`,
    );
    return null;
  }
  if (value.some((v) => Array.isArray(v))) {
    ctx.problems.add(
      where,
      `expected ${LEVEL_NAMES[0]}, got a list of lists; does the geometry type match the coordinates?`,
      `应为${LEVEL_NAMES_ZH[0]}，实际是列表的列表；几何类型与坐标是否对应？`,
    );
    return null;
  }
  if (value.length < 2) {
    ctx.problems.add(
      where,
      `a position needs longitude and latitude, got ${value.length} value(s)`,
      `坐标点需要经度和纬度，实际只有 ${value.length} 个值`,
    );
    return null;
  }
  const [first, second] = ctx.swap ? [value[1], value[0]] : [value[0], value[1]];
  const lon = checkNumber(first, where, 'longitude', ctx);
  const lat = checkNumber(second, where, 'latitude', ctx);
  if (lon === null || lat === null) return null;
  ctx.numericPositions++;
  // Judged once the whole file is read (one message for a swapped file, or one per position),
  // so not reported here as an out-of-range latitude.
  if (!ctx.swap && looksSwapped(lon, lat)) {
    ctx.swappedAt.push(where);
    return null;
  }
  const swapped = Math.abs(lon) <= 90 && Math.abs(lat) <= 180;
  if (lon < -180 || lon > 180) {
    ctx.problems.add(
      where,
      `longitude ${lon} is out of range (−180…180)`,
      `经度 ${lon} 超出范围（−180…180）`,
    );
    return null;
  }
  if (lat < -90 || lat > 90) {
    ctx.problems.add(
      where,
      `latitude ${lat} is out of range (−90…90)${swapped ? '; are longitude and latitude swapped?' : ''}`,
      `纬度 ${lat} 超出范围（−90…90）${swapped ? '；经度和纬度是否写反了？' : ''}`,
    );
    return null;
  }
  ctx.vertices++;
  if (value.length === 2) return [lon, lat];
  const alt = checkNumber(value[2], where, 'altitude', ctx);
  if (alt === null) return null;
  if (value.length > 3)
    ctx.warnings.add(
      'extra-dims',
      where,
      `values after the altitude were dropped (${value.length}D position)`,
      `高程之后的数值已舍弃（${value.length} 维坐标）`,
    );
  return [lon, lat, alt];
}

/** A clean copy of the coordinates, `levels` lists deep, or null after reporting. */
function checkCoordinates(
  value: unknown,
  levels: number,
  where: string,
  ctx: GeometryContext,
): unknown {
  if (levels === 0) return checkPosition(value, where, ctx);
  if (!Array.isArray(value)) {
    ctx.problems.add(
      where,
      `expected ${LEVEL_NAMES[levels]}, got ${describe(value)}`,
      `应为${LEVEL_NAMES_ZH[levels]}，实际是${describe(value, 'zh')}`,
    );
    return null;
  }
  const out: unknown[] = [];
  for (let i = 0; i < value.length; i++) {
    if (ctx.problems.full) return null;
    const item = checkCoordinates(value[i], levels - 1, `${where}[${i}]`, ctx);
    if (item === null) return null;
    out.push(item);
  }
  return out;
}

function zodPath(path: PropertyKey[]): string {
  return path.map((k) => (typeof k === 'number' ? `[${k}]` : `.${String(k)}`)).join('');
}

/** Lines (or rings) of a geometry, each with its path. */
function linesOf(g: Geometry, where: string): { line: Position[]; where: string }[] {
  switch (g.type) {
    case 'Point':
    case 'MultiPoint':
      return [];
    case 'LineString':
      return [{ line: g.coordinates, where: child(where, 'coordinates') }];
    case 'MultiLineString':
    case 'Polygon':
      return g.coordinates.map((line, i) => ({
        line,
        where: `${child(where, 'coordinates')}[${i}]`,
      }));
    case 'MultiPolygon':
      return g.coordinates.flatMap((polygon, i) =>
        polygon.map((line, j) => ({ line, where: `${child(where, 'coordinates')}[${i}][${j}]` })),
      );
  }
}

function checkAntimeridian(g: Geometry, where: string, ctx: GeometryContext): boolean {
  for (const { line, where: at } of linesOf(g, where)) {
    for (let i = 1; i < line.length; i++) {
      const a = line[i - 1]![0];
      const b = line[i]![0];
      if (Math.abs(b - a) > 180) {
        ctx.problems.add(
          `${at}[${i}]`,
          `the shape crosses the antimeridian (longitude jumps from ${a} to ${b}); split it at 180° (RFC 7946 §3.1.9)`,
          `图形跨越了 180° 经线（经度从 ${a} 跳到 ${b}）；请在 180° 处拆开（RFC 7946 §3.1.9）`,
        );
        return false;
      }
    }
  }
  return true;
}

function checkKinks(g: Geometry, where: string, ctx: GeometryContext): void {
  if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') return;
  const segments = linesOf(g, where).reduce((n, { line }) => n + line.length - 1, 0);
  const cost = segments * segments;
  if (cost > ctx.kinksBudget) {
    ctx.warnings.add(
      'kinks-skipped',
      where,
      'the polygons are too large to check for self-intersections; the check was skipped',
      '多边形太大，未检查边界自相交',
    );
    return;
  }
  ctx.kinksBudget -= cost;
  const found = kinks(g).features[0];
  if (found) {
    const [x, y] = found.geometry.coordinates;
    ctx.warnings.add(
      'kinks',
      where,
      `the polygon's outline crosses itself near ${x!.toFixed(5)}, ${y!.toFixed(5)}; areas and "within" results may be wrong`,
      `多边形边界在 ${x!.toFixed(5)}, ${y!.toFixed(5)} 附近自相交；面积和“范围内”结果可能不准`,
    );
  }
}

/**
 * Validate one geometry object (not GeometryCollection, not null) and return a clean,
 * rewound copy, or null after adding problems. `where` is its JSON path.
 */
export function checkGeometry(
  raw: Record<string, unknown>,
  where: string,
  ctx: GeometryContext,
): Geometry | null {
  const type = raw.type;
  if (!isGeometryType(type)) {
    ctx.problems.add(
      child(where, 'type'),
      typeof type === 'string'
        ? `unknown geometry type "${clip(type, 40)}" (expected one of ${GEOMETRY_TYPES.join(', ')}; names are case-sensitive)`
        : `a geometry needs a "type", got ${describe(type)}`,
      typeof type === 'string'
        ? `未知的几何类型“${clip(type, 40)}”（应为 ${GEOMETRY_TYPES.join('、')} 之一；区分大小写）`
        : `几何对象需要“type”，实际是${describe(type, 'zh')}`,
    );
    return null;
  }
  if (!('coordinates' in raw)) {
    ctx.problems.add(where, `the ${type} has no "coordinates"`, `该 ${type} 没有“coordinates”`);
    return null;
  }
  const coordinates = checkCoordinates(
    raw.coordinates,
    LEVELS[type],
    child(where, 'coordinates'),
    ctx,
  );
  if (coordinates === null) return null;
  const parsed = Geometry.safeParse({ type, coordinates });
  if (!parsed.success) {
    for (const issue of parsed.error.issues.slice(0, 3))
      ctx.problems.add(
        `${where}${zodPath(issue.path)}`.replace(/^\./, ''),
        issue.message,
        ZOD_ZH[issue.message] ?? issue.message,
      );
    return null;
  }
  const geometry = parsed.data;
  if (!checkAntimeridian(geometry, where, ctx)) return null;
  checkKinks(geometry, where, ctx);
  if (geometry.type === 'Polygon' || geometry.type === 'MultiPolygon')
    rewind(geometry, { mutate: true });
  return geometry;
}
