import { simplify, truncate } from '@turf/turf';
import type { Feature, FeatureCollection } from 'geojson';

/**
 * Douglas–Peucker tolerance for the published context layers, in degrees (~30 m): under a
 * pixel at the opening zoom (~120 m/px) and under GSHHG's own accuracy (~100 m and more).
 */
export const DISPLAY_TOLERANCE_DEG = 0.0003;
/** Published coordinate decimals: 1e-5° ≈ 1 m, finer than any of the sources. */
export const DISPLAY_DECIMALS = 5;

/**
 * The copy of a validated collection that the map draws: every feature simplified and
 * rounded, except those `keepExact` picks (临海 itself), which stay byte-for-byte as validated.
 * Build time only; the originals in `geodata/` remain the source of truth.
 *
 * @example displayCopy(counties, (f) => f.properties?.adcode === '331082')
 */
export function displayCopy<T extends FeatureCollection>(
  collection: T,
  keepExact: (feature: Feature) => boolean = () => false,
): T {
  return {
    ...collection,
    features: collection.features.map((f) =>
      keepExact(f)
        ? f
        : truncate(simplify(f, { tolerance: DISPLAY_TOLERANCE_DEG, highQuality: false }), {
            precision: DISPLAY_DECIMALS,
            coordinates: 2,
          }),
    ),
  };
}
