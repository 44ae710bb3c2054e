import { describe, expect, it } from 'vitest';
import type { Feature } from 'geojson';
import { distanceKm, nearestFeature, representativePoint } from './distance';
import { GeoInputError } from './measure';
import { byRole, expectFixture, fixtures, planFeatures } from './test/fixtures';
import { oracleDistanceKm, relPct } from './test/oracle';

describe('distanceKm fixtures', () => {
  for (const { name, input } of fixtures('distance-')) {
    it(name, () => {
      const from = byRole(input, 'from')[0]!;
      const targets = planFeatures<Feature>(input);
      const out = targets.map((f) => {
        try {
          return { id: f.properties?.id, km: distanceKm(from, f) };
        } catch (e) {
          return { id: f.properties?.id, error: (e as Error).message };
        }
      });
      const nearest = nearestFeature(
        from,
        targets,
        (f) => f.properties?.id !== 'polygon-containing',
      );
      expectFixture(`distance-${name}`, {
        distances: out,
        nearest: { id: nearest?.feature.properties?.id, km: nearest?.km },
      });
    });
  }
});

describe('distanceKm', () => {
  const station = [121.24, 28.88];
  const port = [121.6, 28.75];

  it('point to point agrees with geographiclib within 0.5 %', () => {
    const pairs = [
      [station, port],
      [
        [120.89379, 28.89697],
        [121.49174, 28.76876],
      ], // 白水洋 – 杜桥
      [
        [121.1, 28.6],
        [121.1, 29.1],
      ], // north–south, the sphere's worst direction
    ];
    for (const [a, b] of pairs) {
      expect(relPct(distanceKm(a!, b!), oracleDistanceKm(a!, b!))).toBeLessThan(0.5);
    }
  });

  it('is symmetric for mixed geometries', () => {
    const line = {
      type: 'LineString' as const,
      coordinates: [
        [121.0, 28.9],
        [121.2, 28.9],
      ],
    };
    const poly = {
      type: 'Polygon' as const,
      coordinates: [
        [
          [121.5, 28.7],
          [121.6, 28.7],
          [121.6, 28.8],
          [121.5, 28.8],
          [121.5, 28.7],
        ],
      ],
    };
    expect(distanceKm(line, poly)).toBeCloseTo(distanceKm(poly, line), 9);
    expect(distanceKm(station, poly)).toBeCloseTo(distanceKm(poly, station), 9);
  });

  it('is 0 for a point inside a polygon and for crossing lines', () => {
    const square = {
      type: 'Polygon' as const,
      coordinates: [
        [
          [121, 28.8],
          [121.3, 28.8],
          [121.3, 29],
          [121, 29],
          [121, 28.8],
        ],
      ],
    };
    expect(distanceKm(station, square)).toBe(0);
    const a = {
      type: 'LineString' as const,
      coordinates: [
        [121, 28.8],
        [121.2, 29],
      ],
    };
    const b = {
      type: 'LineString' as const,
      coordinates: [
        [121, 29],
        [121.2, 28.8],
      ],
    };
    expect(distanceKm(a, b)).toBe(0);
  });

  it('measures a zero-length line as its point', () => {
    const zero = { type: 'LineString' as const, coordinates: [port, port] };
    expect(distanceKm(station, zero)).toBeCloseTo(distanceKm(station, port), 9);
  });

  it('throws GeoInputError for empty, non-finite, out-of-range or collection input', () => {
    const bad: unknown[] = [
      { type: 'LineString', coordinates: [] },
      { type: 'Feature', geometry: null, properties: {} },
      [121, NaN],
      [28.8, 121], // lat/lon swapped: latitude 121 is out of range
      { type: 'FeatureCollection', features: [] },
      { type: 'Circle', coordinates: [121, 28] },
      null,
    ];
    for (const b of bad) expect(() => distanceKm(station, b as never)).toThrow(GeoInputError);
  });
});

describe('nearestFeature / representativePoint', () => {
  const features: Feature[] = [
    {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [121.5, 28.8] },
      properties: { id: 'far' },
    },
    {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [121.25, 28.88] },
      properties: { id: 'near' },
    },
    { type: 'Feature', geometry: null as never, properties: { id: 'none' } },
  ];

  it('finds the nearest, honours the filter, skips features without geometry', () => {
    expect(nearestFeature([121.24, 28.88], features)?.feature.properties?.id).toBe('near');
    expect(
      nearestFeature([121.24, 28.88], features, (f) => f.properties?.id !== 'near')?.feature
        .properties?.id,
    ).toBe('far');
    expect(nearestFeature([121.24, 28.88], [])).toBeNull();
    expect(nearestFeature([121.24, 28.88], { features: [features[2]!] })).toBeNull();
  });

  it('representativePoint: the point itself, the centroid of a convex polygon', () => {
    expect(representativePoint([121, 28])).toEqual([121, 28]);
    const sq = {
      type: 'Polygon' as const,
      coordinates: [
        [
          [0, 0],
          [2, 0],
          [2, 2],
          [0, 2],
          [0, 0],
        ],
      ],
    };
    expect(representativePoint(sq)).toEqual([1, 1]);
  });
});
