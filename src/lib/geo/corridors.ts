import { clipLine, prepareArea, type PreparedArea } from './clip';
import { lengthKm } from './measure';
import {
  listOf,
  toGeometry,
  type AreaInput,
  type FeatureList,
  type PlanLikeFeature,
} from './input';

/**
 * Transport corridor classes and their lengths inside the city.
 *
 * Classification (from `layer`, then `group` / `name`), used by the zone statistics too:
 * - `rail`: layer `rail` (国铁, 城际, 市域铁路 S1/S3, port branch lines);
 * - `expressways`: layer `expressways` (三纵一横两连);
 * - `roads` (国省道): layer `roads` whose group or name marks a national or provincial road —
 *   group contains 国省道 / 国道 / 省道 / 五纵 / 二横, or name contains 国道 / 省道 or starts
 *   with a route number G… / S…;
 * - `cityRoads`: every other line of layer `roads` (一绕一横三纵, 快速通道, bridges …).
 * Only LineString / MultiLineString geometries count; points (stations, interchanges) and
 * features of other layers are left out.
 */

export const CORRIDOR_CLASSES = ['rail', 'expressways', 'roads', 'cityRoads'] as const;
export type CorridorClass = (typeof CORRIDOR_CLASSES)[number];

/** Display names; `roads` is the plan's 国省道. */
export const CORRIDOR_LABELS: Record<CorridorClass, { zh: string; en: string }> = {
  rail: { zh: '铁路', en: 'Rail' },
  expressways: { zh: '高速公路', en: 'Expressways' },
  roads: { zh: '国省道', en: 'National & provincial roads' },
  cityRoads: { zh: '城市道路', en: 'City roads' },
};

const NATIONAL_GROUP = /国省道|国道|省道|五纵|二横/;
const NATIONAL_NAME = /国道|省道|^[GS]\d+/;

/**
 * The corridor class of a plan feature.
 *
 * @param properties the feature's `layer`, `group` and `name`
 * @returns the class, or null when the feature is not a transport corridor
 * @example
 * corridorClass({ layer: 'roads', group: '五纵二横', name: '351国道' }) // 'roads'
 * corridorClass({ layer: 'roads', group: '一绕一横三纵', name: '临海大道' }) // 'cityRoads'
 */
export function corridorClass(properties: {
  layer: string;
  group?: string;
  name?: string;
}): CorridorClass | null {
  switch (properties.layer) {
    case 'rail':
      return 'rail';
    case 'expressways':
      return 'expressways';
    case 'roads':
      return NATIONAL_GROUP.test(properties.group ?? '') ||
        NATIONAL_NAME.test(properties.name ?? '')
        ? 'roads'
        : 'cityRoads';
    default:
      return null;
  }
}

/** True for a LineString or MultiLineString feature with at least one position. */
export function isLineFeature(feature: PlanLikeFeature): boolean {
  const geometry = toGeometry(feature, 'corridors', true);
  return geometry?.type === 'LineString' || geometry?.type === 'MultiLineString';
}

/** Km of each corridor class inside an area (clipped with `clipLine`). */
export function corridorKmInside(
  area: PreparedArea,
  features: readonly PlanLikeFeature[],
): Record<CorridorClass, number> {
  const km: Record<CorridorClass, number> = { rail: 0, expressways: 0, roads: 0, cityRoads: 0 };
  for (const feature of features) {
    const cls = corridorClass(feature.properties);
    if (!cls || !isLineFeature(feature)) continue;
    km[cls] += lengthKm(clipLine(area, feature.geometry));
  }
  return km;
}

/** One row of `corridorLengths`. */
export interface CorridorLength {
  class: CorridorClass;
  label: string;
  labelEn: string;
  /** Km inside the city boundary. */
  km: number;
  /** Km as drawn, including parts outside the city (e.g. lines running on to 台州). */
  kmDrawn: number;
  /** How many line features of the class there are. */
  features: number;
}

/**
 * Corridor lengths by class inside the city (see the classification above).
 *
 * @param features plan features (array or FeatureCollection)
 * @param cityBoundary the city outline (Polygon/MultiPolygon, feature or collection)
 * @returns one row per class, in `CORRIDOR_CLASSES` order, zeros when a class is absent
 * @example
 * corridorLengths(plan, boundary)
 * // [{ class: 'rail', label: '铁路', km: 241.1, kmDrawn: 255.6, features: 7 }, …]
 */
export function corridorLengths(
  features: FeatureList<PlanLikeFeature>,
  cityBoundary: AreaInput | PreparedArea,
): CorridorLength[] {
  const city = 'edges' in cityBoundary ? cityBoundary : prepareArea(cityBoundary);
  const list = listOf(features, 'corridorLengths');
  const inside = corridorKmInside(city, list);
  return CORRIDOR_CLASSES.map((cls) => {
    const lines = list.filter((f) => corridorClass(f.properties) === cls && isLineFeature(f));
    return {
      class: cls,
      label: CORRIDOR_LABELS[cls].zh,
      labelEn: CORRIDOR_LABELS[cls].en,
      km: inside[cls],
      kmDrawn: lines.reduce((sum, f) => sum + lengthKm(f.geometry!), 0),
      features: lines.length,
    };
  });
}
