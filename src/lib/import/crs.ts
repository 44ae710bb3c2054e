import gcoord, { type CRSTypes } from 'gcoord';
import type { Crs, OverlayFeature } from './types';

/**
 * Chinese web maps publish GCJ-02 (Amap/高德, Tencent/腾讯) or BD-09 (Baidu/百度)
 * coordinates, offset from WGS-84 by about 500 m around Linhai. Conversion runs after
 * validation, in place, on our own copies. Outside China GCJ-02 equals WGS-84, and gcoord
 * leaves such positions unchanged. Altitudes are kept.
 */

const GCOORD: Record<Crs, CRSTypes> = {
  WGS84: gcoord.WGS84,
  GCJ02: gcoord.GCJ02,
  BD09: gcoord.BD09,
};

export const CRS_LABELS: Record<Crs, string> = {
  WGS84: 'WGS-84 (GPS, OpenStreetMap, 天地图)',
  GCJ02: 'GCJ-02 (高德 Amap, 腾讯 Tencent)',
  BD09: 'BD-09 (百度 Baidu)',
};

/** Convert features from `from` to WGS-84 in place. */
export function toWgs84(features: OverlayFeature[], from: Crs): void {
  if (from === 'WGS84') return;
  for (const feature of features) gcoord.transform(feature.geometry, GCOORD[from], gcoord.WGS84);
}

/** Convert one [lon, lat] position to WGS-84 (for previews and tests). */
export function positionToWgs84(position: [number, number], from: Crs): [number, number] {
  if (from === 'WGS84') return [position[0], position[1]];
  const [lon, lat] = gcoord.transform([position[0], position[1]], GCOORD[from], gcoord.WGS84);
  return [lon, lat];
}
