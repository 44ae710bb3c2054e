import { createExpression, featureFilter } from '@maplibre/maplibre-gl-style-spec';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { PlanFeatureCollection } from '../data/features';
import { LAYERS, type Layer } from '../data/layers';
import { isShown, planSourceData, type FeatureFilters } from './planData';
import { STACK_LAYERS, visibleStackCount } from './planLayers';
import { findStacks, stackByFeature } from './stacks';
import { buildStyle } from './style';
import { LIGHT } from './theme';

const fixture = JSON.parse(
  readFileSync(join(import.meta.dirname, 'fixtures/stacks.geojson'), 'utf8'),
) as PlanFeatureCollection;
const ALL: FeatureFilters = { statuses: [], horizon: null, zone: null };
const shown = (layers: readonly Layer[], filters = ALL) =>
  fixture.features.filter((f) => isShown(f, layers, filters));

describe('findStacks', () => {
  it('groups points on exactly one position, in the data order; a line through it and a near point stay apart', () => {
    expect(findStacks(fixture.features)).toEqual([
      {
        id: 'stack-121.65-28.78',
        coordinates: [121.65, 28.78],
        ids: ['park-a', 'node-b', 'park-c'],
      },
      { id: 'stack-121.77-28.7', coordinates: [121.77, 28.7], ids: ['port-e', 'wharf-f'] },
    ]);
  });

  it('counts only what is shown: the count follows layer toggles and filters', () => {
    expect(findStacks(shown(['platforms', 'logistics']))[0]!.ids).toHaveLength(3);
    expect(findStacks(shown(['platforms']))[0]!.ids).toEqual(['park-a', 'park-c']);
    // One place left at a position is no stack.
    expect(findStacks(shown(['logistics', 'port'])).map((s) => s.id)).toEqual([
      'stack-121.77-28.7',
    ]);
    expect(findStacks(shown(['platforms'], { ...ALL, horizon: 2035 }))).toEqual([]);
    expect(findStacks(shown([]))).toEqual([]);
  });

  it('maps each member to its stack', () => {
    const byId = stackByFeature(findStacks(fixture.features));
    expect(byId.get('node-b')?.ids).toHaveLength(3);
    expect(byId.get('near-d')).toBeUndefined();
  });
});

/** The map's style, evaluated as MapLibre would with `visibleLayers` switched on. */
function drawn(styleLayer: string, features: Feature[], visibleLayers: readonly Layer[]) {
  const spec = buildStyle(LIGHT, (f) => f).layers.find((l) => l.id === styleLayer)!;
  const filter = featureFilter('filter' in spec ? spec.filter : undefined, {
    visibleLayers: [...visibleLayers],
  });
  return features.filter((f) =>
    filter.filter({ zoom: 10 }, {
      type: f.geometry.type === 'Point' ? 1 : 2,
      properties: f.properties ?? {},
    } as never),
  );
}
function count(feature: Feature, visibleLayers: readonly Layer[]): number {
  const expression = createExpression(visibleStackCount, null, {
    visibleLayers: [...visibleLayers],
  });
  if (expression.result !== 'success') throw new Error(String(expression.value));
  return expression.value.evaluate({ zoom: 10 }, { properties: feature.properties } as never);
}

describe('stacks on the map (planSourceData + style)', () => {
  const data = planSourceData(fixture, 'zh', ALL).features;
  const ids = (fs: Feature[]) => fs.map((f) => f.properties?.id);

  it('draws one symbol per stack, with the count of the places of the visible layers', () => {
    const both: Layer[] = ['platforms', 'logistics'];
    const symbols = drawn(STACK_LAYERS.point, data, both);
    expect(ids(symbols)).toEqual(['stack-121.65-28.78']);
    expect(symbols[0]!.geometry).toEqual({ type: 'Point', coordinates: [121.65, 28.78] });
    expect(count(symbols[0]!, both)).toBe(3);
    expect(count(symbols[0]!, ['platforms'])).toBe(2);
    expect(count(symbols[0]!, LAYERS)).toBe(3);
  });

  it('hides the members’ own symbols while their stack is drawn, and shows them when it dissolves', () => {
    expect(ids(drawn('plan_platforms_point', data, ['platforms', 'logistics']))).toEqual([
      'near-d',
    ]);
    // Logistics off: two platforms still share the position, still a stack.
    expect(ids(drawn('plan_platforms_point', data, ['platforms']))).toEqual(['near-d']);
    // Platforms off: the one logistics node is alone, drawn as itself, and no stack is left.
    expect(ids(drawn('plan_logistics_point', data, ['logistics']))).toEqual(['node-b']);
    expect(ids(drawn(STACK_LAYERS.point, data, ['logistics']))).toEqual([]);
  });

  it('names a stack with its count in the map language', () => {
    const spec = buildStyle(LIGHT, (f) => f).layers.find((l) => l.id === STACK_LAYERS.label)!;
    const field = (spec as { layout: { 'text-field': unknown } }).layout['text-field'];
    const stack = data.find((f) => f.properties?.role === 'stack')!;
    const label = (lang: string) => {
      const e = createExpression(field, null, { visibleLayers: [...LAYERS], lang });
      if (e.result !== 'success') throw new Error(String(e.value));
      return String(e.value.evaluate({ zoom: 10 }, { properties: stack.properties } as never));
    };
    expect(label('zh')).toBe('3 处地点');
    expect(label('en')).toBe('3 places');
  });

  it('keeps one uncertainty halo per layer at a shared anchor, so hiding a layer keeps the others’', () => {
    const halos = data.filter((f) => f.properties?.halo === true);
    expect(ids(halos)).toEqual(['park-a', 'node-b', 'near-d', 'port-e']);
  });
});
