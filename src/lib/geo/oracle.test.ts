import { describe, expect, it } from 'vitest';
import { clipLine, prepareArea } from './clip';
import { areaKm2, lengthKm } from './measure';
import { computeAllMetrics } from './metrics';
import { oracleAreaKm2, oracleLengthKm, relPct } from './test/oracle';
import { HAS_PLAN_FEATURES, realBoundary, realPlanFeatures, realZones } from './test/real';

/**
 * The geodesic oracle on the real data: every area and length the metrics use agrees with
 * geographiclib on the WGS-84 ellipsoid within 0.5 %. (Measured: areas +0.13 to +0.14 %; line
 * lengths −0.19 to +0.28 %; the sphere reads long north–south, short east–west at 28.8° N.)
 */
describe.skipIf(!HAS_PLAN_FEATURES)('oracle on the real plan features', () => {
  const boundary = realBoundary();
  const features = realPlanFeatures();
  const zones = realZones(features);
  const lines = features.filter(
    (f) => f.geometry?.type === 'LineString' || f.geometry?.type === 'MultiLineString',
  );
  const areas = features.filter(
    (f) => f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon',
  );

  it('has the three zones, and they tile the city (shares sum to 100 ± 0.5 %)', () => {
    expect(zones.map((z) => z.properties?.id)).toEqual(['zone-east', 'zone-central', 'zone-west']);
    const total = zones.reduce((s, z) => s + areaKm2(z), 0);
    expect(relPct(total, areaKm2(boundary))).toBeLessThan(0.5);
  });

  it('every area (zones, derived areas) within 0.5 % of geographiclib', () => {
    expect(areas.length).toBeGreaterThan(0);
    for (const f of areas)
      expect(
        relPct(areaKm2(f.geometry!), oracleAreaKm2(f.geometry!)),
        f.properties.id,
      ).toBeLessThan(0.5);
  });

  it('every line length within 0.5 % of geographiclib', () => {
    expect(lines.length).toBeGreaterThan(0);
    for (const f of lines) {
      const km = lengthKm(f.geometry!);
      if (km === 0) continue;
      expect(relPct(km, oracleLengthKm(f.geometry!)), f.properties.id).toBeLessThan(0.5);
    }
  });

  it('every clipped length (line × zone, line × city) within 0.5 % of geographiclib', () => {
    let n = 0;
    for (const area of [boundary, ...zones]) {
      const prepared = prepareArea(area);
      for (const f of lines) {
        const pieces = clipLine(prepared, f.geometry);
        const km = lengthKm(pieces);
        if (km < 1e-3) continue;
        expect(relPct(km, oracleLengthKm(pieces)), f.properties.id).toBeLessThan(0.5);
        n++;
      }
    }
    expect(n).toBeGreaterThan(lines.length);
  });

  it('the metrics object over the real data holds no NaN and no missing key place', () => {
    const metrics = computeAllMetrics(features, zones, boundary);
    JSON.stringify(metrics, (_k, v: unknown) => {
      if (typeof v === 'number') expect(Number.isFinite(v)).toBe(true);
      return v;
    });
    expect(metrics.distances.missing).toEqual([]);
    const shares = metrics.zones.reduce((s, z) => s + z.sharePct, 0);
    expect(Math.abs(shares - 100)).toBeLessThan(0.5);
    // zones tile the city, so their corridor km add up to the city's
    const railInZones = metrics.zones.reduce((s, z) => s + z.railKm, 0);
    expect(relPct(railInZones, metrics.corridors[0]!.km)).toBeLessThan(0.5);
  });
});
