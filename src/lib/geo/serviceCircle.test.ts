import { area } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { GeoInputError } from './measure';
import { PLAN_SERVICE_CIRCLES, SPEED_KMH, planServiceCircle, serviceCircle } from './serviceCircle';

describe('serviceCircle', () => {
  it('radius = minutes / 60 × speed, for the plan circles at the stated speeds', () => {
    const radii = Object.fromEntries(
      PLAN_SERVICE_CIRCLES.map((c) => [c.id, planServiceCircle([121.13, 28.85], c.id).radiusKm]),
    );
    expect(radii).toEqual({
      'medical-20': (20 / 60) * SPEED_KMH.driving,
      'life-5': 0.375,
      'life-10': 0.75,
      'life-15': 1.125,
      'transport-30': 20,
    });
  });

  it('labels every circle plainly as a straight-line approximation', () => {
    for (const c of PLAN_SERVICE_CIRCLES) {
      const circle = planServiceCircle([121.13, 28.85], c.id);
      expect(circle.label).toContain(c.name);
      expect(circle.label).toContain('直线距离近似');
      expect(circle.labelEn).toContain('straight-line approximation');
    }
    expect(serviceCircle([121.13, 28.85], 20, 40).label).toBe(
      '20分钟 × 40 km/h ≈ 13.3 km 直线距离近似（无路网数据，非实际通行范围）',
    );
  });

  it('the polygon is a 64-chord circle of area ≈ π r² (within 0.5 %)', () => {
    const { polygon, radiusKm } = serviceCircle([121.13, 28.85], 30, 40);
    expect(polygon.geometry.coordinates[0]).toHaveLength(65);
    expect(area(polygon) / 1e6 / (Math.PI * radiusKm ** 2)).toBeGreaterThan(0.995);
    expect(polygon.properties).toEqual({ radiusKm: 20, minutes: 30, speedKmh: 40 });
  });

  it('throws GeoInputError for non-positive or non-finite time and speed, a non-point, an unknown id', () => {
    expect(() => serviceCircle([121, 28.8], 0, 40)).toThrow(/minutes must be a positive/);
    expect(() => serviceCircle([121, 28.8], 10, NaN)).toThrow(/speedKmh/);
    expect(() => serviceCircle([121, 28.8], -5, 40)).toThrow(GeoInputError);
    expect(() =>
      serviceCircle(
        {
          type: 'LineString',
          coordinates: [
            [0, 0],
            [1, 1],
          ],
        },
        10,
        4.5,
      ),
    ).toThrow(/expected a point/);
    expect(() => planServiceCircle([121, 28.8], 'life-60')).toThrow(/unknown circle/);
  });
});
