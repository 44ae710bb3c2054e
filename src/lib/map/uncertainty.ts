import type { ExpressionSpecification } from 'maplibre-gl';

/** Linhai's latitude: the scale used to turn km into pixels for uncertainty halos. */
const REFERENCE_LAT = 28.85;
const EARTH_CIRCUMFERENCE_M = 40075016.686;

/**
 * Below this zoom (the whole city on a laptop is ~9.5–10) uncertainty rings of ±3–8 km
 * overlap into a haze over the bay, so only the selected feature's ring is drawn.
 */
export const UNCERTAINTY_MIN_ZOOM = 10.5;
/** Zoom at which the rings reach full strength (they fade in from `UNCERTAINTY_MIN_ZOOM`). */
const UNCERTAINTY_FULL_ZOOM = 11.5;

/**
 * A `circle-radius` expression that draws a circle of `kmExpr` kilometres on the ground
 * at every zoom (MapLibre renders 512 px tiles: m/px = C·cos φ / (512·2^z)).
 */
export function groundRadius(kmExpr: ExpressionSpecification | number): ExpressionSpecification {
  const metresPerPixelAtZ0 =
    (EARTH_CIRCUMFERENCE_M * Math.cos((REFERENCE_LAT * Math.PI) / 180)) / 512;
  const pxPerKmAtZ0 = 1000 / metresPerPixelAtZ0;
  return [
    'interpolate',
    ['exponential', 2],
    ['zoom'],
    0,
    ['*', kmExpr, pxPerKmAtZ0],
    22,
    ['*', kmExpr, pxPerKmAtZ0 * 2 ** 22],
  ];
}

/** An opacity that fades in from nothing at `UNCERTAINTY_MIN_ZOOM` to `full`. */
export function uncertaintyFade(full: number | ExpressionSpecification): ExpressionSpecification {
  return [
    'interpolate',
    ['linear'],
    ['zoom'],
    UNCERTAINTY_MIN_ZOOM,
    0,
    UNCERTAINTY_FULL_ZOOM,
    full,
  ] as ExpressionSpecification;
}
