import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { LAYERS } from '../data/features';
import { styleLayerIds } from './planLayers';
import { buildStyle } from './style';
import { LIGHT } from './theme';

const style = buildStyle(LIGHT, (file) => `http://127.0.0.1/data/${file}`);

describe('map style', () => {
  it('passes the MapLibre style specification', () => {
    expect(validateStyleMin(style).map((e) => e.message)).toEqual([]);
  });

  it('has no glyphs and no remote URL: labels come from local fonts, data from the app', () => {
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    for (const source of Object.values(style.sources)) {
      const data = (source as { data?: unknown }).data;
      if (typeof data === 'string') expect(data).toMatch(/^http:\/\/127\.0\.0\.1\/data\//);
    }
  });

  it('gives every plan layer its own style layers, so a toggle hides exactly that layer', () => {
    const ids = new Set(style.layers.map((l) => l.id));
    for (const layer of LAYERS) {
      const own = styleLayerIds(layer);
      expect(own.every((id) => ids.has(id))).toBe(true);
      for (const other of LAYERS.filter((l) => l !== layer)) {
        expect(styleLayerIds(other).some((id) => own.includes(id))).toBe(false);
      }
    }
  });

  it('draws planned lines dashed and existing lines solid', () => {
    const line = (status: string) =>
      style.layers.find((l) => l.id === `plan_rail_line_${status}`) as {
        paint: { 'line-dasharray': number[] };
      };
    expect(line('existing').paint['line-dasharray']).toEqual([1, 0]);
    expect(line('planned').paint['line-dasharray'].length).toBe(2);
    expect(line('planned').paint['line-dasharray'][1]).toBeGreaterThan(0);
  });
});
