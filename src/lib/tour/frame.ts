import type { Insets } from '../map/coverPadding';
import { cameraOptions, type TourStep } from './steps';

/** Web Mercator at zoom 0 (512 px world, as MapLibre): lon/lat → px. */
const TILE = 512;
const toX = (lon: number) => ((lon + 180) / 360) * TILE;
const toY = (lat: number) => {
  const phi = (lat * Math.PI) / 180;
  return ((1 - Math.log(Math.tan(Math.PI / 4 + phi / 2)) / Math.PI) / 2) * TILE;
};
const toLon = (x: number) => (x / TILE) * 360 - 180;
const toLat = (y: number) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / TILE))) * 180) / Math.PI;

/**
 * The camera for a tour step on this screen. The step's zoom is a ceiling: where the map's
 * free area (the map minus `insets`: the step card and the like) cannot hold the step's
 * `frame` at that zoom (a phone), the camera zooms out until it does and centres the frame.
 * Either way the subject sits in the middle of the free area, not under the card.
 * @param step the tour step
 * @param view the map's size in CSS px
 * @param insets the covered margins of the map
 * @example tourCamera(step, { width: 390, height: 370 }, { top: 0, right: 0, bottom: 180, left: 0 })
 */
export function tourCamera(
  step: TourStep,
  view: { width: number; height: number },
  insets: Insets,
): { center: [number, number]; zoom: number; bearing: number; pitch: number } {
  const base = cameraOptions(step);
  const [w, s, e, n] = step.frame;
  const freeW = Math.max(1, view.width - insets.left - insets.right);
  const freeH = Math.max(1, view.height - insets.top - insets.bottom);
  const fitZoom = Math.log2(Math.min(freeW / (toX(e) - toX(w)), freeH / (toY(s) - toY(n))));
  const zoom = Math.min(base.zoom, fitZoom);
  // The step's own centre when its zoom fits; the frame's centre when the screen forced a zoom-out.
  const [cx, cy] =
    zoom < base.zoom
      ? [(toX(w) + toX(e)) / 2, (toY(n) + toY(s)) / 2]
      : [toX(base.center[0]), toY(base.center[1])];
  // Shift the camera so that point lands in the middle of the free area (screen offset turned
  // into the map's frame by the bearing), at this zoom's scale.
  const scale = 2 ** zoom;
  const dx = (insets.left - insets.right) / 2;
  const dy = (insets.top - insets.bottom) / 2;
  const b = (base.bearing * Math.PI) / 180;
  const wx = (dx * Math.cos(b) - dy * Math.sin(b)) / scale;
  const wy = (dx * Math.sin(b) + dy * Math.cos(b)) / scale;
  return { ...base, center: [toLon(cx - wx), toLat(cy - wy)], zoom };
}
