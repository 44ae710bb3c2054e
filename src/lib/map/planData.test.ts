import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PlanFeatureCollection } from '../data/features';
import { featureFilter } from '@maplibre/maplibre-gl-style-spec';
import {
  drawnUnder,
  horizonFilter,
  passesFilters,
  planSourceData,
  targetYearCounts,
} from './planData';
import { CHOSEN_ZONE_LAYER } from './planLayers';
import { buildStyle } from './style';
import { LIGHT } from './theme';

const fixture = JSON.parse(
  readFileSync(join(import.meta.dirname, 'fixtures/features.geojson'), 'utf8'),
) as PlanFeatureCollection;
const ALL = { statuses: [], horizon: null, zone: null };
/** The plan's frame in the fixture: a zone and a belt. */
const FRAME = new Set(['zone-east', 'belt-river']);

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

  it('filters projects by status, horizon and zone (lines by the zones they cross)', () => {
    const ids = (filters: Parameters<typeof planSourceData>[2]) =>
      planSourceData(fixture, 'zh', filters)
        .features.filter((f) => f.properties?.role !== 'label' && !FRAME.has(f.properties?.id))
        .map((f) => f.properties?.id);
    expect(ids({ ...ALL, statuses: ['existing'] })).toEqual(['jintai-rail']);
    expect(ids({ ...ALL, horizon: 2035 })).toEqual(['toumen-wharf']);
    expect(ids({ ...ALL, horizon: 2025 })).toEqual([]);
    expect(ids({ ...ALL, horizon: 'unspecified' })).toEqual(['toumen-port', 'jintai-rail']);
    expect(ids({ ...ALL, zone: 'zone-west' })).toEqual(['jintai-rail']);
    expect(passesFilters(fixture.features[1]!.properties, { ...ALL, zone: 'zone-east' })).toBe(
      true,
    );
  });

  it('keeps the frame the projects sit in (zones, belts) under every filter', () => {
    const frameOnMap = (filters: Parameters<typeof planSourceData>[2]) =>
      planSourceData(fixture, 'zh', filters)
        .features.filter((f) => f.properties?.role !== 'label' && FRAME.has(f.properties?.id))
        .map((f) => f.properties?.id);
    for (const filters of [
      { ...ALL, horizon: 2025 as const },
      { ...ALL, horizon: 2035 as const },
      { ...ALL, statuses: ['existing' as const] },
      { ...ALL, zone: 'zone-east' },
      { ...ALL, zone: 'zone-west', horizon: 2035 as const, statuses: ['planned' as const] },
    ]) {
      expect(frameOnMap(filters), JSON.stringify(filters)).toEqual(['zone-east', 'belt-river']);
      // The zone keeps its name on the map too.
      expect(
        planSourceData(fixture, 'zh', filters).features.some(
          (f) => f.properties?.role === 'label' && f.properties.id === 'zone-east',
        ),
      ).toBe(true);
    }
    // The frame is drawn, but a year or status does not select it: lists and counts leave it out.
    expect(passesFilters(fixture.features[0]!.properties, { ...ALL, horizon: 2025 })).toBe(false);
    expect(drawnUnder(fixture.features[0]!.properties, { ...ALL, horizon: 2025 })).toBe(true);
    expect(drawnUnder(fixture.features[2]!.properties, { ...ALL, horizon: 2025 })).toBe(false);
  });
});

describe('the chosen zone on the map', () => {
  const style = buildStyle(LIGHT, (f) => f);
  const zone = planSourceData(fixture, 'zh', ALL).features.find(
    (f) => f.properties?.id === 'zone-east' && f.properties.role !== 'label',
  )!;
  /** Whether MapLibre draws `feature` in the style layer `id` with the zone filter set to `chosen`. */
  const drawnIn = (id: string, chosen: string) => {
    const spec = style.layers.find((l) => l.id === id)!;
    const filter = featureFilter('filter' in spec ? spec.filter : undefined, {
      ...{ lang: 'zh', scale: 1, selected: '' },
      chosenZone: chosen,
    });
    return filter.filter({ zoom: 10 }, { type: 3, properties: zone.properties ?? {} } as never);
  };

  it('outlines the zone the 片区 filter chose, and no zone without one', () => {
    expect(drawnIn(CHOSEN_ZONE_LAYER, 'zone-east')).toBe(true);
    expect(drawnIn(CHOSEN_ZONE_LAYER, 'zone-west')).toBe(false);
    expect(drawnIn(CHOSEN_ZONE_LAYER, '')).toBe(false);
    // Drawn above the other zones' fills and edges.
    const ids = style.layers.map((l) => l.id);
    expect(ids.indexOf(CHOSEN_ZONE_LAYER)).toBeGreaterThan(ids.indexOf('plan_zones_area_edge'));
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
