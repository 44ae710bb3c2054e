import { z } from 'zod';
import { collectionOf, featureOf, PointGeometry } from './geojson.ts';
import type { PlanFeatureProperties } from './features';
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

/** Whose total an investment is: the project's, a programme's it falls under, or none stated. */
export const InvestmentScope = z.enum(['project', 'programme', 'not_stated']);
export type InvestmentScope = z.infer<typeof InvestmentScope>;

/** A project's facts in one language, as the table writes them (given by the i18n layer). */
export type FactTexts = (
  p: Pick<PlanFeatureProperties, 'investment' | 'lead' | 'years'>,
  lang: 'zh' | 'en',
) => { investment: string; lead: string; years: string };

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
  /** Investment in 亿元 as the plan states it, for the project or only for its programme. */
  investment_yi: z.number().positive().nullable(),
  investment_scope: InvestmentScope,
  /** The investment in words (约 2 亿元, a programme total, or 未注明 / not stated). */
  investment_zh: z.string().min(1),
  investment_en: z.string().min(1),
  /** The section and verbatim passage that state it. */
  investment_basis: z.string().nullable(),
  /** The lead body the plan names (牵头/建设单位), or 未注明 / not stated. */
  lead_body_zh: z.string().min(1),
  lead_body_en: z.string().min(1),
  lead_body_basis: z.string().nullable(),
  /** The years the plan sets (from is empty when only an end year is stated). */
  years_from: z.number().int().nullable(),
  years_to: z.number().int().nullable(),
  years_zh: z.string().min(1),
  years_en: z.string().min(1),
  years_basis: z.string().nullable(),
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
