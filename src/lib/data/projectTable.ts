import type { Feature, Point } from 'geojson';
import { pinPoint } from '../geo/pinPoint.ts';
import type { PlanFeature, PlanFeatureCollection } from './features';
import type { Layer } from './layers';
import { horizonValue } from './horizon.ts';
import {
  PROJECT_COLUMNS,
  type FactTexts,
  type PositionFrom,
  type ProjectCollection,
  type ProjectRow,
} from './projects.ts';

export { PROJECT_COLUMNS, type ProjectRow } from './projects.ts';

/**
 * The project table: one row per plan feature, flat, for spreadsheets and GIS. Published at
 * build time as `data/projects.csv` (UTF-8 with a BOM, RFC 4180) and `data/projects.geojson`
 * (the same rows as Point features at each row's lon/lat), so the table works offline and in
 * the static build exactly like the other open-data files.
 *
 * Decisions:
 * - Codes are ASCII (`layer`, `status`, `confidence`, `target_year`) and a human column sits
 *   beside each (`layer_name`, `status_wording` in the plan's own words), so a filter in a
 *   spreadsheet is stable and a reader still sees the plan's Chinese.
 * - A line or area has one representative point, and `position_from` says which: the middle
 *   vertex of a line, the label point of an area (on its largest part). It is the same point
 *   a comment on the feature is pinned to (`pinPoint`).
 * - Multi-valued cells (sections, zones) are joined with `; `.
 * - The position's source is given as its kind, its reference and its note in both languages.
 * - Investment, lead body and years: the figure, the words in both languages (未注明 / not
 *   stated where the plan is silent) and the passage that states it (`box8: 1.防洪保安工程…`).
 *   A programme total (专栏八) has `investment_scope: programme`: the project's share is not stated.
 */

function positionFrom(feature: PlanFeature): PositionFrom {
  switch (feature.geometry.type) {
    case 'Point':
      return 'point';
    case 'MultiPoint':
      return 'first-point';
    case 'LineString':
    case 'MultiLineString':
      return 'line-middle-vertex';
    case 'Polygon':
    case 'MultiPolygon':
      return feature.properties.label_point ? 'area-label-point' : 'area-ring-vertex';
    default:
      return 'none';
  }
}

const round6 = (n: number) => Math.round(n * 1e6) / 1e6;

const basis = (fact?: { section: string; quote: string }) =>
  fact ? `${fact.section}: ${fact.quote}` : null;

/**
 * One row per feature, in the file's order.
 *
 * @param features the published plan features (`features.geojson`)
 * @param layerNames the display name of each layer (the build passes the Chinese names)
 * @param factTexts the investment, lead body and years in words (`planFactTexts` in i18n)
 * @returns rows keyed by `PROJECT_COLUMNS`; empty cells are `null`
 * @example
 * projectRows(features, zhLayerNames, planFactTexts)[0].position_from // 'area-label-point'
 */
export function projectRows(
  features: PlanFeatureCollection,
  layerNames: Record<Layer, string>,
  factTexts: FactTexts,
): ProjectRow[] {
  const zoneNames = new Map(
    features.features
      .filter((f) => f.properties.layer === 'zones')
      .map((f) => [f.properties.id, f.properties.name]),
  );
  return features.features.map((f) => {
    const p = f.properties;
    const zoneIds = p.zone ? [p.zone] : (p.zones ?? []);
    const point = pinPoint(f.geometry, p.label_point);
    const zh = factTexts(p, 'zh');
    const en = factTexts(p, 'en');
    return {
      id: p.id,
      name: p.name,
      name_en: p.name_en,
      layer: p.layer,
      layer_name: layerNames[p.layer],
      group: p.group ?? null,
      status: p.status,
      status_wording: p.status_wording,
      target_year: horizonValue(p.horizon),
      target_year_basis: p.horizon_basis
        ? `${p.horizon_basis.section}: ${p.horizon_basis.quote}`
        : null,
      investment_yi: p.investment?.amount_yi ?? null,
      investment_scope: p.investment?.scope ?? 'not_stated',
      investment_zh: zh.investment,
      investment_en: en.investment,
      investment_basis: basis(p.investment),
      lead_body_zh: zh.lead,
      lead_body_en: en.lead,
      lead_body_basis: basis(p.lead),
      years_from: p.years?.from ?? null,
      years_to: p.years?.to ?? null,
      years_zh: zh.years,
      years_en: en.years,
      years_basis: basis(p.years),
      zone: zoneIds.map((id) => zoneNames.get(id) ?? id).join('; ') || null,
      sections: p.sections.join('; '),
      confidence: p.confidence,
      uncertainty_km: p.uncertainty_km ?? null,
      source_kind: p.source.kind,
      source_ref: p.source.ref ?? null,
      source_note_zh: p.source.note.zh,
      source_note_en: p.source.note.en,
      lon: point ? round6(point[0]!) : null,
      lat: point ? round6(point[1]!) : null,
      position_from: point ? positionFrom(f) : 'none',
    };
  });
}

function csvCell(value: string | number | null): string {
  if (value === null) return '';
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The rows as CSV: a UTF-8 BOM (so spreadsheet programs read the Chinese), a header of
 * `PROJECT_COLUMNS`, RFC 4180 quoting and `\r\n` line ends.
 */
export function projectsCsv(rows: ProjectRow[]): string {
  const lines = [PROJECT_COLUMNS.join(',')];
  for (const row of rows) lines.push(PROJECT_COLUMNS.map((c) => csvCell(row[c])).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/**
 * The rows as a GeoJSON FeatureCollection of Points (RFC 7946, WGS-84), one per row that has
 * a position, with the row as its properties.
 */
export function projectsGeojson(rows: ProjectRow[]): ProjectCollection {
  const features: Feature<Point, ProjectRow>[] = rows
    .filter((row) => typeof row.lon === 'number' && typeof row.lat === 'number')
    .map((row) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [row.lon as number, row.lat as number] },
      properties: row,
    }));
  return { type: 'FeatureCollection', features } as ProjectCollection;
}
