/**
 * Hard limits for user imports. Every one is checked before the expensive step it
 * protects, so hostile files are turned away quickly and the page stays responsive.
 *
 * Decisions:
 * - Size: 50 MiB of input bytes, checked before decoding; for pasted text, 50 Mi UTF-16 code
 *   units (O(1) to check, and what parse time and memory scale with).
 * - Features and vertices: counted by a cheap text pre-scan *before* `JSON.parse`, so a
 *   million tiny features is refused after reading a fifth of the file; recounted exactly
 *   after parsing.
 * - Nesting: JSON deeper than {@link MAX_DEPTH} is refused before `JSON.parse` (a
 *   MultiPolygon inside a FeatureCollection needs 7 levels; nested properties get the rest).
 * - Long property strings are **truncated** with a warning (a long description should not
 *   block a planner's import); over-long property *names* are dropped with a warning.
 */
export const LIMITS = {
  /** Input size in bytes (for text: UTF-16 code units). */
  maxBytes: 50 * 1024 * 1024,
  /** Features after GeometryCollections are exploded. */
  maxFeatures: 200_000,
  /** Positions in all geometries together. */
  maxVertices: 2_000_000,
  /** JSON nesting depth (arrays and objects). */
  maxDepth: 32,
  /** Characters per property value (longer values are truncated, with a warning). */
  maxStringLength: 10_000,
  /** Characters per property name (longer names are dropped, with a warning). */
  maxKeyLength: 200,
  /** Properties per feature (further ones are dropped, with a warning). */
  maxProperties: 500,
  /** CSV data rows. */
  maxCsvRows: 200_000,
  /** Problems listed in an error before "…and N more". */
  maxListedProblems: 5,
  /** Segment pairs the self-intersection check may test per import (it is O(n²)). */
  kinksBudget: 20_000_000,
} as const;

export type Limits = typeof LIMITS;

/** "12 345 678" — thin spaces keep big numbers readable in both languages. */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

/** "50 MB" */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(n % (1024 * 1024) ? 1 : 0)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} kB`;
  return `${n} bytes`;
}
