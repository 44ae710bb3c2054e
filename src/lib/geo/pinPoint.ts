import type { Geometry, Position } from 'geojson';

/**
 * Where a comment about a plan feature is pinned: a point that lies on the feature, found
 * without Turf (the feature card is on the first load). A point is itself; a line, its middle
 * vertex; an area, its build-time `label_point` (on its largest part), else the middle vertex
 * of its outer ring.
 *
 * @returns a [lon, lat] position, or null for an empty geometry
 * @example
 * pinPoint({ type: 'LineString', coordinates: [[121, 28], [121.1, 28.1], [121.2, 28.2]] })
 * // [121.1, 28.1]
 */
export function pinPoint(
  geometry: Geometry | null,
  labelPoint?: readonly [number, number],
): Position | null {
  if (!geometry) return null;
  const middle = (list: Position[] | undefined) =>
    list?.length ? list[Math.floor((list.length - 1) / 2)]! : null;
  switch (geometry.type) {
    case 'Point':
      return geometry.coordinates;
    case 'MultiPoint':
      return geometry.coordinates[0] ?? null;
    case 'LineString':
      return middle(geometry.coordinates);
    case 'MultiLineString':
      return middle(geometry.coordinates[0]);
    case 'Polygon':
      return labelPoint ? [...labelPoint] : middle(geometry.coordinates[0]);
    case 'MultiPolygon':
      return labelPoint ? [...labelPoint] : middle(geometry.coordinates[0]?.[0]);
    default:
      return null;
  }
}
