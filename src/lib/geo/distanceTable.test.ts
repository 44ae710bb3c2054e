import { describe, expect, it } from 'vitest';
import { KEY_PLACES, distanceTable, resolveKeyPlaces } from './distanceTable';
import { GeoInputError } from './measure';
import { expectFixture, fixtures, planFeatures } from './test/fixtures';
import { oracleDistanceKm, relPct } from './test/oracle';
import type { PlanLikeFeature } from './input';

describe('distanceTable fixtures', () => {
  for (const { name, input } of fixtures('city-')) {
    it(name, () => {
      const { places, missing } = resolveKeyPlaces(planFeatures<PlanLikeFeature>(input));
      expectFixture(`distanceTable-${name}`, {
        table: distanceTable(places),
        missing: missing.map((m) => m.key),
      });
    });
  }
});

describe('distanceTable', () => {
  const places = [
    { id: 'station', label: '临海站', geometry: [121.24, 28.88] },
    { id: 'port', label: '头门港站', geometry: [121.6, 28.75] },
    {
      id: 'centre',
      label: '中心城区',
      geometry: {
        type: 'Polygon' as const,
        coordinates: [
          [
            [121.1, 28.84],
            [121.16, 28.84],
            [121.16, 28.87],
            [121.1, 28.87],
            [121.1, 28.84],
          ],
        ],
      },
    },
  ];

  it('is symmetric with a zero diagonal; point pairs agree with geographiclib within 0.5 %', () => {
    const { km, ids } = distanceTable(places);
    expect(ids).toEqual(['station', 'port', 'centre']);
    for (let i = 0; i < 3; i++) {
      expect(km[i]![i]).toBe(0);
      for (let j = 0; j < 3; j++) expect(km[i]![j]).toBe(km[j]![i]);
    }
    expect(relPct(km[0]![1]!, oracleDistanceKm([121.24, 28.88], [121.6, 28.75]))).toBeLessThan(0.5);
    // an area is measured from its representative point, not its nearest edge
    expect(km[0]![2]).toBeCloseTo(oracleDistanceKm([121.24, 28.88], [121.13, 28.855]), 0);
  });

  it('an empty list gives an empty table; duplicate ids and empty geometries throw', () => {
    expect(distanceTable([])).toEqual({ ids: [], labels: [], km: [] });
    expect(() => distanceTable([places[0]!, places[0]!])).toThrow(/unique/);
    expect(() =>
      distanceTable([{ id: 'x', label: 'x', geometry: { type: 'MultiPoint', coordinates: [] } }]),
    ).toThrow(GeoInputError);
  });

  it('resolveKeyPlaces reports missing places instead of guessing', () => {
    const { places: found, missing } = resolveKeyPlaces([]);
    expect(found).toEqual([]);
    expect(missing).toEqual(KEY_PLACES);
  });
});
