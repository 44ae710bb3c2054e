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
  const flat = { ...base, center: [toLon(cx - wx), toLat(cy - wy)] as [number, number], zoom };
  // A tilted step (pitch) draws its near side larger and a turned one (bearing) its frame
  // askew: where that puts a corner of the frame off the free area, zoom out and centre the
  // frame in it under MapLibre's own perspective.
  if (frameFits(flat, step.frame, view, insets)) return flat;
  const free = {
    x: (insets.left + view.width - insets.right) / 2,
    y: (insets.top + view.height - insets.bottom) / 2,
  };
  const target: [number, number] = [(w + e) / 2, (s + n) / 2];
  let camera = flat;
  for (let z = zoom; z > 0; z -= 0.02) {
    camera = { ...camera, zoom: z };
    // Move the camera until the frame's centre sits in the middle of the free area.
    for (let i = 0; i < 40; i++) {
      const p = screenPoint(camera, view, target);
      const ex = (free.x - p.x) / 2 ** z;
      const ey = (free.y - p.y) / 2 ** z / Math.cos((camera.pitch * Math.PI) / 180);
      const c = [toX(camera.center[0]), toY(camera.center[1])] as const;
      camera = {
        ...camera,
        center: [
          toLon(c[0] - (ex * Math.cos(b) - ey * Math.sin(b))),
          toLat(c[1] - (ex * Math.sin(b) + ey * Math.cos(b))),
        ],
      };
    }
    if (frameFits(camera, step.frame, view, insets)) return camera;
  }
  return camera;
}

/** MapLibre's vertical field of view (its default, 36.87°). */
const FOV = 0.6435011087932844;

/**
 * Where MapLibre draws `lngLat` (CSS px from the map's top left) under a camera with bearing
 * and pitch: the ground turned by the bearing, then seen in perspective from a camera
 * `height / 2 / tan(fov / 2)` px from the centre.
 */
export function screenPoint(
  camera: { center: [number, number]; zoom: number; bearing: number; pitch: number },
  view: { width: number; height: number },
  lngLat: [number, number],
): { x: number; y: number } {
  const scale = 2 ** camera.zoom;
  const ux = (toX(lngLat[0]) - toX(camera.center[0])) * scale;
  const uy = (toY(lngLat[1]) - toY(camera.center[1])) * scale;
  const b = (camera.bearing * Math.PI) / 180;
  const sx = ux * Math.cos(b) + uy * Math.sin(b);
  const forward = -(-ux * Math.sin(b) + uy * Math.cos(b));
  const p = (camera.pitch * Math.PI) / 180;
  const distance = view.height / 2 / Math.tan(FOV / 2);
  const depth = distance + forward * Math.sin(p);
  return {
    x: view.width / 2 + (distance * sx) / depth,
    y: view.height / 2 - (distance * forward * Math.cos(p)) / depth,
  };
}

/** True when all four corners of `frame` are drawn inside the free area (half a px of slack). */
function frameFits(
  camera: { center: [number, number]; zoom: number; bearing: number; pitch: number },
  [w, s, e, n]: readonly number[],
  view: { width: number; height: number },
  insets: Insets,
): boolean {
  return (
    [
      [w, s],
      [e, n],
      [w, n],
      [e, s],
    ] as [number, number][]
  ).every((corner) => {
    const p = screenPoint(camera, view, corner);
    return (
      p.x >= insets.left - 0.5 &&
      p.x <= view.width - insets.right + 0.5 &&
      p.y >= insets.top - 0.5 &&
      p.y <= view.height - insets.bottom + 0.5
    );
  });
}
