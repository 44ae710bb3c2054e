import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
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

  it('pass the style specification (zoom-scaled points with a selected state)', () => {
    const style = {
      version: 8 as const,
      sources: {
        overlay_ov1: {
          type: 'geojson' as const,
          data: geometryOnly({ type: 'FeatureCollection', features: [] }),
        },
      },
      layers: overlayLayers('ov1', '#c2185b'),
    };
    expect(validateStyleMin(style).map((e) => e.message)).toEqual([]);
  });

  it('adds only the layers for the kinds of geometry the overlay holds', () => {
    const ids = (kinds: { points: number; lines: number; areas: number }) =>
      overlayLayers('ov2', '#c2185b', kinds).map((l) => l.id);
    expect(ids({ points: 50_000, lines: 0, areas: 0 })).toEqual(['overlay_ov2_point']);
    expect(ids({ points: 0, lines: 2, areas: 1 })).toEqual([
      'overlay_ov2_area',
      'overlay_ov2_area_edge',
      'overlay_ov2_line',
    ]);
    expect(ids({ points: 0, lines: 0, areas: 0 })).toEqual([]);
  });

  it('gives successive overlays distinct colours, cycling after the palette', () => {
    const first = OVERLAY_PALETTE.map((_, i) => overlayColour(i));
    expect(new Set(first).size).toBe(OVERLAY_PALETTE.length);
    expect(overlayColour(OVERLAY_PALETTE.length)).toBe(first[0]);
  });
});
