import { createExpression, validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
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

  it('label service circles in the map’s language, switched by its `lang` state', () => {
    const label = layers.find((l) => l.id === 'analysis_circles_label') as {
      layout: { 'text-field': unknown };
    };
    const feature = {
      type: 1,
      properties: { role: 'label', label_zh: '20分钟医疗服务圈', label_en: '20-minute health' },
    } as const;
    const shown = (lang?: string) => {
      const parsed = createExpression(label.layout['text-field'], null, lang ? { lang } : {});
      if (parsed.result !== 'success') throw new Error(JSON.stringify(parsed.value));
      return String(parsed.value.evaluate({ zoom: 10 }, feature as never));
    };
    expect(shown('en')).toBe('20-minute health');
    expect(shown('zh')).toBe('20分钟医疗服务圈');
    expect(shown(), 'before the state is set: Chinese').toBe('20分钟医疗服务圈');
  });
});
