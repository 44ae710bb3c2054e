import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import type { PlanFeatureCollection } from './features';
import { LAYERS, type Layer } from './layers';
import { planFactTexts } from '../i18n/planFactsText';
import { PROJECT_COLUMNS, projectRows, projectsCsv, projectsGeojson } from './projectTable';

const fixture = JSON.parse(
  readFileSync(join(import.meta.dirname, 'fixtures/project-features.geojson'), 'utf8'),
) as PlanFeatureCollection;
const names = Object.fromEntries(LAYERS.map((l) => [l, `名:${l}`])) as Record<Layer, string>;
const rows = projectRows(fixture, names, planFactTexts);
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

  it('gives the investment, lead body and years the plan states, with the passage, in zh and en', () => {
    expect(row('toumen-wharf')).toMatchObject({
      investment_yi: 2,
      investment_scope: 'project',
      investment_zh: '约 2 亿元',
      investment_en: 'about 2 × 100 million yuan',
      investment_basis: '8.1: 完成航空总投资约 2 亿元',
      lead_body_zh: '浙江头门港经济开发区',
      lead_body_en: 'Zhejiang Toumen Port Economic Development Zone',
      lead_body_basis: '4.4: 浙江头门港经济开发区以…为抓手',
      years_from: null,
      years_to: 2035,
      years_zh: '至 2035 年（起始年份未注明）',
      years_en: 'by 2035 (start not stated)',
      years_basis: '6.1: 到2035年',
    });
  });

  it('writes 未注明 / not stated where the plan is silent', () => {
    expect(row('jintai-rail')).toMatchObject({
      investment_yi: null,
      investment_scope: 'not_stated',
      investment_zh: '未注明',
      investment_en: 'not stated',
      investment_basis: null,
      lead_body_zh: '未注明',
      lead_body_en: 'not stated',
      years_from: null,
      years_to: null,
      years_zh: '未注明',
      years_basis: null,
    });
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
