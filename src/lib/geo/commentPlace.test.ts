import type { Feature, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { commentPlace, NEAR_KM, placingPlan, type PlacingPlan } from './commentPlace';
import { distanceKm } from './distance';
import type { PlanLikeFeature } from './input';
import { HAS_PLAN_FEATURES, realPlanFeatures } from './test/real';
import type { ZoneFeature } from './zones';

/** Where a comment falls: the zone edges, the 2 km boundary, the chapters. */

/** The spherical radius distance.ts measures with: one degree of latitude is this × π / 180 km. */
const KM_PER_DEGREE_LAT = distanceKm([121, 28], [121, 29]);

const square = (id: string, [w, s, e, n]: number[]): ZoneFeature =>
  ({
    type: 'Feature',
    properties: { id },
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [w, s],
          [e, s],
          [e, n],
          [w, n],
          [w, s],
        ],
      ],
    },
  }) as Feature<Polygon, { id: string }>;

const place = (id: string, at: number[], sections: string[]): PlanLikeFeature =>
  ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: at },
    properties: { id, layer: 'platforms', sections },
  }) as PlanLikeFeature;

// Two zones sharing the edge lon = 121.2; a place at (121.5, 28.8).
const plan: PlacingPlan = {
  zones: [
    square('zone-west', [121.0, 28.6, 121.2, 29.0]),
    square('zone-east', [121.2, 28.6, 121.6, 29.0]),
  ],
  places: [place('port', [121.5, 28.8], ['6.1', '6.2']), place('far', [121.0, 28.0], ['9.1'])],
};

describe('commentPlace: zones', () => {
  it('puts a pin on the side of the edge it lies on, and none outside every zone', () => {
    expect(commentPlace([121.19999, 28.8], undefined, plan).zone).toBe('zone-west');
    expect(commentPlace([121.20001, 28.8], undefined, plan).zone).toBe('zone-east');
    expect(commentPlace([121.59999, 28.99999], undefined, plan).zone).toBe('zone-east');
    expect(commentPlace([121.60001, 28.8], undefined, plan).zone).toBeNull();
    expect(commentPlace([121.3, 29.00001], undefined, plan).zone).toBeNull();
  });

  it('counts a pin exactly on a shared edge in one zone, the first listed', () => {
    expect(commentPlace([121.2, 28.8], undefined, plan).zone).toBe('zone-west');
    expect(commentPlace([121.6, 28.8], undefined, plan).zone).toBe('zone-east');
  });
});

describe('commentPlace: the nearest place within 2 km', () => {
  // Due north of the place, so the distance is the latitude difference on the sphere.
  const north = (km: number) => [121.5, 28.8 + km / KM_PER_DEGREE_LAT];

  it('takes a place 10 cm inside 2 km, not 10 cm beyond', () => {
    const inside = commentPlace(north(NEAR_KM - 0.0001), undefined, plan);
    expect(inside.place?.id).toBe('port');
    expect(inside.place?.km).toBeCloseTo(1.9999, 6);
    const outside = commentPlace(north(NEAR_KM + 0.0001), undefined, plan);
    expect(outside.place).toBeNull();
    expect(outside.chapters).toEqual([]);
  });

  it('gives the chapters of the nearest place, or the section the comment links to', () => {
    expect(commentPlace(north(0.5), undefined, plan).chapters).toEqual(['6.1', '6.2']);
    expect(commentPlace(north(0.5), '7.3', plan).chapters).toEqual(['7.3']);
    expect(commentPlace(north(5), '7.3', plan)).toEqual({
      zone: 'zone-east',
      place: null,
      chapters: ['7.3'],
    });
  });

  it('takes the nearer of two places', () => {
    const two: PlacingPlan = {
      zones: [],
      places: [place('a', [121.5, 28.8], ['1']), place('b', [121.51, 28.8], ['2'])],
    };
    expect(commentPlace([121.506, 28.8], undefined, two).place?.id).toBe('b');
    expect(commentPlace([121.504, 28.8], undefined, two).place?.id).toBe('a');
  });
});

describe.runIf(HAS_PLAN_FEATURES)('commentPlace on the shipped plan', () => {
  const real = placingPlan(realPlanFeatures());

  it('uses the three zones of 一带三区 and leaves areas out of the places', () => {
    expect(real.zones.map((z) => z.properties?.id).sort()).toEqual([
      'zone-central',
      'zone-east',
      'zone-west',
    ]);
    expect(real.places.some((f) => f.properties.id === 'central-city')).toBe(false);
  });

  it('places a pin at the 杜桥镇 seat in the eastern zone, at the town, with its chapters', () => {
    expect(commentPlace([121.49174, 28.76876], undefined, real)).toEqual({
      zone: 'zone-east',
      place: { id: 'town-duqiao', km: 0 },
      chapters: ['5.1', '5.3'],
    });
  });

  it('leaves a pin out at sea outside every zone and far from every place', () => {
    expect(commentPlace([122.5, 28.5], undefined, real)).toEqual({
      zone: null,
      place: null,
      chapters: [],
    });
  });

  it('finds the same nearest place as measuring every place, for pins all over the city', () => {
    // The bounding-box shortcut must never skip the nearest place: compare with the brute force
    // on a grid of pins, many of them within 2 km of a line or a point.
    let compared = 0;
    for (let lon = 120.85; lon <= 121.95; lon += 0.013) {
      for (let lat = 28.55; lat <= 29.05; lat += 0.011) {
        let best: { id: string; km: number } | null = null;
        for (const feature of real.places) {
          if (!feature.geometry) continue;
          const km = distanceKm([lon, lat], feature.geometry);
          if (km <= NEAR_KM && (!best || km < best.km)) best = { id: feature.properties.id, km };
        }
        expect(commentPlace([lon, lat], undefined, real).place).toEqual(best);
        if (best) compared++;
      }
    }
    expect(compared).toBeGreaterThan(100);
  });
});
