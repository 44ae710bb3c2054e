import { area, booleanIntersects, booleanPointInPolygon, pointOnFeature } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { townAreas, unionAll, zoneAreas, ZONE_MEMBERSHIP, type Area } from '../geo/townAreas.ts';
import type { BoundaryCollection, GazetteerCollection, SeatCollection } from './basemap';
import type { DataOutput, DerivedStep } from './datasets';
import {
  PlanFeatureCollection,
  PlanFeatureSourceCollection,
  type PlanFeature,
  type PlanFeatureSource,
} from './features.ts';
import { DataError, parseJson, validateData } from './validate.ts';

/** The authored file in `geodata/`. */
export const PLAN_FEATURES_SOURCE = 'plan-features.geojson';
/** The published file in `dist/data/`. */
export const PLAN_FEATURES_OUTPUT = 'features.geojson';

/** What `buildFeaturesGeojson` needs: the authored features (unvalidated JSON) and the base map. */
export interface FeaturesInputs {
  planFeatures: unknown;
  seats: SeatCollection;
  boundary: BoundaryCollection;
  gazetteer: GazetteerCollection;
}

function asCollection<G extends Area>(
  fc: FeatureCollection<G> | { features: Feature<G>[] },
): FeatureCollection<G> {
  return { type: 'FeatureCollection', features: fc.features };
}

/** The schematic town areas (Voronoi cells of the seats clipped to the boundary). */
export function seatTownAreas(seats: SeatCollection, boundary: BoundaryCollection) {
  return townAreas(
    seats as unknown as FeatureCollection<Point>,
    asCollection<Polygon | MultiPolygon>(boundary as unknown as FeatureCollection<Area>),
  );
}

/**
 * Fill the geometry of every feature that has `properties.derive` (the zones and the
 * 中心城区): the union of the schematic town areas of the listed seats. Pure; the
 * input is not modified.
 * @param towns precomputed `seatTownAreas(seats, boundary)`, to avoid computing them twice
 * @throws DataError if a derive names a seat that is not in the seats file
 */
export function resolveDerivedGeometry(
  features: PlanFeatureSourceCollection,
  seats: SeatCollection,
  boundary: BoundaryCollection,
  towns?: ReturnType<typeof seatTownAreas>,
): PlanFeatureCollection {
  const seatNames = new Set(seats.features.map((s) => s.properties.name));
  const derived = features.features.filter((f) => f.properties.derive);
  for (const f of derived)
    for (const name of f.properties.derive!.towns)
      if (!seatNames.has(name))
        throw new DataError(
          `${PLAN_FEATURES_SOURCE}: ${f.properties.id} derives from unknown seat ${name}`,
        );
  const areas = derived.length ? (towns ?? seatTownAreas(seats, boundary)) : undefined;
  const byName = new Map(areas?.features.map((t) => [t.properties.name, t]) ?? []);
  const resolved = features.features.map((f): PlanFeature => {
    const derive = f.properties.derive;
    if (!derive) return f as PlanFeature;
    const merged = unionAll(derive.towns.map((name) => byName.get(name)!));
    if (!merged) throw new DataError(`${PLAN_FEATURES_SOURCE}: ${f.properties.id} has no towns`);
    return { ...f, geometry: merged.geometry } as PlanFeature;
  });
  return { ...features, type: 'FeatureCollection', features: resolved } as PlanFeatureCollection;
}

/**
 * Set `properties.zone` (zone-east / zone-central / zone-west) on every Point feature and
 * `properties.zones` (every zone crossed) on lines and areas, from the schematic zone
 * areas. Features outside all zones (offshore label points) get none.
 */
export function assignZones(
  features: PlanFeatureCollection,
  zones: FeatureCollection<Area, { id: string }>,
): PlanFeatureCollection {
  const out = features.features.map((f) => {
    if (f.properties.off_map || f.properties.derive) return f;
    if (f.geometry.type === 'Point') {
      const point = f.geometry.coordinates;
      const zone = zones.features.find((z) => booleanPointInPolygon(point, z));
      return zone ? { ...f, properties: { ...f.properties, zone: zone.properties.id } } : f;
    }
    const crossed = zones.features
      .filter((z) => booleanIntersects(f as Feature, z))
      .map((z) => z.properties.id);
    return crossed.length ? { ...f, properties: { ...f.properties, zones: crossed } } : f;
  });
  return { ...features, features: out };
}

/**
 * Give every area a `label_point` on its largest part, so a MultiPolygon zone is named
 * once (not once per island) and the name sits inside the shape.
 */
