/**
 * The plan's horizon for a feature, without zod so the UI can use it: 2025 (a 十四五 project
 * or a 2025 target), 2035 (the 到2035年 vision) or null when the plan gives no year (未注明).
 * The schema (`Horizon` in features.ts) checks the same values.
 */
export type HorizonYear = 2025 | 2035 | null;

/** Filter values for the horizon, `unspecified` standing for `null` (未注明). */
export const HORIZON_VALUES = ['2025', '2035', 'unspecified'] as const;
export type HorizonValue = (typeof HORIZON_VALUES)[number];

/** The filter value of a feature's horizon: `horizonValue(null) === 'unspecified'`. */
export function horizonValue(h: HorizonYear): HorizonValue {
  return h === null ? 'unspecified' : h === 2025 ? '2025' : '2035';
}
