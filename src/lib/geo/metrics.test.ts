import { describe, expect, it } from 'vitest';
import { computeAllMetrics, metricsToCsv } from './metrics';
import { byRole, expectFixture, fixtures, planFeatures } from './test/fixtures';
import type { ZoneFeature } from './zones';
import type { PlanLikeFeature } from './input';

describe('computeAllMetrics fixtures', () => {
  for (const { name, input } of fixtures('city-')) {
    it(name, () => {
      const metrics = computeAllMetrics(
        planFeatures<PlanLikeFeature>(input),
        byRole(input, 'zone') as ZoneFeature[],
        byRole(input, 'boundary')[0] as ZoneFeature,
      );
      expectFixture(`metrics-${name}`, metrics);
      expectFixture(`metrics-csv-${name}`, metricsToCsv(metrics).split('\r\n'));
    });
  }
});

describe('computeAllMetrics / metricsToCsv', () => {
  const input = fixtures('city-mini')[0]!.input;
  const metrics = computeAllMetrics(
    { features: planFeatures<PlanLikeFeature>(input) },
    { features: byRole(input, 'zone') as ZoneFeature[] },
    { type: 'FeatureCollection', features: byRole(input, 'boundary') as ZoneFeature[] },
  );

  it('is plain data: JSON round-trips it, and no number is NaN', () => {
    expect(JSON.parse(JSON.stringify(metrics))).toEqual(metrics);
    JSON.stringify(metrics, (_k, v: unknown) => {
      if (typeof v === 'number') expect(Number.isFinite(v)).toBe(true);
      return v;
    });
  });

  it('reports key places missing from the data', () => {
    expect(metrics.distances.missing).toEqual(['baishuiyang', 'linhai-edz', 'toumen-edz']);
    expect(metrics.distances.ids).toEqual([
      'toumen-port',
      'linhai-station',
      'city-centre',
      'duqiao',
    ]);
  });

  it('CSV: one header, six columns a row, quoted where needed, CRLF', () => {
    const csv = metricsToCsv({
      ...metrics,
      zones: [{ ...metrics.zones[0]!, name: 'a, "quoted" name' }],
    });
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('section,id,name,metric,value,unit');
    expect(lines.at(-1)).toBe('');
    expect(csv).toContain('"a, ""quoted"" name"');
    expect(lines[1]).toMatch(/^city,linhai,临海市,area,\d+(\.\d+)?,km2$/);
  });
});
