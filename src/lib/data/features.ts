import { z } from 'zod';
import { Confidence } from './basemap.ts';
import { Bilingual } from './bilingual.ts';
import { collectionOf, featureOf, Geometry } from './geojson.ts';
import { LAYERS, STATUSES } from './layers.ts';
import { PlanFacts } from './planFacts.ts';
import { SECTION_REF_PATTERN } from './sectionRef.ts';

export { LAYERS } from './layers.ts';
export const Layer = z.enum(LAYERS);
export type Layer = z.infer<typeof Layer>;

/** Project status as read from the plan's wording. */
export const Status = z.enum(STATUSES);
export type Status = z.infer<typeof Status>;

/** A section id ("5.1"), a chapter id ("5"), a box id ("box5") or a footnote ("fn3"). */
export const SectionRef = z
  .string()
  .regex(SECTION_REF_PATTERN, 'not a section, box, table or footnote id');

/** A gazetteer id (`lh-024`) or a 9-digit township seat code (`331082112`). */
export const AnchorRef = z
  .string()
  .regex(/^(lh-\d{3}|331082\d{3})$/, 'not a gazetteer id or seat code');

/**
 * Where a position came from. `gazetteer` / `seat`: placed at (or on) that point of
 * `gazetteer.geojson` / the seats file (`ref` = its id or code); `geonames` / `wikipedia`:
 * a coordinate read from that source (`ref` = its id or page); `derived`: computed at build
 * time (`derive`); `schematic`: a diagram drawn through the `anchors`; `knowledge`: placed
 * from general knowledge of the area with no coordinate found; `web`: from a web page
 * (`ref` = the site).
 */
export const SOURCE_KINDS = [
  'gazetteer',
  'seat',
  'geonames',
  'wikipedia',
  'derived',
  'schematic',
  'knowledge',
  'web',
] as const;
export const SourceKind = z.enum(SOURCE_KINDS);
export type SourceKind = z.infer<typeof SourceKind>;

/** A position's source, structured, with a note in both UI languages. */
export const FeatureSource = z
  .object({
    kind: SourceKind,
    /** The gazetteer id, seat code, GeoNames id, page or site the position was taken from. */
    ref: z.string().min(1).optional(),
    note: Bilingual,
  })
  .refine(
    (s) => (s.kind !== 'gazetteer' && s.kind !== 'seat') || AnchorRef.safeParse(s.ref).success,
    { message: 'a gazetteer or seat source needs its id or code as ref', path: ['ref'] },
  );
export type FeatureSource = z.infer<typeof FeatureSource>;

/**
 * The plan's horizon for a feature: 2025 (a 十四五 project or a 2025 target), 2035 (the
 * 到2035年 vision) or `null` when the plan gives no year for it (shown as 未注明).
 */
export const Horizon = z.union([z.literal(2025), z.literal(2035), z.null()]);
export type Horizon = z.infer<typeof Horizon>;

export { HORIZON_VALUES, horizonValue, type HorizonValue } from './horizon.ts';

/**
 * What backs a 2025 or 2035 horizon: a verbatim passage of a cited section that states the
 * year or the 十四五 period for it (e.g. a 专栏 title “十四五”期间…, or 到2035年…).
 */
export const HorizonBasis = z.object({
  section: SectionRef,
  quote: z.string().min(2),
});
export type HorizonBasis = z.infer<typeof HorizonBasis>;

/** Zone ids used by `zone` and by the derived zone features. */
export const ZONE_IDS = ['zone-east', 'zone-central', 'zone-west'] as const;
export type ZoneId = (typeof ZONE_IDS)[number];

/**
 * Geometry computed at build time: the union of the schematic town areas (Voronoi cells of
 * the 19 seats clipped to the city boundary) of the listed seats, by seat name (杜桥镇).
 */
export const Derive = z.object({
  kind: z.literal('town-union'),
  towns: z
    .array(z.string().regex(/(街道|镇)$/, 'a town must be a seat name ending in 街道 or 镇'))
    .min(1),
  /** Plan members that are not towns (浙江头门港经济开发区), lying inside the union. */
  includes: z.array(z.string().min(1)).optional(),
});
export type Derive = z.infer<typeof Derive>;

