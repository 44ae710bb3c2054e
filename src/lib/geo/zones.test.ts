import { describe, expect, it } from 'vitest';
import { GeoInputError, areaKm2 } from './measure';
import { pointInZone, zoneStatistics, type ZoneFeature } from './zones';
import { byRole, expectFixture, fixtures, planFeatures } from './test/fixtures';
import type { PlanLikeFeature } from './input';

describe('zoneStatistics / pointInZone fixtures', () => {
  for (const { name, input } of fixtures('city-')) {
    it(name, () => {
      const zones = byRole(input, 'zone') as ZoneFeature[];
      const boundary = byRole(input, 'boundary')[0] as ZoneFeature;
      const features = planFeatures<PlanLikeFeature>(input);
      const points = features.filter((f) => f.geometry?.type === 'Point');
      expectFixture(`zones-${name}`, {
        statistics: zoneStatistics(zones, features, boundary),
        pointInZone: Object.fromEntries(
          points.map((f) => [f.properties.id, pointInZone(f as never, zones)]),
        ),
      });
    });
  }
});

describe('zoneStatistics', () => {
  const input = fixtures('city-mini')[0]!.input;
  const zones = byRole(input, 'zone') as ZoneFeature[];
  const boundary = byRole(input, 'boundary')[0] as ZoneFeature;
  const features = planFeatures<PlanLikeFeature>(input);
  const stats = zoneStatistics(zones, features, boundary);

  it('zones that tile the city: shares sum to 100 % and corridor km to the city total', () => {
    expect(stats.reduce((s, z) => s + z.sharePct, 0)).toBeCloseTo(100, 6);
    expect(stats.reduce((s, z) => s + z.areaKm2, 0)).toBeCloseTo(areaKm2(boundary), 6);
  });

  it('a point in a hole is in no zone; one outside the city neither', () => {
    expect(pointInZone([121.27, 28.815], zones)).toBeNull();
    expect(pointInZone([121.65, 28.9], zones)).toBeNull();
    expect(pointInZone([121.72, 28.71], zones)).toBe('zone-east'); // island part
  });

  it('counts each platform / logistics feature at most once; skips missing geometry', () => {
    const platforms = stats.reduce((s, z) => s + z.platforms, 0);
    const logistics = stats.reduce((s, z) => s + z.logistics, 0);
    expect(platforms).toBe(3); // 5 platforms: one in the lake, one outside the city
    expect(logistics).toBe(2); // 3 logistics: one without geometry
  });

  it('throws GeoInputError for a zone without id, a non-polygon zone, a non-point query', () => {
    const noId = { ...zones[0]!, properties: {} } as ZoneFeature;
    expect(() => zoneStatistics([noId], features, boundary)).toThrow(/properties.id/);
    const line = {
      type: 'Feature',
      geometry: {
        type: 'LineString',
        coordinates: [
          [0, 0],
          [1, 1],
        ],
      },
      properties: { id: 'z' },
    };
    expect(() => zoneStatistics([line as never], features, boundary)).toThrow(GeoInputError);
    expect(() =>
      pointInZone(
        {
          type: 'LineString',
          coordinates: [
            [0, 0],
            [1, 1],
          ],
        },
        zones,
      ),
    ).toThrow(/expected a point/);
    expect(() =>
      zoneStatistics(zones, features, { type: 'MultiPolygon', coordinates: [] }),
    ).toThrow(GeoInputError);
  });
});
