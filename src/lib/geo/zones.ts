import { booleanPointInPolygon } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { containsPoint, prepareArea, type PreparedArea } from './clip';
import { corridorKmInside } from './corridors';
import { representativePoint } from './distance';
import { GeoInputError, areaKm2 } from './measure';
import {
  listOf,
  toArea,
  toGeometry,
  toPoint,
  type AnyFeature,
  type AreaInput,
  type FeatureList,
  type GeoInput,
  type PlanLikeFeature,
} from './input';

/**
 * The zones of 一带三区 (schematic polygons, see townAreas.ts) and what lies in each.
 *
 * Counting: each platform / logistics feature is counted once, in the zone that contains its
 * representative point (the point itself; Turf `pointOnFeature` for lines and areas).
 * Corridor km: each rail / expressway / 国省道 / city-road line is clipped to the zone polygon
 * (`clipLine`: cut at every ring crossing, keep pieces whose midpoint is inside) and the
 * pieces measured geodesically. Areas: `areaKm2` (spherical excess, holes subtracted).
 */

/** A zone polygon: an id in `properties.id` (or `feature.id`), a name if known. */
export type ZoneFeature = Feature<Polygon | MultiPolygon, { id?: string; name?: string } | null>;

/** The id of a zone feature; a zone without one is a GeoInputError. */
export function zoneId(zone: ZoneFeature): string {
  const id = zone.properties?.id ?? zone.id;
  if (id === undefined || id === null || id === '')
    throw new GeoInputError('zones: every zone needs properties.id (or a feature id)');
  return String(id);
}

/**
 * The zone a point lies in.
 *
 * @param point a [lon, lat] position, Point geometry or Point feature
 * @param zones zone polygons (array or FeatureCollection)
 * @returns the id of the first zone containing the point (boundary counts as inside), or null
 * @throws GeoInputError for a non-point or bad coordinates, or a zone without an id
 * @example
 * pointInZone([121.6, 28.75], zones) // 'zone-east'
 */
export function pointInZone(point: GeoInput, zones: FeatureList<ZoneFeature>): string | null {
  const p = toPoint(point, 'pointInZone');
  for (const zone of listOf(zones, 'pointInZone')) {
    const geometry = toGeometry(zone, 'pointInZone', true);
    if (!geometry) continue;
    if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon')
      throw new GeoInputError(`pointInZone: a zone must be a polygon, got ${geometry.type}`);
    if (booleanPointInPolygon(p, geometry)) return zoneId(zone);
  }
  return null;
}

/** Statistics of one zone. */
export interface ZoneStatistics {
  id: string;
  name: string;
  areaKm2: number;
  /** Zone area as a percentage of the city area. */
  sharePct: number;
  /** Features of layer `platforms` inside. */
  platforms: number;
  /** Features of layer `logistics` inside. */
  logistics: number;
  railKm: number;
  expresswaysKm: number;
  /** 国省道 km. */
  roadsKm: number;
  cityRoadsKm: number;
}

/**
 * Area, share of the city, platform and logistics counts and corridor km per zone.
 *
 * @param zones zone polygons (array or FeatureCollection), each with an id
 * @param features plan features (array or FeatureCollection); features without geometry are
 *   skipped
 * @param cityBoundary the city outline, for the share
 * @returns one row per zone, in the input order
 * @throws GeoInputError for a zone without an id or polygon, or an empty boundary
 * @example
 * zoneStatistics(zones, plan, boundary)
 * // [{ id: 'zone-east', name: '东部湾区', areaKm2: 601.5, sharePct: 26.5, platforms: 11, … }, …]
 */
export function zoneStatistics(
  zones: FeatureList<ZoneFeature>,
  features: FeatureList<PlanLikeFeature>,
  cityBoundary: AreaInput,
): ZoneStatistics[] {
  const cityKm2 = areaKm2(toArea(cityBoundary, 'zoneStatistics'));
  if (!(cityKm2 > 0)) throw new GeoInputError('zoneStatistics: the city boundary has no area');
  const list = listOf(features, 'zoneStatistics');
  const counted = list
    .filter((f) => f.properties.layer === 'platforms' || f.properties.layer === 'logistics')
    .flatMap((f) => {
      const g = toGeometry(f, 'zoneStatistics', true);
      return g ? [{ layer: f.properties.layer, point: representativePoint(g) }] : [];
    });
  return listOf(zones, 'zoneStatistics').map((zone) => {
    const geometry = toArea(zone, 'zoneStatistics');
    const area: PreparedArea = prepareArea(geometry);
    const zoneKm2 = areaKm2(geometry);
    let platforms = 0;
    let logistics = 0;
    for (const { layer, point } of counted) {
      if (!containsPoint(area, point)) continue;
      if (layer === 'platforms') platforms++;
      else logistics++;
    }
    const km = corridorKmInside(area, list);
    return {
      id: zoneId(zone),
      name: zone.properties?.name ?? zoneId(zone),
      areaKm2: zoneKm2,
      sharePct: (zoneKm2 / cityKm2) * 100,
      platforms,
      logistics,
      railKm: km.rail,
      expresswaysKm: km.expressways,
      roadsKm: km.roads,
      cityRoadsKm: km.cityRoads,
    };
  });
}

/** How many features lie in each zone, and how many in none. */
export interface ZoneCounts {
  /** One entry per zone, in the input order. */
  zones: { id: string; count: number }[];
  /** Features whose point lies in no zone (outside the city, or in a gap between zones). */
  outside: number;
  /** Features without geometry, not counted. */
  skipped: number;
}

/**
 * Counts any features (an imported overlay, say) per zone, the way `zoneStatistics` counts
 * platforms: each feature once, in the zone containing its representative point.
 *
 * @param zones zone polygons with ids (array or FeatureCollection)
 * @param features the features to count (array or FeatureCollection)
 * @returns per-zone counts in the zones' order, plus those in no zone and those skipped
 * @throws GeoInputError for a zone without an id or polygon, or bad feature coordinates
 * @example
 * countInZones(zones, overlay) // { zones: [{ id: 'zone-east', count: 12 }, …], outside: 3, skipped: 0 }
 */
export function countInZones(
  zones: FeatureList<ZoneFeature>,
  features: FeatureList<AnyFeature>,
): ZoneCounts {
  const prepared = listOf(zones, 'countInZones').map((zone) => ({
    id: zoneId(zone),
    area: prepareArea(toArea(zone, 'countInZones')),
  }));
  const counts = prepared.map(() => 0);
  let outside = 0;
  let skipped = 0;
  for (const feature of listOf(features, 'countInZones')) {
    const g = toGeometry(feature, 'countInZones', true);
    if (!g) {
      skipped++;
      continue;
    }
    const point = representativePoint(g);
    const at = prepared.findIndex((z) => containsPoint(z.area, point));
    if (at < 0) outside++;
    else counts[at]!++;
  }
  return { zones: prepared.map((z, i) => ({ id: z.id, count: counts[i]! })), outside, skipped };
}
