import type { PlanFeatureProperties } from './features';

/**
 * The target years a feature can have: the plan's two horizons, or `unspecified` (未注明) when
 * the plan names the place without a year (`horizon: null`). The same codes as
 * `HORIZON_VALUES` in features.ts, kept here free of zod: the layer filter and the map read it.
 */
export const TARGET_YEARS = ['2025', '2035', 'unspecified'] as const;
export type TargetYear = (typeof TARGET_YEARS)[number];

/** A feature's target year; never empty, so "no year" is a value a filter can choose. */
export function targetYearOf(p: Pick<PlanFeatureProperties, 'horizon'>): TargetYear {
  return p.horizon === 2025 ? '2025' : p.horizon === 2035 ? '2035' : 'unspecified';
}
