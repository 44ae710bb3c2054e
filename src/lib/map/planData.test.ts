import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PlanFeatureCollection } from '../data/features';
import { horizonFilter, passesFilters, planSourceData, targetYearCounts } from './planData';

const fixture = JSON.parse(
  readFileSync(join(import.meta.dirname, 'fixtures/features.geojson'), 'utf8'),
) as PlanFeatureCollection;
const ALL = { statuses: [], horizon: null, zone: null };

describe('planSourceData', () => {
  it('labels in the UI language with ASCII parentheses', () => {
    const zh = planSourceData(fixture, 'zh', ALL);
    const en = planSourceData(fixture, 'en', ALL);
    expect(zh.features.find((f) => f.properties?.id === 'toumen-port')?.properties?.label).toBe(
      '头门港(港区)',
    );
    expect(en.features.find((f) => f.properties?.id === 'toumen-port')?.properties?.label).toBe(
      'Toumen Port',
    );
  });

  it('names an area once, at its label point, with a point only the label layer draws', () => {
    const data = planSourceData(fixture, 'zh', ALL);
    const anchors = data.features.filter((f) => f.properties?.role === 'label');
    expect(anchors).toHaveLength(1);
    expect(anchors[0]!.geometry).toEqual({ type: 'Point', coordinates: [121.5, 28.8] });
  });

  it('draws one uncertainty halo for places that share an estimated anchor', () => {
    const data = planSourceData(fixture, 'zh', ALL);
    const halos = data.features.filter((f) => f.properties?.halo === true);
    expect(halos.map((f) => f.properties?.id)).toEqual(['toumen-port']);
  });

  it('filters by status, horizon and zone (lines by the zones they cross)', () => {
    const ids = (filters: Parameters<typeof planSourceData>[2]) =>
      planSourceData(fixture, 'zh', filters)
        .features.filter((f) => f.properties?.role !== 'label')
        .map((f) => f.properties?.id);
    expect(ids({ ...ALL, statuses: ['existing'] })).toEqual(['jintai-rail']);
    expect(ids({ ...ALL, horizon: 2035 })).toEqual(['toumen-wharf']);
    expect(ids({ ...ALL, horizon: 2025 })).toEqual([]);
    expect(ids({ ...ALL, horizon: 'unspecified' })).toEqual([
      'zone-east',
      'toumen-port',
      'jintai-rail',
    ]);
    expect(ids({ ...ALL, zone: 'zone-west' })).toEqual(['zone-east', 'jintai-rail']);
    expect(passesFilters(fixture.features[1]!.properties, { ...ALL, zone: 'zone-east' })).toBe(
      true,
    );
  });
});

describe('targetYearCounts', () => {
  const everyLayer = ['zones', 'port', 'rail'];
  it('counts what each target year would show, 未注明 included', () => {
    expect(targetYearCounts(fixture, everyLayer, ALL)).toEqual({
      all: 4,
      '2025': 0,
      '2035': 1,
      unspecified: 3,
    });
  });

  it('counts only visible layers under the other filters, whatever year is chosen', () => {
    const filters = { ...ALL, statuses: ['planned' as const], horizon: 2025 as const };
    expect(targetYearCounts(fixture, ['port', 'rail'], filters)).toEqual({
      all: 1,
      '2025': 0,
      '2035': 1,
      unspecified: 0,
    });
  });

  it('maps the select values to filters', () => {
    expect(['', '2025', '2035', 'unspecified'].map((v) => horizonFilter(v as ''))).toEqual([
      null,
      2025,
      2035,
      'unspecified',
    ]);
  });
});
