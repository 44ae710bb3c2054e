import { z } from 'zod';
import {
  collectionOf,
  featureOf,
  LineStringGeometry,
  MultiPolygonGeometry,
  PointGeometry,
  PolygonGeometry,
} from './geojson.ts';

/** How a position was obtained: the app never shows a guess as a survey. */
export const Confidence = z.enum(['cited', 'estimated', 'schematic']);
export type Confidence = z.infer<typeof Confidence>;

const AreaGeometry = z.discriminatedUnion('type', [PolygonGeometry, MultiPolygonGeometry]);

const AdminProperties = z.looseObject({
  adcode: z.string().regex(/^\d{6}$/, 'adcode must be 6 digits'),
  name: z.string().min(1),
  label_point: z.tuple([z.number(), z.number()]).optional(),
  source: z.string().min(1),
  crs_note: z.string().min(1),
  name_current: z.string().optional(),
});

/** 临海市 outline (GCJ-02 source, converted to WGS-84). */
export const BoundaryCollection = collectionOf(featureOf(AreaGeometry, AdminProperties)).refine(
  (fc) => fc.features.length === 1 && fc.features[0]!.properties.adcode === '331082',
  'the boundary file must hold exactly one feature, adcode 331082 (临海市)',
);
export type BoundaryCollection = z.infer<typeof BoundaryCollection>;

/** The county-level units of 台州, for context and neighbour labels. */
export const CountyCollection = collectionOf(featureOf(AreaGeometry, AdminProperties));
export type CountyCollection = z.infer<typeof CountyCollection>;

/** GSHHG land polygons. */
export const LandCollection = collectionOf(
  featureOf(
    AreaGeometry,
    z.looseObject({ kind: z.literal('land'), source: z.string(), license: z.string() }),
  ),
);
export type LandCollection = z.infer<typeof LandCollection>;

/** GSHHG shoreline. */
export const CoastlineCollection = collectionOf(
  featureOf(
    LineStringGeometry,
    z.looseObject({ kind: z.literal('shoreline'), source: z.string(), license: z.string() }),
  ),
);
export type CoastlineCollection = z.infer<typeof CoastlineCollection>;

const SeatProperties = z
  .looseObject({
    code: z.string().regex(/^331082\d{3}$/, 'code must be a 9-digit NBS code under 331082'),
    name: z.string().regex(/(街道|镇)$/, 'name must end in 街道 or 镇'),
    kind: z.enum(['街道', '镇']),
    label: z.string().min(1),
    confidence: Confidence.exclude(['schematic']),
    uncertainty_km: z.number().positive().optional(),
    location_quality: z.string().min(1),
    source: z.string().min(1),
  })
  .refine(
    (p) => p.confidence !== 'estimated' || p.uncertainty_km !== undefined,
    'an estimated seat needs uncertainty_km',
  );

/** The 19 township-level seats (5 街道 + 14 镇). */
export const SeatCollection = collectionOf(featureOf(PointGeometry, SeatProperties)).refine(
  (fc) => fc.features.length === 19,
  'the seats file must hold all 19 township-level seats',
);
export type SeatCollection = z.infer<typeof SeatCollection>;
export type Seat = SeatCollection['features'][number];

const GazetteerProperties = z
  .looseObject({
    id: z.string().regex(/^lh-\d{3}$/),
    name_zh: z.string().min(1),
    name_en: z.string().min(1),
    category: z.enum([
      'station',
      'interchange',
      'port',
      'river_point',
      'town_seat',
      'landmark',
      'nature',
      'reservoir',
      'park',
    ]),
    source: z.string().min(1),
    source_crs: z.enum(['WGS-84', 'GCJ-02-converted']),
    confidence: Confidence.exclude(['schematic']),
    note: z.string().optional(),
    uncertainty_km: z.number().positive().optional(),
  })
  .refine(
    (p) => p.confidence !== 'estimated' || p.uncertainty_km !== undefined,
    'an estimated place needs uncertainty_km',
  );

/** Named places with cited or estimated coordinates. */
export const GazetteerCollection = collectionOf(featureOf(PointGeometry, GazetteerProperties));
export type GazetteerCollection = z.infer<typeof GazetteerCollection>;
export type GazetteerPlace = GazetteerCollection['features'][number];
