import type { Crs, OverlayFeature } from './types';

/**
 * What a file says about its coordinate system. Points taken from 高德/腾讯 (GCJ-02) or 百度
 * (BD-09) land ~500 m off around Linhai when read as WGS-84, and most people do not know to
 * choose the datum. Files often say where they came from (a column `gcj_lng`, a property
 * `amap_id`, a source note "来源：高德地图", a GeoJSON `crs` member): the check report then
 * proposes that datum, with one click to apply it. Nothing here converts anything.
 */

/** Where the evidence was found (the UI words it). */
export type DatumClue =
  | { kind: 'crs-member'; name: string }
  | { kind: 'column'; name: string }
  | { kind: 'value'; key: string; value: string };

export interface DatumEvidence {
  crs: Crs;
  clue: DatumClue;
}

const BD09 = /bd[-_ ]?09|bd09ll|(^|[^a-z])bd[-_]?(lng|lon|lat|x|y)([^a-z]|$)|baidu|百度/i;
const GCJ02 =
  /gcj[-_ ]?0?2|(^|[^a-z])gcj([^a-z]|$)|amap|gaode|autonavi|高德|tencent|腾讯|火星坐标|mars ?coord/i;
const WGS84 = /wgs[-_ ]?84|epsg:?4326|crs84|(^|[^a-z])gps([^a-z]|$)|天地图|tianditu/i;

/** The datum a name or note points to, if any (BD-09 first: "百度" never means GCJ-02). */
export function datumOfText(text: string): Crs | null {
  const head = text.slice(0, 200);
  if (BD09.test(head)) return 'BD09';
  if (GCJ02.test(head)) return 'GCJ02';
  if (WGS84.test(head)) return 'WGS84';
  return null;
}

/** Properties whose values are read as source notes (not names: "百度大厦" is a place). */
const SOURCE_KEY = /source|src|origin|provider|datum|crs|coord|来源|出处|坐标/i;
/** Enough features to find a note that every row repeats, without reading a huge file twice. */
const SCAN_FEATURES = 500;

/**
 * The strongest clue a file gives about its datum: a declared CRS, then the coordinate
 * columns' names, then other columns' or properties' names, then source notes. Null when
 * nothing says.
 */
export function findDatum(
  features: readonly OverlayFeature[],
  declared: { crsMember?: string; coordinateColumns?: readonly string[] },
): DatumEvidence | null {
  const named = (name: string, kind: 'crs-member' | 'column'): DatumEvidence | null => {
    const crs = datumOfText(name);
    return crs ? { crs, clue: { kind, name } } : null;
  };
  if (declared.crsMember) {
    const found = named(declared.crsMember, 'crs-member');
    if (found) return found;
  }
  for (const column of declared.coordinateColumns ?? []) {
    const found = named(column, 'column');
    if (found) return found;
  }
  const scanned = features.slice(0, SCAN_FEATURES);
  const keys = new Set(scanned.flatMap((f) => Object.keys(f.properties)));
  for (const key of keys) {
    const found = named(key, 'column');
    if (found) return found;
  }
  for (const feature of scanned) {
    for (const [key, value] of Object.entries(feature.properties)) {
      if (typeof value !== 'string' || !SOURCE_KEY.test(key)) continue;
      const crs = datumOfText(value);
      if (crs) return { crs, clue: { kind: 'value', key, value: value.slice(0, 60) } };
    }
  }
  return null;
}
