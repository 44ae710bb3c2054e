import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importData } from './importData';
import { positionsOf } from './stats';

const dir = join(import.meta.dirname, '../../../tests/fixtures/import');
const csv = (name: string) => readFileSync(join(dir, name), 'utf8');

describe('a CSV with longitude and latitude swapped', () => {
  it('is refused with one message that says so, and the report offers to swap', () => {
    const result = importData({ text: csv('swapped-lonlat.csv'), crs: 'WGS84', lang: 'zh' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.swapSuggested).toBe(true);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toContain('经纬度似乎写反了：3 行中有 3 行');
  });

  it('imports every row when the user chooses to swap, and says it was swapped', () => {
    const result = importData({
      text: csv('swapped-lonlat.csv'),
      crs: 'WGS84',
      lang: 'en',
      swapLonLat: true,
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.collection.features).toHaveLength(3);
    expect(positionsOf(result.collection.features[0]!.geometry)[0]).toEqual([121.24, 28.88]);
    expect(result.collection.features[0]!.properties).toEqual({ name: '临海站' });
    expect(result.warnings.join(' ')).toContain(
      'longitude and latitude were swapped, as you chose',
    );
  });

  it('names a single swapped row of a sound file, and offers no swap of the whole file', () => {
    const result = importData({ text: csv('one-row-swapped.csv'), crs: 'WGS84', lang: 'en' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.swapSuggested).toBeUndefined();
    expect(result.errors).toEqual(['line 3: longitude and latitude look swapped in this row']);
  });

  it('leaves a sound file alone', () => {
    const result = importData({ text: csv('no-datum.csv'), crs: 'WGS84', lang: 'en' });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.warnings).toEqual([]);
  });
});

describe('a GeoJSON file written [latitude, longitude]', () => {
  const geojson = (name: string) => csv(name);

  it('is refused with one message that says so, and the report offers to swap', () => {
    const result = importData({
      text: geojson('swapped-lonlat.geojson'),
      crs: 'WGS84',
      lang: 'zh',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.swapSuggested).toBe(true);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toContain('经纬度似乎写反了');
    expect(result.errors[0]).toContain('[经度, 纬度]');
  });

  it('imports every feature when the user chooses to swap, and says it was swapped', () => {
    const result = importData({
      text: geojson('swapped-lonlat.geojson'),
      crs: 'WGS84',
      lang: 'en',
      swapLonLat: true,
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.collection.features).toHaveLength(3);
    expect(positionsOf(result.collection.features[0]!.geometry)[0]).toEqual([121.24, 28.88]);
    expect(positionsOf(result.collection.features[2]!.geometry)).toEqual([
      [121.15, 28.85],
      [121.2, 28.84],
      [121.3, 28.82],
    ]);
    expect(result.collection.features[0]!.properties).toEqual({ name: '临海站' });
    expect(result.warnings.join(' ')).toContain(
      'longitude and latitude were swapped, as you chose',
    );
  });

  it('names a single swapped position of a sound file, and offers no swap of the whole file', () => {
    const result = importData({
      text: geojson('one-position-swapped.geojson'),
      crs: 'WGS84',
      lang: 'en',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.swapSuggested).toBeUndefined();
    expect(result.errors).toEqual([
      'features[1].geometry.coordinates: longitude and latitude look swapped in this position ([latitude, longitude])',
    ]);
  });

  it('leaves a sound GeoJSON file alone', () => {
    const result = importData({
      text: geojson('crs-gcj02.geojson'),
      crs: 'WGS84',
      lang: 'en',
    });
    expect(result.ok).toBe(true);
  });
});
