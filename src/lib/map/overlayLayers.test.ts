import { describe, expect, it } from 'vitest';
import type { OverlayCollection } from '../import/types';
import { geometryOnly, OVERLAY_PALETTE, overlayColour, overlayLayers } from './overlayLayers';

describe('overlay layers', () => {
  it('hands MapLibre geometry only, in the same order (ids are array indices)', () => {
    const data: OverlayCollection = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [121, 28] },
          properties: { big: 1e308 },
        },
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [122, 29] },
          properties: { a: '<b>' },
        },
      ],
    };
    const out = geometryOnly(data);
    expect(out.features.map((f) => f.properties)).toEqual([{}, {}]);
    expect(out.features.map((f) => f.geometry)).toEqual(data.features.map((f) => f.geometry));
  });

  it('draws areas, edges, lines and points from one source, each by geometry type', () => {
    const layers = overlayLayers('ov1', '#c2185b');
    expect(layers.map((l) => l.id)).toEqual([
      'overlay_ov1_area',
      'overlay_ov1_area_edge',
      'overlay_ov1_line',
      'overlay_ov1_point',
    ]);
    expect(new Set(layers.map((l) => (l as { source: string }).source))).toEqual(
      new Set(['overlay_ov1']),
    );
  });

  it('gives successive overlays distinct colours, cycling after the palette', () => {
    const first = OVERLAY_PALETTE.map((_, i) => overlayColour(i));
    expect(new Set(first).size).toBe(OVERLAY_PALETTE.length);
    expect(overlayColour(OVERLAY_PALETTE.length)).toBe(first[0]);
  });
});
