import { z } from 'zod';
import { Confidence } from './basemap';
import { collectionOf, featureOf, Geometry } from './geojson';

/**
 * The map layers, grouped the way the plan groups things. Order is drawing and legend order.
 */
export const LAYERS = [
  'zones', // 一带三区 zones, 中心城区 (5.1, 5.2)
  'belt', // 一带, 两带 corridors (5.1, 5.2)
  'platforms', // industrial platforms, parks, 商圈 (专栏七, 4.x, 3.2)
  'logistics', // 一极两核三区多点 (专栏五, 6.1)
  'port', // 头门港, wharves (6.1, 6.3)
  'rail', // rail and 市域铁路 (8.1, 7.x)
  'expressways', // 三纵一横两连 (8.1)
  'roads', // 国省道 五纵二横, 一绕一横三纵, 快速通道, bridges (8.1, 7.3)
  'airports', // 通用机场 (8.1)
  'culture', // 一心两翼多极点, heritage, tourism (9.x, footnote 1)
  'ecology', // 三山一江一海, parks, islands (10.x)
  'water', // 专栏八 water works (8.3)
  'utilities', // energy, municipal (8.2, 8.3, 8.4)
  'public', // health, education (11.x)
] as const;
export const Layer = z.enum(LAYERS);
export type Layer = z.infer<typeof Layer>;

/** Project status as read from the plan's wording. */
export const Status = z.enum(['existing', 'under_construction', 'planned', 'proposed']);
export type Status = z.infer<typeof Status>;

/** A section id ("5.1"), a chapter id ("5"), a box id ("box5") or a footnote ("fn3"). */
export const SectionRef = z
  .string()
  .regex(/^(\d{1,2}(\.\d{1,2})?|box\d{1,2}|table[12]|fn\d{1,2})$/, 'not a section, box, table or footnote id');

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
  })
  .refine(
    (p) => p.confidence !== 'estimated' || p.uncertainty_km !== undefined,
    'an estimated feature needs uncertainty_km',
  );
export type PlanFeatureProperties = z.infer<typeof PlanFeatureProperties>;

export const PlanFeature = featureOf(Geometry, PlanFeatureProperties);
export type PlanFeature = z.infer<typeof PlanFeature>;

export const PlanFeatureCollection = collectionOf(PlanFeature).refine(
  (fc) => new Set(fc.features.map((f) => f.properties.id)).size === fc.features.length,
  'feature ids must be unique',
);
export type PlanFeatureCollection = z.infer<typeof PlanFeatureCollection>;
