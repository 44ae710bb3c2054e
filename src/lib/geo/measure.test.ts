import type { MultiLineString, MultiPolygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { areaKm2, GeoInputError, lengthKm } from './measure';
import { oracleAreaKm2, oracleLengthKm, relPct } from './test/oracle';
import { realBoundary } from './test/real';

describe('areaKm2 / lengthKm against geographiclib (WGS-84)', () => {
  it('area of the real Linhai boundary (MultiPolygon, 20 parts) within 0.5 %', () => {
    const boundary = realBoundary();
    expect(boundary.geometry.type).toBe('MultiPolygon');
    expect(boundary.geometry.coordinates).toHaveLength(20);
    const turf = areaKm2(boundary);
    const oracle = oracleAreaKm2(boundary.geometry);
    expect(relPct(turf, oracle)).toBeLessThan(0.5);
    expect(oracle).toBeGreaterThan(2000); // 临海市 ≈ 2,200 km²
  });

  it('perimeter of the real boundary, as lines, within 0.5 %', () => {
    const { geometry } = realBoundary();
    const rings: MultiLineString = {
      type: 'MultiLineString',
      coordinates: (geometry as MultiPolygon).coordinates.flat(),
    };
    expect(relPct(lengthKm(rings), oracleLengthKm(rings))).toBeLessThan(0.5);
  });

  it.each([
    [
      'east–west',
      [
        [120.9, 28.85],
        [121.8, 28.85],
      ],
    ],
    [
      'north–south',
      [
        [121.2, 28.6],
        [121.2, 29.1],
      ],
    ],
    [
      'diagonal, several vertices',
      [
        [120.9, 28.9],
        [121.1, 28.84],
        [121.24, 28.88],
        [121.6, 28.75],
      ],
    ],
  ])('length of a %s line within 0.5 %', (_name, coordinates) => {
    const line = { type: 'LineString' as const, coordinates };
    expect(relPct(lengthKm(line), oracleLengthKm(line))).toBeLessThan(0.5);
  });
});

describe('areaKm2 / lengthKm edge cases', () => {
  const square = [
    [121, 28.8],
    [121.1, 28.8],
    [121.1, 28.9],
    [121, 28.9],
    [121, 28.8],
  ];
  const hole = [
    [121.02, 28.82],
    [121.02, 28.84],
    [121.04, 28.84],
    [121.04, 28.82],
    [121.02, 28.82],
  ];

  it('subtracts holes of a MultiPolygon', () => {
    const full = areaKm2({ type: 'Polygon', coordinates: [square] });
    const holeArea = areaKm2({ type: 'Polygon', coordinates: [hole] });
    const multi = { type: 'MultiPolygon' as const, coordinates: [[square, hole], [hole]] };
    expect(areaKm2(multi)).toBeCloseTo(full - holeArea + holeArea, 9);
    expect(areaKm2({ type: 'Polygon', coordinates: [square, hole] })).toBeCloseTo(
      full - holeArea,
      9,
    );
    expect(relPct(areaKm2(multi), oracleAreaKm2(multi))).toBeLessThan(0.5);
  });

  it('gives 0 for points, lines and empty geometries; 0 km for a zero-length line', () => {
    expect(areaKm2({ type: 'Point', coordinates: [121, 28.8] })).toBe(0);
    expect(areaKm2({ type: 'MultiPolygon', coordinates: [] })).toBe(0);
    expect(
      lengthKm({
        type: 'LineString',
        coordinates: [
          [121, 28.8],
          [121, 28.8],
        ],
      }),
    ).toBe(0);
    expect(lengthKm({ type: 'MultiLineString', coordinates: [] })).toBe(0);
    expect(lengthKm({ type: 'Polygon', coordinates: [square] })).toBe(0);
    expect(lengthKm({ type: 'Feature', geometry: null, properties: {} } as never)).toBe(0);
  });

  it('throws GeoInputError, never NaN, for invalid input', () => {
    expect(() => areaKm2(null as never)).toThrow(GeoInputError);
    expect(() => lengthKm('line' as never)).toThrow(/lengthKm: expected GeoJSON/);
    const nan = {
      type: 'LineString' as const,
      coordinates: [
        [121, NaN],
        [121.1, 28.8],
      ],
    };
    expect(() => lengthKm(nan)).toThrow(GeoInputError);
  });
});
