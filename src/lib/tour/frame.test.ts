import maplibregl from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { screenPoint, tourCamera } from './frame';
import { stepAt, TOUR_STEPS } from './steps';

const NONE = { top: 0, right: 0, bottom: 0, left: 0 };
/** Screen position of a lon/lat under a camera: MapLibre's own Mercator, as an oracle. */
function project(
  camera: { center: [number, number]; zoom: number },
  view: { width: number; height: number },
  lngLat: [number, number],
) {
  const world = 512 * 2 ** camera.zoom;
  const c = maplibregl.MercatorCoordinate.fromLngLat(camera.center);
  const p = maplibregl.MercatorCoordinate.fromLngLat(lngLat);
  return { x: view.width / 2 + (p.x - c.x) * world, y: view.height / 2 + (p.y - c.y) * world };
}

describe('tourCamera', () => {
  it('keeps the step camera on a projector with nothing covering the map', () => {
    const step = stepAt(3)!;
    const camera = tourCamera(step, { width: 1540, height: 1000 }, NONE);
    expect(camera.zoom).toBe(step.camera.zoom);
    expect(camera.center[0]).toBeCloseTo(step.camera.center[0], 6);
    expect(camera.center[1]).toBeCloseTo(step.camera.center[1], 6);
  });

  it('zooms out on a phone until every step frame fits above the step card', () => {
    const view = { width: 390, height: 560 };
    const insets = { top: 10, right: 10, bottom: 220, left: 10 };
    for (const step of TOUR_STEPS.filter((s) => !s.camera.pitch)) {
      const camera = tourCamera(step, view, insets);
      expect(camera.zoom).toBeLessThanOrEqual(step.camera.zoom);
      const [w, s, e, n] = step.frame;
      for (const corner of [
        [w, s],
        [e, n],
      ] as [number, number][]) {
        const p = project(camera, view, corner);
        expect(p.x, step.id).toBeGreaterThanOrEqual(insets.left - 0.5);
        expect(p.x, step.id).toBeLessThanOrEqual(view.width - insets.right + 0.5);
        expect(p.y, step.id).toBeGreaterThanOrEqual(insets.top - 0.5);
        expect(p.y, step.id).toBeLessThanOrEqual(view.height - insets.bottom + 0.5);
      }
    }
  });

  it('puts the step centre in the middle of the free area when its zoom fits', () => {
    const step = stepAt(2)!;
    const view = { width: 1540, height: 1000 };
    const insets = { top: 0, right: 0, bottom: 300, left: 0 };
    const camera = tourCamera(step, view, insets);
    const p = project(camera, view, step.camera.center);
    expect(p.x).toBeCloseTo(770, 3);
    expect(p.y).toBeCloseTo(350, 3);
  });
});

describe('tourCamera on a tilted, turned step', () => {
  it('keeps every corner of the frame clear of the card, seen in perspective', () => {
    const view = { width: 900, height: 737 };
    const insets = { top: 12, right: 12, bottom: 275, left: 12 };
    for (const step of TOUR_STEPS.filter((s) => s.camera.pitch)) {
      const camera = tourCamera(step, view, insets);
      expect(camera.pitch).toBe(step.camera.pitch);
      expect(camera.zoom).toBeLessThanOrEqual(step.camera.zoom);
      const [w, s, e, n] = step.frame;
      for (const corner of [
        [w, s],
        [e, n],
        [w, n],
        [e, s],
      ] as [number, number][]) {
        const p = screenPoint(camera, view, corner);
        expect(p.y, step.id).toBeLessThanOrEqual(view.height - insets.bottom + 0.5);
        expect(p.y, step.id).toBeGreaterThanOrEqual(insets.top - 0.5);
        expect(p.x, step.id).toBeGreaterThanOrEqual(insets.left - 0.5);
        expect(p.x, step.id).toBeLessThanOrEqual(view.width - insets.right + 0.5);
      }
    }
  });

  it('projects like MapLibre when flat', () => {
    const camera = { center: [121.3, 28.8] as [number, number], zoom: 11, bearing: 0, pitch: 0 };
    const view = { width: 800, height: 600 };
    const p = screenPoint(camera, view, [121.35, 28.75]);
    const q = project(camera, view, [121.35, 28.75]);
    expect(p.x).toBeCloseTo(q.x, 6);
    expect(p.y).toBeCloseTo(q.y, 6);
  });
});