export const PlanFeatureProperties = z
  .object({
    /** Stable ASCII slug, used in URLs (`#feature=toumen-port`). */
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'id must be a lower-case ASCII slug'),
    /** Chinese name, as the plan writes it. */
    name: z.string().min(1),
    name_en: z.string().min(1),
    layer: Layer,
    /** The plan's own grouping, e.g. 一极 / 两核 / 东部湾区 / 三纵. */
    group: z.string().min(1).optional(),
    /** Every section, box or footnote whose text names this place. */
    sections: z.array(SectionRef).min(1, 'a feature must cite at least one section'),
    /** A sentence of the plan that names it (verbatim, whitespace aside). */
    quote: z.string().min(4),
    status: Status,
    /** The plan's wording the status was read from (建成, 加快推进, 规划建设, 谋划 …). */
    status_wording: z.string().min(1),
    /** 2025, 2035 or null (the plan gives no year): always stated, never left out. */
    horizon: Horizon,
    /** The passage that backs a 2025/2035 horizon; required unless horizon is null. */
    horizon_basis: HorizonBasis.optional(),
    confidence: Confidence,
    /** Radius in km within which the true position lies; required for `estimated`. */
    uncertainty_km: z.number().positive().optional(),
    /** Where the position came from: kind, reference and a note in Chinese and English. */
    source: FeatureSource,
    /** True for places outside the map window (e.g. 杭州湾 links) drawn at the edge. */
    off_map: z.boolean().optional(),
    /** Zone ids (zone-east …) this feature lies in; filled at build time for points. */
    zone: z.string().optional(),
    /** Zones a line or area crosses; filled at build time. */
    zones: z.array(z.string()).optional(),
    /** Where an area's name is drawn (on its largest part); filled at build time. */
    label_point: z.tuple([z.number(), z.number()]).optional(),
    /** Other spellings of the name in the plan text (for highlighting), e.g. 头门港综合保税区. */
    aliases: z.array(z.string().min(1)).optional(),
    /**
     * Gazetteer ids (`lh-024`) or seat codes (`331082112`) the position was taken from or drawn
     * through, in drawing order. Cited points must sit exactly on their single anchor (checked
     * at build time).
     */
    anchors: z.array(AnchorRef).optional(),
    /** How the geometry is derived at build time (zones, 中心城区): see `resolveDerivedGeometry`. */
    derive: Derive.optional(),
    /** An editorial remark: OCR spellings, ambiguous wording, what the position does not show. */
    note: z.string().min(1).optional(),
    /** Investment, lead body and years, where the plan states them (`planFacts.ts`). */
    ...PlanFacts,
  })
  .refine(
    (p) => p.confidence !== 'estimated' || p.uncertainty_km !== undefined,
    'an estimated feature needs uncertainty_km',
  )
  .refine((p) => p.horizon === null || p.horizon_basis !== undefined, {
    message: 'a 2025 or 2035 horizon needs horizon_basis (section and verbatim passage)',
    path: ['horizon_basis'],
  })
  .refine((p) => !p.horizon_basis || p.sections.includes(p.horizon_basis.section), {
    message: 'horizon_basis.section must be one of the cited sections',
    path: ['horizon_basis', 'section'],
  })
  .refine((p) => !p.years || p.years.to === p.horizon, {
    message: 'years.to must be the horizon (the year the plan sets is the target year)',
    path: ['years', 'to'],
  });
export type PlanFeatureProperties = z.infer<typeof PlanFeatureProperties>;

/** A published feature: geometry always present (derived geometry already resolved). */
export const PlanFeature = featureOf(Geometry, PlanFeatureProperties);
export type PlanFeature = z.infer<typeof PlanFeature>;

/**
 * A feature as authored in `geodata/plan-features.geojson`: geometry may be `null` when, and
 * only when, `properties.derive` says how to compute it (single source of truth: the seats and
 * the boundary, not a copied polygon).
 */
export const PlanFeatureSource = featureOf(Geometry.nullable(), PlanFeatureProperties).refine(
  (f) => (f.geometry === null) === (f.properties.derive !== undefined),
  'geometry must be null exactly when properties.derive is given',
);
export type PlanFeatureSource = z.infer<typeof PlanFeatureSource>;

export const PlanFeatureSourceCollection = collectionOf(PlanFeatureSource).refine(
  (fc) => new Set(fc.features.map((f) => f.properties.id)).size === fc.features.length,
  'feature ids must be unique',
);
export type PlanFeatureSourceCollection = z.infer<typeof PlanFeatureSourceCollection>;

export const PlanFeatureCollection = collectionOf(PlanFeature).refine(
  (fc) => new Set(fc.features.map((f) => f.properties.id)).size === fc.features.length,
  'feature ids must be unique',
);
export type PlanFeatureCollection = z.infer<typeof PlanFeatureCollection>;
