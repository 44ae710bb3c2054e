import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { ANALYSIS_SOURCES, analysisLayers, EMPTY } from './analysisLayers';
import { buildStyle } from './style';
import { LIGHT } from './theme';

describe('analysis overlay layers', () => {
  const layers = analysisLayers(LIGHT);

  it('pass the style specification together with the base style', () => {
    const style = buildStyle(LIGHT, (file) => `http://127.0.0.1/data/${file}`);
    const sources = { ...style.sources };
    for (const id of Object.values(ANALYSIS_SOURCES))
      sources[id] = { type: 'geojson', data: EMPTY };
    const merged = { ...style, sources, layers: [...style.layers, ...layers] };
    expect(validateStyleMin(merged).map((e) => e.message)).toEqual([]);
  });

  it('use their own ids and sources, and never colour alone for the edges', () => {
    for (const l of layers) {
      expect(l.id).toMatch(/^analysis_/);
      expect(Object.values(ANALYSIS_SOURCES)).toContain((l as { source: string }).source);
    }
    const dash = (id: string) =>
      (layers.find((l) => l.id === id) as { paint: { 'line-dasharray'?: number[] } }).paint[
        'line-dasharray'
      ];
    expect(dash('analysis_buffer_edge')).toBeDefined();
    expect(dash('analysis_circles_edge')).toBeDefined();
    expect(dash('analysis_buffer_edge')).not.toEqual(dash('analysis_circles_edge'));
  });
});
