import { z } from 'zod';

/**
 * RFC 7946 geometry schemas shared by the shipped geodata and by user imports.
 * Coordinates must be finite WGS-84 lon/lat; rings must be closed. Winding is
 * not enforced here (imports are rewound; shipped files are checked in tests).
 */

const lon = z.number().min(-180, 'longitude below −180').max(180, 'longitude above 180');
const lat = z.number().min(-90, 'latitude below −90').max(90, 'latitude above 90');

export const Position = z.union([z.tuple([lon, lat]), z.tuple([lon, lat, z.number()])]);
export type Position = z.infer<typeof Position>;

const samePosition = (a: Position, b: Position) => a[0] === b[0] && a[1] === b[1];

export const LinearRing = z
  .array(Position)
  .min(4, 'a ring needs at least 4 positions')
  .refine((ring) => samePosition(ring[0]!, ring[ring.length - 1]!), 'ring is not closed');

export const PointGeometry = z.object({ type: z.literal('Point'), coordinates: Position });
export const MultiPointGeometry = z.object({
  type: z.literal('MultiPoint'),
  coordinates: z.array(Position),
});
export const LineStringGeometry = z.object({
  type: z.literal('LineString'),
  coordinates: z.array(Position).min(2, 'a line needs at least 2 positions'),
});
export const MultiLineStringGeometry = z.object({
  type: z.literal('MultiLineString'),
  coordinates: z.array(z.array(Position).min(2, 'a line needs at least 2 positions')),
});
export const PolygonGeometry = z.object({
  type: z.literal('Polygon'),
  coordinates: z.array(LinearRing).min(1, 'a polygon needs an outer ring'),
});
export const MultiPolygonGeometry = z.object({
  type: z.literal('MultiPolygon'),
  coordinates: z.array(z.array(LinearRing).min(1, 'a polygon needs an outer ring')),
});

/** The six RFC 7946 geometry types we draw (GeometryCollection is exploded by the import). */
export const GeometryType = z.enum([
  'Point',
  'MultiPoint',
  'LineString',
  'MultiLineString',
  'Polygon',
  'MultiPolygon',
]);
export type GeometryType = z.infer<typeof GeometryType>;
/** The same list, in the order messages name them. */
export const GEOMETRY_TYPES = GeometryType.options;
/** How many list levels sit above the positions for each type. */
export const POSITION_LEVELS: Record<GeometryType, number> = {
  Point: 0,
  MultiPoint: 1,
  LineString: 1,
  MultiLineString: 2,
  Polygon: 2,
  MultiPolygon: 3,
};

export const Geometry = z.discriminatedUnion('type', [
  PointGeometry,
  MultiPointGeometry,
  LineStringGeometry,
  MultiLineStringGeometry,
  PolygonGeometry,
  MultiPolygonGeometry,
]);
export type Geometry = z.infer<typeof Geometry>;

/** A Feature schema with the given geometry and properties schemas. */
export function featureOf<G extends z.ZodType, P extends z.ZodType>(geometry: G, properties: P) {
  return z.object({
    type: z.literal('Feature'),
    id: z.union([z.string(), z.number()]).optional(),
    geometry,
    properties,
  });
}

/** A FeatureCollection schema whose features follow `feature`. */
export function collectionOf<F extends z.ZodType>(feature: F) {
  return z.looseObject({
    type: z.literal('FeatureCollection'),
    features: z.array(feature),
  });
}
