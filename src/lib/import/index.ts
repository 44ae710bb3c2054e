/** Public API of the import pipeline (pure: no DOM, no map). */
export { importData, exportOverlay, overlaySummary } from './importData';
export { safeHref, isFormulaLike } from './sanitize';
export { CRS_LABELS, positionToWgs84 } from './crs';
export { LIMITS } from './limits';
export type { OverlaySummary } from './summary';
export type * from './types';
export { CRS_CHOICES } from './types';
