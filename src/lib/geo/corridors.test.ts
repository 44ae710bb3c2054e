import { describe, expect, it } from 'vitest';
import { corridorClass, corridorLengths } from './corridors';
import { zoneStatistics, type ZoneFeature } from './zones';
import { byRole, expectFixture, fixtures, planFeatures } from './test/fixtures';
import type { PlanLikeFeature } from './input';

describe('corridorLengths fixtures', () => {
  for (const { name, input } of fixtures('city-')) {
    it(name, () => {
      const boundary = byRole(input, 'boundary')[0] as ZoneFeature;
      expectFixture(`corridors-${name}`, corridorLengths(planFeatures(input), boundary));
    });
  }
});

describe('corridorClass', () => {
  it.each([
    [{ layer: 'rail', name: '杭绍台铁路' }, 'rail'],
    [{ layer: 'expressways', group: '三纵' }, 'expressways'],
    [{ layer: 'roads', group: '五纵二横', name: '临海至温岭公路' }, 'roads'],
    [{ layer: 'roads', name: '351国道' }, 'roads'],
    [{ layer: 'roads', name: 'G228' }, 'roads'],
    [{ layer: 'roads', name: 'S225省道' }, 'roads'],
    [{ layer: 'roads', group: '一绕一横三纵', name: '临海大道' }, 'cityRoads'],
    [{ layer: 'roads', group: '快速通道', name: '临海至头门港快速通道' }, 'cityRoads'],
    [{ layer: 'port', name: '头门港' }, null],
  ])('%o → %s', (props, cls) => expect(corridorClass(props)).toBe(cls));
});

describe('corridorLengths', () => {
  const input = fixtures('city-mini')[0]!.input;
  const boundary = byRole(input, 'boundary')[0] as ZoneFeature;
  const zones = byRole(input, 'zone') as ZoneFeature[];
  const features = planFeatures<PlanLikeFeature>(input);

  // to the metre: cutting at zone edges adds vertices, and lon/lat-interpolated cut points put
  // the great-circle chords a few cm apart
  it('the zones that tile the city add up to the city total, class by class', () => {
    const city = corridorLengths(features, boundary);
    const stats = zoneStatistics(zones, features, boundary);
    const sum = (k: 'railKm' | 'expresswaysKm' | 'roadsKm' | 'cityRoadsKm') =>
      stats.reduce((s, z) => s + z[k], 0);
    expect(sum('railKm')).toBeCloseTo(city[0]!.km, 3);
    expect(sum('expresswaysKm')).toBeCloseTo(city[1]!.km, 3);
    expect(sum('roadsKm')).toBeCloseTo(city[2]!.km, 3);
    expect(sum('cityRoadsKm')).toBeCloseTo(city[3]!.km, 3);
  });

  it('points of a corridor layer and zero-length lines add nothing; no lines gives zeros', () => {
    const rail = corridorLengths(features, boundary)[0]!;
    expect(rail.features).toBe(2); // the station point of layer rail is not a line
    const zero = corridorLengths(
      [
        {
          type: 'Feature',
          geometry: {
            type: 'LineString',
            coordinates: [
              [121.1, 28.9],
              [121.1, 28.9],
            ],
          },
          properties: { id: 'z', layer: 'rail' },
        },
      ],
      boundary,
    );
    expect(zero[0]).toMatchObject({ km: 0, kmDrawn: 0, features: 1 });
    expect(corridorLengths([], boundary).map((c) => c.km)).toEqual([0, 0, 0, 0]);
  });
});
