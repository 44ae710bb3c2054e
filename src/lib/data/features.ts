import { z } from 'zod';
import { Confidence } from './basemap.ts';
import { collectionOf, featureOf, Geometry } from './geojson.ts';
import { LAYERS } from './layers.ts';
import { SECTION_REF_PATTERN } from './sectionRef.ts';

export { LAYERS } from './layers.ts';
export const Layer = z.enum(LAYERS);
export type Layer = z.infer<typeof Layer>;

/** Project status as read from the plan's wording. */
export const Status = z.enum(['existing', 'under_construction', 'planned', 'proposed']);
export type Status = z.infer<typeof Status>;

/** A section id ("5.1"), a chapter id ("5"), a box id ("box5") or a footnote ("fn3"). */
export const SectionRef = z
  .string()
  .regex(SECTION_REF_PATTERN, 'not a section, box, table or footnote id');

/** A gazetteer id (`lh-024`) or a 9-digit township seat code (`331082112`). */
export const AnchorRef = z
  .string()
  .regex(/^(lh-\d{3}|331082\d{3})$/, 'not a gazetteer id or seat code');

/** Zone ids used by `zone` and by the derived zone features. */
export const ZONE_IDS = ['zone-east', 'zone-central', 'zone-west'] as const;

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
    horizon: z.union([z.literal(2025), z.literal(2035)]).optional(),
    confidence: Confidence,
    /** Radius in km within which the true position lies; required for `estimated`. */
    uncertainty_km: z.number().positive().optional(),
    /** Where the position came from, in words (a gazetteer id, a source, or how it was drawn). */
    source: z.string().min(1),
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
  })
  .refine(
    (p) => p.confidence !== 'estimated' || p.uncertainty_km !== undefined,
    'an estimated feature needs uncertainty_km',
  );
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
