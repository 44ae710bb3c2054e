import { describe, expect, it } from 'vitest';
import { pinPoint } from './pinPoint';

describe('pinPoint', () => {
  it('pins a point on itself and a multipoint on its first point', () => {
    expect(pinPoint({ type: 'Point', coordinates: [121.4, 28.7] })).toEqual([121.4, 28.7]);
    expect(
      pinPoint({
        type: 'MultiPoint',
        coordinates: [
          [121, 28],
          [122, 29],
        ],
      }),
    ).toEqual([121, 28]);
  });

  it('pins a line on its middle vertex, which lies on the line', () => {
    const line = {
      type: 'LineString' as const,
      coordinates: [
        [121, 28],
        [121.1, 28.1],
        [121.2, 28.2],
        [121.3, 28.3],
      ],
    };
    expect(pinPoint(line)).toEqual([121.1, 28.1]);
    expect(pinPoint({ type: 'MultiLineString', coordinates: [line.coordinates] })).toEqual([
      121.1, 28.1,
    ]);
  });

  it('pins an area on its label point, or a vertex of its outer ring without one', () => {
    const ring = [
      [121, 28],
      [121.2, 28],
      [121.2, 28.2],
      [121, 28.2],
      [121, 28],
    ];
    expect(pinPoint({ type: 'Polygon', coordinates: [ring] }, [121.1, 28.1])).toEqual([
      121.1, 28.1,
    ]);
    expect(pinPoint({ type: 'Polygon', coordinates: [ring] })).toEqual([121.2, 28.2]);
    expect(pinPoint({ type: 'MultiPolygon', coordinates: [[ring]] })).toEqual([121.2, 28.2]);
  });

  it('gives null for no geometry or an empty one', () => {
    expect(pinPoint(null)).toBeNull();
    expect(pinPoint({ type: 'LineString', coordinates: [] })).toBeNull();
    expect(pinPoint({ type: 'GeometryCollection', geometries: [] })).toBeNull();
  });
});
