import { createPropertyExpression, latest } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { buildStyle } from './style';
import { LIGHT } from './theme';

const style = buildStyle(LIGHT, (f) => f);

/** A circle paint property of a style layer, evaluated as MapLibre would at `zoom`. */
function paint(
  layerId: string,
  property: string,
  zoom: number,
  state: Partial<Record<string, boolean>>,
) {
  const layer = style.layers.find((l) => l.id === layerId) as { paint: Record<string, unknown> };
  const parsed = createPropertyExpression(
    layer.paint[property],
    (latest.paint_circle as Record<string, never>)[property]!,
    { lang: 'zh', scale: 1, selected: '' },
  );
  if (parsed.result !== 'success') throw new Error(`${layerId} ${property}`);
  return Number(
    parsed.value.evaluate(
      { zoom },
      { type: 'Point', properties: { uncertainty_km: 8, layer: 'port' } } as never,
      state,
    ),
  );
}

describe('uncertainty rings', () => {
  // Around 头门港 at zoom 11–13 a dozen ±8–10 km rings overlap: filled, they greyed out the bay.
  it('draw only a faint outline for places nobody picked, so overlapping rings do not fog the map', () => {
    for (const zoom of [11, 12, 13]) {
      expect(paint('plan_port_uncertainty', 'circle-opacity', zoom, {})).toBe(0);
      const outline = paint('plan_port_uncertainty', 'circle-stroke-opacity', zoom, {});
      expect(outline).toBeGreaterThan(0);
      expect(outline).toBeLessThanOrEqual(0.35);
      expect(paint('seats_uncertainty', 'circle-opacity', zoom, {})).toBe(0);
    }
  });

  it('fill the ring of the selected or highlighted place, so its uncertainty reads at a glance', () => {
    for (const state of [{ selected: true }, { highlight: true }] as Partial<
      Record<string, boolean>
    >[]) {
      expect(paint('plan_port_uncertainty', 'circle-opacity', 12, state)).toBeGreaterThan(0.05);
      expect(paint('plan_port_uncertainty', 'circle-stroke-opacity', 12, state)).toBeGreaterThan(
        0.5,
      );
    }
  });
});
