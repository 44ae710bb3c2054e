import { z } from 'zod';
import { collectionOf, featureOf, PointGeometry } from './geojson.ts';
import { HORIZON_VALUES } from './horizon.ts';

/** Which point of the feature a project row's `lon`/`lat` are. */
export const PositionFrom = z.enum([
  'point',
  'first-point',
  'line-middle-vertex',
  'area-label-point',
  'area-ring-vertex',
  'none',
]);
export type PositionFrom = z.infer<typeof PositionFrom>;

/** The target year as a code: the plan's year, or `unspecified` when the plan gives none. */
export const TargetYearCode = z.enum(HORIZON_VALUES);
export type TargetYearCode = z.infer<typeof TargetYearCode>;

/**
 * One row of the project table (`data/projects.csv`, and the properties of
 * `data/projects.geojson`). Key order is the CSV's column order. Empty cells are `null`;
 * multi-valued cells (sections, zones) are joined with `; `.
 */
export const ProjectRow = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  name_en: z.string().min(1),
  layer: z.string().min(1),
  layer_name: z.string().min(1),
  group: z.string().nullable(),
  status: z.string().min(1),
  status_wording: z.string().min(1),
  target_year: TargetYearCode,
  /** The section and verbatim passage that state a 2025/2035 year (`8.1: “十四五”期间…`). */
  target_year_basis: z.string().nullable(),
  zone: z.string().nullable(),
  sections: z.string().min(1),
  confidence: z.string().min(1),
  uncertainty_km: z.number().positive().nullable(),
  /** How the position was obtained (gazetteer, seat, geonames, derived, schematic …). */
  source_kind: z.string().min(1),
  /** The gazetteer id, seat code, page or site it was taken from. */
  source_ref: z.string().nullable(),
  source_note_zh: z.string().min(1),
  source_note_en: z.string().min(1),
  lon: z.number().min(-180).max(180).nullable(),
  lat: z.number().min(-90).max(90).nullable(),
  position_from: PositionFrom,
});
export type ProjectRow = z.infer<typeof ProjectRow>;

/** Column order of the CSV and property order of the GeoJSON. */
export const PROJECT_COLUMNS = Object.keys(ProjectRow.shape) as (keyof ProjectRow)[];

/** `data/projects.geojson`: the rows as points at their representative position. */
export const ProjectCollection = collectionOf(featureOf(PointGeometry, ProjectRow));
export type ProjectCollection = z.infer<typeof ProjectCollection>;
