import { booleanPointInPolygon, booleanWithin, length, lineSplit, midpoint } from '@turf/turf';
import type { Feature, LineString, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { clipLine, containsPoint, lengthInsideKm, prepareArea } from './clip';
import { GeoInputError, lengthKm } from './measure';
import { byRole, expectFixture, fixtures, planFeatures } from './test/fixtures';
import { realBoundary } from './test/real';
import type { PlanLikeFeature } from './input';

const isLine = (f: PlanLikeFeature) =>
  f.geometry?.type === 'LineString' || f.geometry?.type === 'MultiLineString';

describe('clipLine fixtures', () => {
  for (const { name, input } of fixtures('city-')) {
    it(name, () => {
      const areas = [...byRole(input, 'boundary'), ...byRole(input, 'zone')];
      const out = planFeatures<PlanLikeFeature>(input)
        .filter(isLine)
        .map((line) => ({
          id: line.properties.id,
          kmDrawn: lengthKm(line.geometry!),
          inside: areas.map((area) => {
            const clipped = clipLine(prepareArea(area as Feature<Polygon>), line.geometry);
            return {
              area: (area.properties?.id as string | undefined) ?? 'boundary',
              km: lengthKm(clipped),
              pieces: clipped.coordinates,
            };
          }),
        }));
      expectFixture(`clip-${name}`, out);
    });
  }
});

/** Turf's own way: split at the polygon outline, keep pieces whose midpoint is inside. */
function turfInsideKm(area: Feature<Polygon | MultiPolygon>, line: Feature<LineString>): number {
  const pieces = lineSplit(line, area).features;
  const parts = pieces.length ? pieces : [line];
  let km = 0;
  for (const piece of parts) {
    const c = piece.geometry.coordinates;
    const mid = midpoint(c[0]!, c[1]!);
    if (booleanPointInPolygon(mid, area)) km += length(piece, { units: 'kilometers' });
  }
  return km;
}

describe('clipLine', () => {
  const [input] = fixtures('city-mini').map((f) => f.input);
  const boundary = byRole(input!, 'boundary')[0] as Feature<MultiPolygon>;
  const city = prepareArea(boundary);

  it('agrees with Turf lineSplit + booleanPointInPolygon (relative 1e-9)', () => {
    for (const line of planFeatures<PlanLikeFeature>(input!)) {
      if (line.geometry?.type !== 'LineString') continue;
      if (lengthKm(line.geometry) === 0) continue;
      const ours = lengthInsideKm(city, line.geometry);
      const turf = turfInsideKm(boundary, line as Feature<LineString>);
      expect(ours, line.properties.id).toBeCloseTo(turf, 6);
    }
  });

  it('keeps a line wholly inside unchanged and drops one wholly outside', () => {
    const inside = {
      type: 'LineString' as const,
      coordinates: [
        [121.05, 28.75],
        [121.15, 28.9],
      ],
    };
    expect(clipLine(city, inside).coordinates).toEqual([inside.coordinates]);
    expect(booleanWithin(inside, boundary)).toBe(true);
    const outside = [
      [121.62, 28.75],
      [121.68, 28.9],
    ];
    expect(clipLine(city, outside).coordinates).toEqual([]);
  });

  it('skips a hole (MultiPolygon with holes) and picks up an island part', () => {
    const acrossLake = [
      [121.2, 28.815],
      [121.35, 28.815],
    ];
    const km = lengthInsideKm(city, acrossLake);
    const full = lengthKm({ type: 'LineString', coordinates: acrossLake });
    const lake = lengthKm({
      type: 'LineString',
      coordinates: [
        [121.25, 28.815],
        [121.3, 28.815],
      ],
    });
    // pieces are great-circle chords between cut points: equal to the millimetre
    expect(km).toBeCloseTo(full - lake, 5);
    const toIsland = [
      [121.55, 28.715],
      [121.74, 28.715],
    ];
    expect(clipLine(city, toIsland).coordinates).toHaveLength(2);
  });

  it('zero-length and empty lines give 0 km; null geometry gives no pieces', () => {
    expect(
      lengthInsideKm(city, [
        [121.1, 28.8],
        [121.1, 28.8],
      ]),
    ).toBe(0);
    expect(lengthInsideKm(city, { type: 'MultiLineString', coordinates: [] })).toBe(0);
    expect(clipLine(city, null).coordinates).toEqual([]);
  });

  it('throws GeoInputError for a non-line or a non-area', () => {
    expect(() => clipLine(city, { type: 'Point', coordinates: [121, 28.8] } as never)).toThrow(
      /clipLine: expected a LineString/,
    );
    expect(() => prepareArea({ type: 'LineString', coordinates: [] } as never)).toThrow(
      GeoInputError,
    );
    const open = {
      type: 'Polygon' as const,
      coordinates: [
        [
          [121, 28],
          [122, 28],
          [122, 29],
          [121, 29],
        ],
      ],
    };
    expect(() => prepareArea(open)).toThrow(/closed/);
  });

  it('containsPoint matches Turf booleanPointInPolygon on the real boundary (2,500 points)', () => {
    const real = realBoundary();
    const prepared = prepareArea(real);
    let n = 0;
    for (let i = 0; i < 50; i++) {
      for (let j = 0; j < 50; j++) {
        // a grid offset by irrational steps, so no point sits exactly on an edge
        const p = [120.75 + i * 0.01797 + 1e-7 * Math.SQRT2, 28.45 + j * 0.01193 + 1e-7 * Math.PI];
        expect(containsPoint(prepared, p)).toBe(booleanPointInPolygon(p, real));
        n++;
      }
    }
    expect(n).toBe(2500);
  });
});
