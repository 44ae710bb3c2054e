import { bbox, featureCollection, intersect, union, voronoi } from '@turf/turf';
import type {
  Feature,
  FeatureCollection,
  GeoJsonProperties,
  MultiPolygon,
  Point,
  Polygon,
} from 'geojson';

/**
 * Schematic town areas. Township (镇/街道) boundaries do not exist offline, so each town's
 * area is drawn as the Voronoi cell of its seat (planar, in lon/lat degrees), clipped to the
 * city boundary. Every point of the city belongs to the nearest seat: a diagram for the plan's
 * 一带三区, not an administrative boundary.
 */

export type Area = Polygon | MultiPolygon;

export interface TownAreaProperties {
  /** Seat name as in the seats file, e.g. 杜桥镇. */
  name: string;
  /** NBS code of the seat, when the seat carries one. */
  code?: string;
  confidence: 'schematic';
  source: string;
}

export interface ZoneAreaProperties {
  id: string;
  name: string;
  towns: string[];
  confidence: 'schematic';
  source: string;
}

/** Which towns make up each zone: zone id → display name and seat names. */
export type ZoneMembership = Record<string, { name: string; towns: readonly string[] }>;

/** The plan's 一带三区 membership (5.1); 中心城区 = the five 街道. */
export const ZONE_MEMBERSHIP = {
  'zone-east': { name: '东部湾区', towns: ['杜桥镇', '桃渚镇', '上盘镇', '小芝镇'] },
  'zone-central': {
    name: '中部综合发展区',
    towns: [
      '古城街道',
      '大洋街道',
      '江南街道',
      '大田街道',
      '邵家渡街道',
      '东塍镇',
      '尤溪镇',
      '汛桥镇',
      '沿江镇',
      '汇溪镇',
      '涌泉镇',
      '永丰镇',
    ],
  },
  'zone-west': { name: '西部生态发展区', towns: ['白水洋镇', '括苍镇', '河头镇'] },
} as const satisfies ZoneMembership;

/** The five 街道 of the 中心城区. */
export const CENTRAL_CITY_TOWNS = ['古城街道', '大洋街道', '江南街道', '大田街道', '邵家渡街道'];

const TOWN_SOURCE =
  'Voronoi cell of the seat point (linhai-township-seats.geojson) clipped to linhai-boundary.geojson; schematic, not a township boundary';

type SeatLike = Feature<Point, GeoJsonProperties>;

function seatName(seat: SeatLike, index: number): string {
  const name = seat.properties?.name;
  if (typeof name !== 'string' || name === '')
    throw new Error(`seat ${index} has no name property`);
  return name;
}

function asArea(feature: Feature | null): Feature<Area> | null {
  if (!feature) return null;
  const type = feature.geometry.type;
  return type === 'Polygon' || type === 'MultiPolygon' ? (feature as Feature<Area>) : null;
}

/** Union of areas (null for an empty list). */
export function unionAll(areas: Feature<Area>[]): Feature<Area> | null {
  if (areas.length === 0) return null;
  if (areas.length === 1) return areas[0]!;
  return asArea(union(featureCollection(areas)));
}

/**
 * One schematic area per seat: the seat's Voronoi cell clipped to the boundary.
 * @param seats township seat points with a `name` (and optional `code`) property
 * @param boundary the city outline (one or more Polygon/MultiPolygon features)
 * @returns a FeatureCollection with one (Multi)Polygon per seat, in seat order
 * @throws if a seat has no name, names repeat, or a cell does not meet the boundary
 */
export function townAreas(
  seats: FeatureCollection<Point, GeoJsonProperties>,
  boundary: FeatureCollection<Area, GeoJsonProperties> | Feature<Area, GeoJsonProperties>,
): FeatureCollection<Area, TownAreaProperties> {
  const outline =
    boundary.type === 'Feature' ? boundary : unionAll(boundary.features as Feature<Area>[]);
  if (!outline) throw new Error('townAreas: the boundary is empty');
  const names = seats.features.map(seatName);
  if (new Set(names).size !== names.length) throw new Error('townAreas: seat names repeat');

  const [w, s, e, n] = bbox(outline);
  const pad = 0.5;
  const cells = voronoi(featureCollection(seats.features), {
    bbox: [w - pad, s - pad, e + pad, n + pad],
  });
  const features = seats.features.map((seat, i) => {
    const cell = cells.features[i];
    if (!cell) throw new Error(`townAreas: no Voronoi cell for ${names[i]} (duplicate point?)`);
    const clipped = asArea(intersect(featureCollection<Area>([cell, outline])));
    if (!clipped) throw new Error(`townAreas: the cell of ${names[i]} misses the boundary`);
    const code = seat.properties?.code;
    const properties: TownAreaProperties = {
      name: names[i]!,
      ...(typeof code === 'string' ? { code } : {}),
      confidence: 'schematic',
      source: TOWN_SOURCE,
    };
    return { type: 'Feature' as const, geometry: clipped.geometry, properties };
  });
  return { type: 'FeatureCollection', features };
}

/**
 * Union the town areas per zone.
 * @param towns the result of `townAreas`
 * @param membership zone id → name and seat names (defaults to the plan's 一带三区)
 * @returns one (Multi)Polygon per zone, in membership order
 * @throws if a zone names a town that has no area
 */
export function zoneAreas(
  towns: FeatureCollection<Area, TownAreaProperties>,
  membership: ZoneMembership = ZONE_MEMBERSHIP,
): FeatureCollection<Area, ZoneAreaProperties> {
  const byName = new Map(towns.features.map((f) => [f.properties.name, f]));
  const features = Object.entries(membership).map(([id, zone]) => {
    const members = zone.towns.map((name) => {
      const town = byName.get(name);
      if (!town) throw new Error(`zoneAreas: ${id} names unknown town ${name}`);
      return town;
    });
    const merged = unionAll(members);
    if (!merged) throw new Error(`zoneAreas: ${id} has no towns`);
    const properties: ZoneAreaProperties = {
      id,
      name: zone.name,
      towns: [...zone.towns],
      confidence: 'schematic',
      source: `union of the schematic town areas of ${zone.towns.join('、')}`,
    };
    return { type: 'Feature' as const, geometry: merged.geometry, properties };
  });
  return { type: 'FeatureCollection', features };
}
