import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { datumOfText } from './datum';
import { importData } from './importData';
import { positionsOf } from './stats';
import type { Crs, ImportResult } from './types';

const dir = join(import.meta.dirname, '../../../tests/fixtures/import');
const run = (file: string, crs: Crs = 'WGS84'): ImportResult =>
  importData({ text: readFileSync(join(dir, file), 'utf8'), fileName: file, crs, lang: 'zh' });
const ok = (result: ImportResult) => {
  if (!result.ok) throw new Error(result.errors.join('; '));
  return result;
};

describe('datumOfText', () => {
  it('reads the Chinese web maps’ names, BD-09 before GCJ-02', () => {
    expect(datumOfText('gcj_lng')).toBe('GCJ02');
    expect(datumOfText('GCJ-02')).toBe('GCJ02');
    expect(datumOfText('lng_amap')).toBe('GCJ02');
    expect(datumOfText('来源：高德地图')).toBe('GCJ02');
    expect(datumOfText('Gaode POI')).toBe('GCJ02');
    expect(datumOfText('腾讯地图')).toBe('GCJ02');
    expect(datumOfText('bd09ll')).toBe('BD09');
    expect(datumOfText('bd_lat')).toBe('BD09');
    expect(datumOfText('百度经度')).toBe('BD09');
    expect(datumOfText('lon_wgs84')).toBe('WGS84');
    expect(datumOfText('天地图')).toBe('WGS84');
  });

  it('does not read words that merely contain the letters', () => {
    expect(datumOfText('lng')).toBeNull();
    expect(datumOfText('bdname')).toBeNull();
    expect(datumOfText('gpsless')).toBeNull();
    expect(datumOfText('名称')).toBeNull();
  });
});

describe('what a file says about its datum', () => {
  it('a gcj_lng column: found, read as the longitude, and nothing converted until asked', () => {
    const result = ok(run('gcj-columns.csv'));
    expect(result.datum).toEqual({ crs: 'GCJ02', clue: { kind: 'column', name: 'gcj_lng' } });
    expect(positionsOf(result.collection.features[0]!.geometry)[0]).toEqual([121.2446, 28.8776]);
    const applied = ok(run('gcj-columns.csv', 'GCJ02'));
    const [lon, lat] = positionsOf(applied.collection.features[0]!.geometry)[0]!;
    // About 500 m west and south: GCJ-02 → WGS-84 around Linhai.
    expect(lon).toBeCloseTo(121.2399, 3);
    expect(lat).toBeCloseTo(28.8805, 3);
  });

  it('百度经度/纬度 columns point to BD-09', () => {
    expect(ok(run('baidu-columns.csv')).datum?.crs).toBe('BD09');
  });

  it('a 来源 note naming 高德 points to GCJ-02', () => {
    expect(ok(run('amap-source-note.geojson')).datum).toEqual({
      crs: 'GCJ02',
      clue: { kind: 'value', key: '来源', value: '高德地图坐标拾取器' },
    });
  });

  it('a GeoJSON crs member naming GCJ-02 is accepted and proposed', () => {
    expect(ok(run('crs-gcj02.geojson')).datum).toEqual({
      crs: 'GCJ02',
      clue: { kind: 'crs-member', name: 'GCJ-02' },
    });
  });

  it('a file that says nothing: no datum, and it lies in China (the report reminds)', () => {
    const result = ok(run('no-datum.csv'));
    expect(result.datum).toBeNull();
    expect(result.inChina).toBe(true);
  });
});