export function addLabelPoints(features: PlanFeatureCollection): PlanFeatureCollection {
  const out = features.features.map((f) => {
    const g = f.geometry;
    if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') return f;
    const parts = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    const largest = parts
      .map((coordinates) => ({ type: 'Polygon' as const, coordinates }))
      .sort((a, b) => area(b) - area(a))[0]!;
    const [lon, lat] = pointOnFeature(largest).geometry.coordinates as [number, number];
    const label_point: [number, number] = [+lon.toFixed(5), +lat.toFixed(5)];
    return { ...f, properties: { ...f.properties, label_point } };
  });
  return { ...features, features: out };
}

const samePoint = (a: number[], b: number[]) => a[0] === b[0] && a[1] === b[1];

/**
 * Check that every anchor exists, and that a cited Point sits exactly on its single anchor
 * (so a cited position can never drift from the gazetteer or the seats file).
 * @returns a list of problems, empty when consistent
 */
export function checkAnchors(
  features: { features: PlanFeatureSource[] },
  seats: SeatCollection,
  gazetteer: GazetteerCollection,
): string[] {
  const where = new Map<string, { coordinates: number[]; confidence: string }>();
  for (const g of gazetteer.features)
    where.set(g.properties.id, {
      coordinates: g.geometry.coordinates,
      confidence: g.properties.confidence,
    });
  for (const s of seats.features)
    where.set(s.properties.code, {
      coordinates: s.geometry.coordinates,
      confidence: s.properties.confidence,
    });
  const problems: string[] = [];
  for (const f of features.features) {
    const { id, anchors = [], confidence } = f.properties;
    for (const a of anchors) if (!where.has(a)) problems.push(`${id}: unknown anchor ${a}`);
    if (confidence !== 'cited') continue;
    const anchor = anchors.length === 1 ? where.get(anchors[0]!) : undefined;
    if (f.geometry?.type !== 'Point' || !anchor) {
      problems.push(`${id}: a cited feature must be a Point with exactly one anchor`);
    } else if (anchor.confidence !== 'cited') {
      problems.push(`${id}: cited, but its anchor ${anchors[0]} is only ${anchor.confidence}`);
    } else if (!samePoint(f.geometry.coordinates, anchor.coordinates)) {
      problems.push(`${id}: cited position differs from its anchor ${anchors[0]}`);
    }
  }
  return problems;
}

/**
 * Build the published `features.geojson`: validate the authored features, check their
 * anchors against the gazetteer and seats, fill derived geometry (zones, 中心城区), set
 * `zone` on points, and validate the result as RFC 7946 plan features.
 * @throws DataError naming the feature and the reason
 */
export function buildFeaturesGeojson(inputs: FeaturesInputs): {
  fileName: 'features.geojson';
  text: string;
} {
  const file = `geodata/${PLAN_FEATURES_SOURCE}`;
  const source = validateData(file, PlanFeatureSourceCollection, inputs.planFeatures);
  const problems = checkAnchors(source, inputs.seats, inputs.gazetteer);
  if (problems.length) throw new DataError(problems.map((p) => `${file}: ${p}`).join('\n'));
  const towns = seatTownAreas(inputs.seats, inputs.boundary);
  const resolved = resolveDerivedGeometry(source, inputs.seats, inputs.boundary, towns);
  const zoned = addLabelPoints(assignZones(resolved, zoneAreas(towns, ZONE_MEMBERSHIP)));
  const published = validateData(`data/${PLAN_FEATURES_OUTPUT}`, PlanFeatureCollection, zoned);
  return { fileName: PLAN_FEATURES_OUTPUT, text: JSON.stringify(published) };
}

/**
 * A build step for `buildDatasets`: reads `geodata/plan-features.geojson` with `read` and
 * takes the validated seats, boundary and gazetteer from the base-map inputs.
 */
export function planFeaturesStep(read: (source: string) => string): DerivedStep {
  return (inputs: Map<string, unknown>): DataOutput[] => [
    buildFeaturesGeojson({
      planFeatures: parseJson(`geodata/${PLAN_FEATURES_SOURCE}`, read(PLAN_FEATURES_SOURCE)),
      seats: inputs.get('linhai-township-seats.geojson') as SeatCollection,
      boundary: inputs.get('linhai-boundary.geojson') as BoundaryCollection,
      gazetteer: inputs.get('gazetteer.geojson') as GazetteerCollection,
    }),
  ];
}
