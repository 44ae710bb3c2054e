import { describe, expect, it } from 'vitest';
import { GeoInputError, areaKm2 } from './measure';
import { countInZones, pointInZone, zoneStatistics, type ZoneFeature } from './zones';
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

describe('countInZones', () => {
  const input = fixtures('city-mini')[0]!.input;
  const zones = byRole(input, 'zone') as ZoneFeature[];
  const point = (coordinates: number[]) => ({
    type: 'Feature' as const,
    properties: {},
    geometry: { type: 'Point' as const, coordinates },
  });

  it('counts each feature once, where pointInZone puts its point', () => {
    const places = [
      [121.72, 28.71], // east, island part
      [121.65, 28.9], // outside the city
      [121.27, 28.815], // in the lake (a hole)
      [121.72, 28.71],
    ];
    const out = countInZones(zones, places.map(point));
    const expected = new Map<string, number>();
    for (const p of places) {
      const id = pointInZone(p, zones);
      if (id) expected.set(id, (expected.get(id) ?? 0) + 1);
    }
    expect(out.zones.map((z) => z.id)).toEqual(zones.map((z) => z.properties!.id));
    for (const z of out.zones) expect(z.count).toBe(expected.get(z.id) ?? 0);
    expect(out.zones.find((z) => z.id === 'zone-east')!.count).toBe(2);
    expect(out.outside).toBe(2);
    expect(out.skipped).toBe(0);
  });

  it('counts lines and areas at their representative point; skips features without geometry', () => {
    const features = planFeatures<PlanLikeFeature>(input);
    const out = countInZones(zones, features);
    const withGeometry = features.filter((f) => f.geometry).length;
    expect(out.skipped).toBe(features.length - withGeometry);
    expect(out.zones.reduce((s, z) => s + z.count, 0) + out.outside).toBe(withGeometry);
  });

  it('throws GeoInputError for bad coordinates in a feature', () => {
    expect(() => countInZones(zones, [point([500, 28])])).toThrow(GeoInputError);
  });
});
