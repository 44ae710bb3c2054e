import { circle } from '@turf/turf';
import type { Feature, Polygon } from 'geojson';
import { GeoInputError } from './measure';
import { toPoint, type GeoInput } from './input';

/**
 * The plan's service circles as straight-line reach: radius = minutes / 60 × speed.
 * There is no road network offline, so this is an upper bound on what a trip could cover
 * in a straight line, not a travel-time isochrone; every label says so.
 *
 * Speed assumptions (stated, not measured):
 * - walking 4.5 km/h (a common planning value for 生活圈; 15 min ≈ 1.1 km);
 * - driving 40 km/h, an average urban/county car or ambulance speed including stops.
 */
export const SPEED_KMH = { walking: 4.5, driving: 40 } as const;
export type TravelMode = keyof typeof SPEED_KMH;

const MODE_ZH: Record<TravelMode, string> = { walking: '步行', driving: '驾车' };

/** One of the plan's own service circles. */
export interface PlanServiceCircle {
  id: string;
  name: string;
  nameEn: string;
  /** The plan section that names it. */
  section: string;
  minutes: number;
  mode: TravelMode;
}

/** The circles the plan names: 20分钟医疗服务圈 (11.3), 5/10/15分钟生活圈 (3.2), 30分钟市域交通圈 (8.1). */
export const PLAN_SERVICE_CIRCLES: readonly PlanServiceCircle[] = [
  {
    id: 'medical-20',
    name: '20分钟医疗服务圈',
    nameEn: '20-minute medical service circle',
    section: '11.3',
    minutes: 20,
    mode: 'driving',
  },
  {
    id: 'life-5',
    name: '5分钟生活圈',
    nameEn: '5-minute living circle',
    section: '3.2',
    minutes: 5,
    mode: 'walking',
  },
  {
    id: 'life-10',
    name: '10分钟生活圈',
    nameEn: '10-minute living circle',
    section: '3.2',
    minutes: 10,
    mode: 'walking',
  },
  {
    id: 'life-15',
    name: '15分钟生活圈',
    nameEn: '15-minute living circle',
    section: '3.2',
    minutes: 15,
    mode: 'walking',
  },
  {
    id: 'transport-30',
    name: '30分钟市域交通圈',
    nameEn: '30-minute city transport circle',
    section: '8.1',
    minutes: 30,
    mode: 'driving',
  },
];

/** A straight-line reach circle. */
export interface ServiceCircle {
  radiusKm: number;
  minutes: number;
  speedKmh: number;
  /** The circle, 64 chords, with the same numbers in its properties. */
  polygon: Feature<Polygon, { radiusKm: number; minutes: number; speedKmh: number }>;
  /** Chinese label, stating that this is a straight-line approximation. */
  label: string;
  labelEn: string;
}

const fmt = (n: number) => String(Math.round(n * 10) / 10);

/**
 * The straight-line reach of `minutes` at `speedKmh` around a point.
 *
 * @param center a [lon, lat] position, Point geometry or Point feature
 * @param minutes travel time, > 0
 * @param speedKmh assumed straight-line speed, > 0 (see `SPEED_KMH`)
 * @param names optional circle names for the labels (e.g. `{ zh: '20分钟医疗服务圈', en: '…' }`)
 * @returns `{ radiusKm, minutes, speedKmh, polygon, label, labelEn }`
 * @throws GeoInputError for a non-point centre or a time / speed that is not a positive number
 * @example
 * serviceCircle([121.13, 28.85], 20, 40).label
 * // '20分钟 × 40 km/h ≈ 13.3 km 直线距离近似（无路网数据，非实际通行范围）'
 */
export function serviceCircle(
  center: GeoInput,
  minutes: number,
  speedKmh: number,
  names: { zh?: string; en?: string } = {},
): ServiceCircle {
  const point = toPoint(center, 'serviceCircle');
  for (const [value, what] of [
    [minutes, 'minutes'],
    [speedKmh, 'speedKmh'],
  ] as const) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0)
      throw new GeoInputError(`serviceCircle: ${what} must be a positive number, got ${value}`);
  }
  const radiusKm = (minutes / 60) * speedKmh;
  const polygon = circle(point.coordinates, radiusKm, {
    units: 'kilometers',
    steps: 64,
    properties: { radiusKm, minutes, speedKmh },
  });
  const prefix = names.zh ? `${names.zh}：` : '';
  const prefixEn = names.en ? `${names.en}: ` : '';
  return {
    radiusKm,
    minutes,
    speedKmh,
    polygon,
    label: `${prefix}${fmt(minutes)}分钟 × ${fmt(speedKmh)} km/h ≈ ${fmt(radiusKm)} km 直线距离近似（无路网数据，非实际通行范围）`,
    labelEn: `${prefixEn}${fmt(minutes)} min × ${fmt(speedKmh)} km/h ≈ ${fmt(radiusKm)} km, a straight-line approximation (no road network offline; not actual travel reach)`,
  };
}

/**
 * One of the plan's circles around a point, at the stated speed for its mode.
 *
 * @param center a [lon, lat] position, Point geometry or Point feature
 * @param id a `PLAN_SERVICE_CIRCLES` id ('medical-20', 'life-5', 'life-10', 'life-15', 'transport-30')
 * @returns the circle, labelled with the plan's name, the mode and the approximation
 * @example
 * planServiceCircle([121.13, 28.85], 'life-15').radiusKm // 1.125 (walking 4.5 km/h)
 */
export function planServiceCircle(center: GeoInput, id: string): ServiceCircle {
  const def = PLAN_SERVICE_CIRCLES.find((c) => c.id === id);
  if (!def) throw new GeoInputError(`planServiceCircle: unknown circle ${id}`);
  return serviceCircle(center, def.minutes, SPEED_KMH[def.mode], {
    zh: `${def.name}（${MODE_ZH[def.mode]}）`,
    en: `${def.nameEn} (${def.mode})`,
  });
}
