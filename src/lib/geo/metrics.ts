import type { Bilingual } from '../data/bilingual';
import { prepareArea } from './clip';
import { corridorLengths, type CorridorLength } from './corridors';
import { distanceTable, resolveKeyPlaces, type DistanceTable } from './distanceTable';
import { areaKm2 } from './measure';
import { PLAN_SERVICE_CIRCLES, SPEED_KMH, type TravelMode } from './serviceCircle';
import { zoneStatistics, type ZoneFeature, type ZoneStatistics } from './zones';
import { listOf, toArea, type AreaInput, type FeatureList, type PlanLikeFeature } from './input';

/**
 * Every number of the metrics panel in one plain, JSON-serialisable object, and its CSV.
 * Values are unrounded; the panel rounds for display and the CSV to 2 decimals (1 for %).
 */

/** Metrics format version; bump when a field changes meaning. */
export const METRICS_VERSION = 1;

export interface AllMetrics {
  version: number;
  city: { areaKm2: number; features: number };
  zones: ZoneStatistics[];
  corridors: CorridorLength[];
  distances: DistanceTable & { missing: string[] };
  serviceCircles: {
    id: string;
    name: string;
    nameEn: string;
    section: string;
    minutes: number;
    mode: TravelMode;
    speedKmh: number;
    radiusKm: number;
  }[];
  /** How the numbers were obtained, one note each in Chinese and English (shown under the panel). */
  methods: Bilingual[];
}

/** How each figure was computed, in both UI languages. */
export const METHODS: Bilingual[] = [
  {
    zh: '面积：在半径 6371.0088 km 的球面上按球面角超计算（Turf area），与 WGS-84 椭球（geographiclib）相差不到 0.5%。',
    en: 'Areas: spherical excess on a sphere of radius 6371.0088 km (Turf area); within 0.5 % of the WGS-84 ellipsoid (geographiclib).',
  },
  {
    zh: '长度：各段大圆距离之和（Turf length）；线在与片区或市界的交点处截断，只保留中点落在其内的各段。',
    en: 'Lengths: sum of great-circle segment lengths (Turf length); lines are clipped to a zone or the city by cutting at ring crossings and keeping pieces whose midpoint is inside.',
  },
  {
    zh: '个数：每个产业平台或物流要素只计一次，计入其点所在的片区（线和面取面上一点，pointOnFeature）。',
    en: 'Counts: each platform or logistics feature counts once, in the zone containing its point (pointOnFeature for lines and areas).',
  },
  {
    zh: '片区为示意范围（由 19 个镇街驻地生成的示意镇域），片区数字仅供参考。',
    en: 'Zones are schematic (town areas derived from the 19 seats), so zone figures are indicative.',
  },
  {
    zh: '距离表：代表点之间的直线距离（km）。',
    en: 'Distance table: straight-line km between representative points.',
  },
  {
    zh: `服务圈：直线可达范围，步行 ${SPEED_KMH.walking} km/h，驾车 ${SPEED_KMH.driving} km/h；离线没有路网。`,
    en: `Service circles: straight-line reach, walking ${SPEED_KMH.walking} km/h, driving ${SPEED_KMH.driving} km/h; no road network offline.`,
  },
];

/**
 * Zone statistics, corridor lengths, the key-place distance table and the plan's service
 * circle radii, in one object.
 *
 * @param features plan features (array or FeatureCollection)
 * @param zones zone polygons with ids (array or FeatureCollection)
 * @param boundary the city outline
 * @returns an `AllMetrics` object (plain data: `JSON.stringify` round-trips it)
 * @throws GeoInputError for invalid zones or boundary
 * @example
 * const metrics = computeAllMetrics(plan, zones, boundary);
 * metrics.zones[0].areaKm2; // 601.5 (东部湾区, schematic)
 * download(metricsToCsv(metrics));
 */
export function computeAllMetrics(
  features: FeatureList<PlanLikeFeature>,
  zones: FeatureList<ZoneFeature>,
  boundary: AreaInput,
): AllMetrics {
  const list = listOf(features, 'computeAllMetrics');
  const city = toArea(boundary, 'computeAllMetrics');
  const { places, missing } = resolveKeyPlaces(list);
  return {
    version: METRICS_VERSION,
    city: { areaKm2: areaKm2(city), features: list.length },
    zones: zoneStatistics(zones, list, city),
    corridors: corridorLengths(list, prepareArea(city)),
    distances: { ...distanceTable(places), missing: missing.map((m) => m.key) },
    serviceCircles: PLAN_SERVICE_CIRCLES.map((c) => ({
      ...c,
      speedKmh: SPEED_KMH[c.mode],
      radiusKm: (c.minutes / 60) * SPEED_KMH[c.mode],
    })),
    methods: METHODS,
  };
}

function cell(value: string | number): string {
  const s = typeof value === 'number' ? String(value) : value;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const round = (n: number, digits = 2) => {
  const f = 10 ** digits;
  const r = Math.round(n * f) / f;
  return Object.is(r, -0) ? 0 : r;
};

/**
 * The metrics as one tidy CSV table: `section,id,name,metric,value,unit`, one number a row
 * (RFC 4180 quoting, `\r\n` line ends). Prefix a BOM (`'\uFEFF'`) when saving for Excel.
 *
 * @param metrics from `computeAllMetrics`
 * @returns CSV text
 * @example
 * metricsToCsv(metrics).split('\r\n')[1] // 'city,linhai,临海市,area,2203.87,km2'
 */
export function metricsToCsv(metrics: AllMetrics): string {
  const rows: (string | number)[][] = [['section', 'id', 'name', 'metric', 'value', 'unit']];
  rows.push(['city', 'linhai', '临海市', 'area', round(metrics.city.areaKm2), 'km2']);
  for (const z of metrics.zones) {
    rows.push(['zone', z.id, z.name, 'area', round(z.areaKm2), 'km2']);
    rows.push(['zone', z.id, z.name, 'share_of_city', round(z.sharePct, 1), '%']);
    rows.push(['zone', z.id, z.name, 'platforms', z.platforms, 'count']);
    rows.push(['zone', z.id, z.name, 'logistics_nodes', z.logistics, 'count']);
    rows.push(['zone', z.id, z.name, 'rail', round(z.railKm), 'km']);
    rows.push(['zone', z.id, z.name, 'expressways', round(z.expresswaysKm), 'km']);
    rows.push(['zone', z.id, z.name, 'national_provincial_roads', round(z.roadsKm), 'km']);
    rows.push(['zone', z.id, z.name, 'city_roads', round(z.cityRoadsKm), 'km']);
  }
  for (const c of metrics.corridors) {
    rows.push(['corridor', c.class, c.label, 'length_in_city', round(c.km), 'km']);
    rows.push(['corridor', c.class, c.label, 'length_drawn', round(c.kmDrawn), 'km']);
  }
  const { ids, labels, km } = metrics.distances;
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      const id = `${ids[i]}|${ids[j]}`;
      const name = `${labels[i]}—${labels[j]}`;
      rows.push(['distance', id, name, 'straight_line', round(km[i]![j]!), 'km']);
    }
  }
  for (const key of metrics.distances.missing)
    rows.push(['distance', key, key, 'missing_in_data', '', '']);
  for (const c of metrics.serviceCircles)
    rows.push(['service_circle', c.id, c.name, `radius_${c.mode}`, round(c.radiusKm), 'km']);
  return rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
