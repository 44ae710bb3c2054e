import { beforeAll, describe, expect, it } from 'vitest';
import { LAYERS, Status } from '../data/features';
import { Confidence } from '../data/basemap';
import {
  commentKindKey,
  confidenceKey,
  interpolate,
  isLang,
  loadStrings,
  layerKey,
  localName,
  MAPLIBRE_KEYS,
  maplibreLocale,
  placeholders,
  statusKey,
  t,
  zh,
  type StringKey,
} from './index';
import { en } from './en';
import { facilitatorZh } from './facilitatorStrings';
import { sessionZh } from './sessionStrings';

// Every Chinese string: the first-load table and those that come with the session code.
const zhAll = { ...zh, ...sessionZh, ...facilitatorZh } as Record<StringKey, string>;
const zhKeys = Object.keys(zhAll) as StringKey[];

// English is its own chunk in the app, loaded on first use.
beforeAll(() => loadStrings('en'));

describe('string maps', () => {
  it('en has every zh key and no other', () => {
    expect(Object.keys(en).sort()).toEqual([...zhKeys].sort());
  });

  it.each(zhKeys)('%s: non-empty in both languages, same placeholders', (key) => {
    expect(zhAll[key].trim()).not.toBe('');
    expect(en[key].trim()).not.toBe('');
    expect(placeholders(en[key])).toEqual(placeholders(zhAll[key]));
  });

  it('a map missing a key does not type-check (checked by svelte-check / tsc)', () => {
    // @ts-expect-error: every StringKey is required, so a partial English map is a type error.
    const partial: Record<StringKey, string> = { 'app.title': 'Linhai 14th Five-Year Plan Map' };
    expect(Object.keys(partial)).toHaveLength(1);
  });

  it('keys are dotted and placeholders well formed', () => {
    for (const key of zhKeys) {
      expect(key).toMatch(/^[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)+$/);
      for (const text of [zhAll[key], en[key]]) {
        // Every brace belongs to a {name} placeholder.
        expect(text.replace(/\{[A-Za-z0-9_]+\}/g, '')).not.toMatch(/[{}]/);
      }
    }
  });

  it('English strings contain no Chinese except the language name', () => {
    for (const key of zhKeys) {
      if (key === 'lang.zh') continue;
      expect(en[key], key).not.toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('names every layer, status, confidence and comment kind', () => {
    for (const layer of LAYERS) expect(zhKeys).toContain(layerKey(layer));
    for (const status of Status.options) expect(zhKeys).toContain(statusKey(status));
    for (const c of Confidence.options) expect(zhKeys).toContain(confidenceKey(c));
    for (const kind of ['support', 'concern', 'idea', 'question'] as const) {
      expect(zhKeys).toContain(commentKindKey(kind));
    }
  });

  it('uses the wording the brief fixes', () => {
    expect(t('app.title')).toBe('临海“十四五”规划空间地图');
    expect(t('app.title', 'en')).toBe('Linhai 14th Five-Year Plan Map');
    expect(
      ['layers.title', 'panel.reader', 'panel.analysis', 'panel.comments', 'panel.data'].map((k) =>
        t(k as StringKey),
      ),
    ).toEqual(['图层', '规划文本', '分析', '意见', '数据']);
    expect(t('status.proposed')).toBe('谋划');
    expect(t('status.under_construction')).toBe('在建');
    expect(t('confidence.estimated', 'zh', { km: 2 })).toBe('估计位置 ±2 km');
    expect(t('comment.kind.concern')).toBe('担忧');
  });
});

describe('t', () => {
  it('defaults to Chinese', () => {
    expect(t('layers.title')).toBe('图层');
    expect(t('layers.title', 'en')).toBe('Layers');
  });

  it('fills placeholders', () => {
    expect(t('tour.step', 'en', { n: 2, total: 6 })).toBe('Step 2 of 6');
    expect(t('tour.step', 'zh', { n: 2, total: 6 })).toBe('第 2 步，共 6 步');
  });

  it('leaves a missing placeholder visible and ignores inherited names', () => {
    expect(t('tour.step', 'en', { n: 1 })).toBe('Step 1 of {total}');
    expect(interpolate('{toString} {n}', { n: 0 })).toBe('{toString} 0');
  });

  it('does not re-interpolate values', () => {
    expect(interpolate('{a}', { a: '{b}', b: 'x' })).toBe('{b}');
  });

  it('falls back to the key for an unknown key', () => {
    expect(t('no.such.key' as StringKey, 'en')).toBe('no.such.key');
  });

  it('recognises languages', () => {
    expect(isLang('zh')).toBe(true);
    expect(isLang('en')).toBe(true);
    expect(isLang('fr')).toBe(false);
    expect(isLang('__proto__')).toBe(false);
  });
});

describe('localName', () => {
  it('uses name_en in English only', () => {
    const port = { name: '头门港', name_en: 'Toumen Port' };
    expect(localName(port, 'zh')).toBe('头门港');
    expect(localName(port, 'en')).toBe('Toumen Port');
    expect(localName({ name: '灵湖' }, 'en')).toBe('灵湖');
  });
});

describe('maplibreLocale', () => {
  it('covers MapLibre keys in both languages', () => {
    const zhLocale = maplibreLocale('zh');
    expect(Object.keys(zhLocale)).toEqual([...MAPLIBRE_KEYS]);
    expect(zhLocale['NavigationControl.ZoomIn']).toBe('放大');
    expect(maplibreLocale('en')['NavigationControl.ZoomIn']).toBe('Zoom in');
  });
});
