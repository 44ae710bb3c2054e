import { area, booleanIntersects } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { GeoInputError } from './measure';
import { bufferGeometry, featuresWithin } from './within';
import { byRole, expectFixture, fixtures, planFeatures } from './test/fixtures';
import type { PlanLikeFeature } from './input';

describe('featuresWithin fixtures', () => {
  for (const { name, input } of fixtures('within-')) {
    it(name, () => {
      const query = byRole(input, 'query')[0]!;
      const km = query.properties!.km as number;
      const hits = featuresWithin(query, km, planFeatures<PlanLikeFeature>(input));
      expectFixture(`within-${name}`, {
        km,
        hits: hits.map((h) => ({ id: h.feature.properties.id, km: h.km })),
      });
    });
  }
});

describe('featuresWithin / bufferGeometry', () => {
  it('selection agrees with the drawn buffer, up to the chord gap at the rim', () => {
    for (const { input } of fixtures('within-')) {
      const query = byRole(input, 'query')[0]!;
      const km = query.properties!.km as number;
      if (km === 0) continue;
      const features = planFeatures<PlanLikeFeature>(input).filter((f) => f.geometry);
      const hits = new Set(featuresWithin(query, km, features).map((h) => h.feature.properties.id));
      const drawn = bufferGeometry(query, km);
      const rim = featuresWithin(query, km + 0.05, features);
      for (const f of features) {
        const touches = booleanIntersects(f, drawn);
        if (touches) expect(hits.has(f.properties.id), f.properties.id).toBe(true);
        else if (hits.has(f.properties.id)) {
          // listed but outside the polygon: only possible within the last chord gap
          expect(rim.find((h) => h.feature.properties.id === f.properties.id)!.km).toBeGreaterThan(
            km - 0.05,
          );
        }
      }
    }
  });

  it('a point buffer has 4 × steps chords and ≈ π r² (within 0.5 %)', () => {
    const b = bufferGeometry([121.24, 28.88], 10);
    expect(b.geometry.type).toBe('Polygon');
    expect((b.geometry.coordinates as number[][][])[0]).toHaveLength(65);
    const ratio = area(b) / 1e6 / (Math.PI * 100);
    expect(ratio).toBeGreaterThan(0.995 - 0.01); // 64 chords lose ≈ 0.16 %
    expect(ratio).toBeLessThan(1.005);
  });

  it('buffers lines and multipolygons with holes', () => {
    const line = bufferGeometry(
      {
        type: 'LineString',
        coordinates: [
          [121, 28.8],
          [121.1, 28.8],
        ],
      },
      1,
    );
    expect(area(line) / 1e6).toBeGreaterThan(19); // ≈ 2 × 9.76 + π
    const withHole = {
      type: 'Polygon' as const,
      coordinates: [
        [
          [121, 28.7],
          [121.2, 28.7],
          [121.2, 28.9],
          [121, 28.9],
          [121, 28.7],
        ],
        [
          [121.05, 28.75],
          [121.05, 28.85],
          [121.15, 28.85],
          [121.15, 28.75],
          [121.05, 28.75],
        ],
      ],
    };
    expect(bufferGeometry(withHole, 1).geometry.type).toMatch(/Polygon/);
  });

  it('0 km lists only what the query touches', () => {
    const hits = featuresWithin([121.3, 28.9], 0, [
      {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [121.3, 28.9] },
        properties: { id: 'here', layer: 'x' },
      },
      {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [121.3001, 28.9] },
        properties: { id: 'near', layer: 'x' },
      },
    ]);
    expect(hits.map((h) => h.feature.properties.id)).toEqual(['here']);
  });

  it('throws GeoInputError for bad km, steps or query', () => {
    expect(() => featuresWithin([121, 28.8], -1, [])).toThrow(GeoInputError);
    expect(() => featuresWithin([121, 28.8], NaN, [])).toThrow(/finite number/);
    expect(() => featuresWithin({ type: 'LineString', coordinates: [] }, 1, [])).toThrow(/empty/);
    expect(() => bufferGeometry([121, 28.8], 0)).toThrow(/above 0 km/);
    expect(() => bufferGeometry([121, 28.8], 1, 0)).toThrow(/steps/);
    expect(() => featuresWithin([121, 28.8], 1, 'x' as never)).toThrow(GeoInputError);
  });
});
