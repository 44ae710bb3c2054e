import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PlanFeatureCollection } from '../data/features';
import { noFilters } from './planData';
import { matchPlaces, rankPlaces } from './placeSearch';

const fixture = JSON.parse(
  readFileSync(join(import.meta.dirname, 'fixtures/features.geojson'), 'utf8'),
) as PlanFeatureCollection;
const features = fixture.features;
const layerName = (layer: string) => ({ port: '头门港与码头', rail: '铁路' })[layer] ?? layer;
const ids = (list: { properties: { id: string } }[]) => list.map((f) => f.properties.id);

describe('matchPlaces', () => {
  it('keeps the matches the filters leave out, apart, instead of dropping them', () => {
    const planned = { ...noFilters(), statuses: ['planned' as const] };
    const found = matchPlaces(features, '头门港', planned, layerName);
    expect(ids(found.shown)).toEqual(['toumen-wharf']);
    expect(ids(found.filteredOut)).toEqual(['toumen-port']);
  });

  it('finds by English name, layer name and section, case-insensitively', () => {
    const all = noFilters();
    expect(ids(matchPlaces(features, 'TOUMEN wharf', all, layerName).shown)).toEqual([
      'toumen-wharf',
    ]);
    expect(ids(matchPlaces(features, '铁路', all, layerName).shown)).toEqual(['jintai-rail']);
    expect(ids(matchPlaces(features, '8.1', all, layerName).shown)).toEqual(['jintai-rail']);
  });

  it('lists everything for an empty query, still split by the filters', () => {
    const found = matchPlaces(features, '  ', { ...noFilters(), horizon: 2035 }, layerName);
    expect(found.shown.length + found.filteredOut.length).toBe(features.length);
    expect(ids(found.shown)).toContain('toumen-wharf');
  });
});

describe('rankPlaces', () => {
  it('puts an exact name first, then names that start with the query, then the rest', () => {
    const { places, total } = rankPlaces(features, '头门港码头', layerName);
    expect(ids(places)).toEqual(['toumen-wharf']);
    expect(total).toBe(1);
    expect(ids(rankPlaces(features, 'toumen', layerName).places)).toEqual([
      'toumen-port',
      'toumen-wharf',
    ]);
    // "头门港" is inside the wharf's and the port's names, and the port layer's name.
    expect(ids(rankPlaces(features, '港', layerName).places)).toEqual([
      'toumen-port',
      'toumen-wharf',
    ]);
  });

  it('offers nothing for an empty query and at most `limit` places', () => {
    expect(rankPlaces(features, ' ', layerName).places).toEqual([]);
    const one = rankPlaces(features, 'o', layerName, 1);
    expect(one.places).toHaveLength(1);
    expect(one.total).toBeGreaterThan(1);
  });
});
