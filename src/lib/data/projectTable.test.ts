import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import type { PlanFeatureCollection } from './features';
import { LAYERS, type Layer } from './layers';
import { PROJECT_COLUMNS, projectRows, projectsCsv, projectsGeojson } from './projectTable';

const fixture = JSON.parse(
  readFileSync(join(import.meta.dirname, 'fixtures/project-features.geojson'), 'utf8'),
) as PlanFeatureCollection;
const names = Object.fromEntries(LAYERS.map((l) => [l, `名:${l}`])) as Record<Layer, string>;
const rows = projectRows(fixture, names);
const row = (id: string) => rows.find((r) => r.id === id)!;

describe('projectRows', () => {
  it('gives one row per feature, in the file order', () => {
    expect(rows.map((r) => r.id)).toEqual(['zone-east', 'toumen-wharf', 'jintai-rail']);
  });

  it('says which point stands for a line or an area', () => {
    expect(row('zone-east')).toMatchObject({
      lon: 121.5,
      lat: 28.8,
      position_from: 'area-label-point',
    });
    // 4 vertices: the middle one is the second (index 1), as a comment would be pinned
    expect(row('jintai-rail')).toMatchObject({
      lon: 121.1,
      lat: 28.85,
      position_from: 'line-middle-vertex',
    });
    expect(row('toumen-wharf')).toMatchObject({
      lon: 121.678901,
      lat: 28.8412,
      position_from: 'point',
    });
  });

  it('names zones, joins sections, keeps the plan wording and marks an unstated year', () => {
    expect(row('toumen-wharf')).toMatchObject({
      zone: '东部湾区',
      sections: '6.1; box5',
      status: 'planned',
      status_wording: '规划建设',
      target_year: '2035',
      target_year_basis: '6.1: 到2035年',
      source_kind: 'knowledge',
      source_ref: null,
      confidence: 'estimated',
      uncertainty_km: 2,
      layer_name: '名:port',
    });
    // a zone id with no zone feature in the file is kept as the id rather than dropped
    expect(row('jintai-rail').zone).toBe('zone-west; 东部湾区');
    expect(row('jintai-rail').target_year).toBe('unspecified');
    expect(row('zone-east')).toMatchObject({ zone: null, uncertainty_km: null, group: '三区' });
  });
});

describe('projectsCsv', () => {
  const csv = projectsCsv(rows);

  it('starts with a BOM and the header, one CRLF line per feature', () => {
    expect(csv.startsWith('\uFEFFid,name,name_en,layer,')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('round-trips through a CSV parser, quotes, commas and newlines included', () => {
    const parsed = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    const [header, ...body] = parsed.data;
    expect(header).toEqual([...PROJECT_COLUMNS]);
    expect(body).toHaveLength(3);
    const wharf = body[1]!;
    expect(wharf[PROJECT_COLUMNS.indexOf('source_note_en')]).toBe(
      'estimated from "头门港", 2 km east,\nsee note',
    );
    expect(wharf[PROJECT_COLUMNS.indexOf('uncertainty_km')]).toBe('2');
  });
});

describe('projectsGeojson', () => {
  it('is the same rows as points at lon/lat', () => {
    const fc = projectsGeojson(rows);
    expect(fc.features).toHaveLength(3);
    const rail = fc.features.find((f) => f.properties.id === 'jintai-rail')!;
    expect(rail.geometry).toEqual({ type: 'Point', coordinates: [121.1, 28.85] });
    expect(rail.properties).toEqual(row('jintai-rail'));
  });
});
