import { bbox } from '@turf/turf';
import type { Geometry, Position } from 'geojson';
import { distanceKm } from './distance';
import type { PlanLikeFeature } from './input';
import { pointInZone, type ZoneFeature } from './zones';

/**
 * Where a comment falls (issue 22), computed once when the server stores it:
 * the 一带三区 zone its pin lies in (or none), the nearest plan place within
 * `NEAR_KM` and its distance, and its chapters: the section the comment links
 * to, else the sections that name that nearest place. Zones are schematic
 * (see townAreas.ts), so a pin near a zone's edge is placed by that diagram.
 */

/** A plan place farther than this is not "the place the comment is about". */
export const NEAR_KM = 2;

export interface CommentPlace {
  /** The zone id (zone-east | zone-central | zone-west), or null outside all three. */
  zone: string | null;
  /** The nearest plan place within NEAR_KM (boundary included), or null. */
  place: { id: string; km: number } | null;
  /** Plan section ids, possibly none. */
  chapters: string[];
}

/** What placing needs from the plan: the zone polygons and the places (points and lines). */
export interface PlacingPlan {
  zones: readonly ZoneFeature[];
  places: readonly PlanLikeFeature[];
}

type SectionedFeature = PlanLikeFeature & { properties: { sections?: readonly string[] } };

/**
 * The plan as placing uses it: the three zone polygons (ids `zone-…`), and as
 * places every feature with a point or line geometry. Areas are left out: a pin
 * inside 中心城区 is "in" it at 0 km, which says nothing about the place meant.
 */
export function placingPlan(features: readonly PlanLikeFeature[]): PlacingPlan {
  const zones = features.filter(
    (f) =>
      /^zone-/.test(f.properties.id) &&
      (f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon'),
  ) as ZoneFeature[];
  const places = features.filter((f) => {
    const type = f.geometry?.type;
    return type === 'Point' || type === 'LineString' || type === 'MultiLineString';
  });
  return { zones, places };
}

/**
 * @param at the pin, [lon, lat]
 * @param section the plan section the comment links to, if any
 * @throws GeoInputError for coordinates out of range
 * @example
 * commentPlace([121.49174, 28.76876], undefined, plan)
 * // { zone: 'zone-east', place: { id: 'town-duqiao', km: 0 }, chapters: ['5.1', '5.3'] }
 */
export function commentPlace(
  at: Position,
  section: string | undefined,
  plan: PlacingPlan,
): CommentPlace {
  const zone = plan.zones.length ? pointInZone(at, plan.zones) : null;
  let nearest: { feature: SectionedFeature; km: number } | null = null;
  for (const feature of plan.places) {
    if (!feature.geometry || !mayBeNear(at, feature)) continue;
    const km = distanceKm(at, feature.geometry);
    if (km <= NEAR_KM && (!nearest || km < nearest.km)) nearest = { feature, km };
  }
  const chapters = section
    ? [section]
    : [...(nearest?.feature.properties.sections ?? [])].filter((s) => typeof s === 'string');
  return {
    zone,
    place: nearest ? { id: nearest.feature.properties.id, km: nearest.km } : null,
    chapters,
  };
}

const KM_PER_DEGREE_LAT = 110.574;
const KM_PER_DEGREE_LON_AT_EQUATOR = 111.32;
const boxes = new WeakMap<PlanLikeFeature, [number, number, number, number] | null>();

/**
 * False only when the place's bounding box lies clearly farther than NEAR_KM from the pin, so
 * the geodesic distance (the costly part, ~0.1 ms a place) is measured for the few places near
 * it instead of all of them: placing is on the server's request path.
 */
function mayBeNear(at: Position, feature: PlanLikeFeature): boolean {
  let box = boxes.get(feature);
  if (box === undefined) {
    const geometry = feature.geometry;
    box = geometry ? boxOf(geometry) : null;
    boxes.set(feature, box);
  }
  if (!box) return true;
  const [lon, lat] = at as [number, number];
  // 10 % slack over the spherical figures covers the ellipsoid and any rounding.
  const marginLat = (1.1 * NEAR_KM) / KM_PER_DEGREE_LAT;
  const nearestLat = Math.min(Math.abs(lat) + marginLat, 89);
  const marginLon =
    (1.1 * NEAR_KM) / (KM_PER_DEGREE_LON_AT_EQUATOR * Math.cos((nearestLat * Math.PI) / 180));
  return (
    lat >= box[1] - marginLat &&
    lat <= box[3] + marginLat &&
    lon >= box[0] - marginLon &&
    lon <= box[2] + marginLon
  );
}

function boxOf(geometry: Geometry): [number, number, number, number] | null {
  const [w, s, e, n] = bbox(geometry);
  // Boxes across the antimeridian or empty geometries: no shortcut, measure.
  return Number.isFinite(w) && e - w < 180 ? [w, s, e, n] : null;
}
