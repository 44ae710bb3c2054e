import { z } from 'zod';
import { Layer, SectionRef } from '../data/features';

/**
 * The guided tour: the plan's spatial story as data. Each step has a title in
 * both languages, a short verbatim quote from the plan and the section it
 * comes from (the test checks the quote occurs there with `quoteOccursIn`),
 * a camera inside Linhai and the layers it shows.
 */

/** Linhai's extent (WGS-84): every camera centre must lie inside. */
export const LINHAI_BBOX = { west: 120.82, south: 28.64, east: 121.94, north: 29.07 } as const;

export const TourCamera = z.object({
  center: z.tuple([
    z.number().min(LINHAI_BBOX.west).max(LINHAI_BBOX.east),
    z.number().min(LINHAI_BBOX.south).max(LINHAI_BBOX.north),
  ]),
  zoom: z.number().min(8).max(18),
  bearing: z.number().min(-180).max(180).optional(),
  pitch: z.number().min(0).max(60).optional(),
});
export type TourCamera = z.infer<typeof TourCamera>;

export const TourStep = z.object({
  /** Stable slug, for tests and analytics-free debugging. The hash uses the 1-based position. */
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  title: z.object({ zh: z.string().min(1), en: z.string().min(1) }),
  /** Verbatim from the plan (whitespace aside), short enough for a projector. */
  quote: z.string().min(4).max(60),
  /** The section, box or footnote the quote is taken from. */
  section: SectionRef,
  /** Further passages worth reading with this step. */
  related: z.array(SectionRef).optional(),
  camera: TourCamera,
  /**
   * What the step is about (W, S, E, N): on a screen too small for the camera's zoom (a
   * phone) the view zooms out until this fits beside the step card.
   */
  frame: z
    .tuple([z.number(), z.number(), z.number(), z.number()])
    .refine(([w, s, e, n]) => w < e && s < n, 'frame must be west, south, east, north'),
  /** Layers visible during the step; the others are hidden. */
  layers: z.array(Layer).min(1),
});
export type TourStep = z.infer<typeof TourStep>;

export const TourSteps = z
  .array(TourStep)
  .min(1)
  .refine(
    (steps) => new Set(steps.map((s) => s.id)).size === steps.length,
    'step ids must be unique',
  );

const WHOLE_CITY: TourCamera = { center: [121.36, 28.85], zoom: 10 };
/** 临海's extent, trimmed to the land the plan's places are on. */
const CITY_FRAME: [number, number, number, number] = [120.83, 28.65, 121.93, 29.06];

/** The tour, in order. */
export const TOUR_STEPS: readonly TourStep[] = [
  {
    id: 'one-belt-three-areas',
    title: { zh: '一带三区', en: 'One belt, three areas' },
    quote: '串联东部湾区、中部主城区、西部城镇',
    section: '5.1',
    camera: WHOLE_CITY,
    frame: CITY_FRAME,
    layers: ['zones', 'belt'],
  },
  {
    id: 'central-city',
    title: { zh: '中心城区', en: 'The central city' },
    quote: '优化“两带、四心、六组团”的城市空间结构，落实“东拓南进、拥江发展”战略',
    section: '5.2',
    camera: { center: [121.15, 28.85], zoom: 12.3 },
    frame: [121.09, 28.82, 121.21, 28.88],
    layers: ['zones', 'belt', 'roads'],
  },
  {
    id: 'bay-and-toumen-port',
    title: { zh: '湾区与头门港', en: 'The bay area and Toumen Port' },
    quote: '推进以头门港为龙头的多式联运发展，构筑“一港二航三联”的水路网络',
    section: '6.1',
    related: ['6.2', '6.3'],
    camera: { center: [121.69, 28.75], zoom: 11 },
    frame: [121.55, 28.68, 121.84, 28.83],
    layers: ['port', 'platforms', 'rail'],
  },
  {
    id: 'logistics',
    title: { zh: '物流格局', en: 'Logistics' },
    quote: '打造“一极引领、两核带动、三区整合、多点联动”的物流产业空间发展格局',
    section: '4.3',
    related: ['box5'],
    camera: { center: [121.35, 28.82], zoom: 10.2 },
    frame: [120.87, 28.68, 121.86, 28.98],
    layers: ['logistics', 'port', 'rail', 'expressways'],
  },
  {
    id: 'industrial-platforms',
    title: { zh: '产业平台', en: 'Industrial platforms' },
    quote: '着力构建两大开发区为引领、特色产业园为支撑、若干个小微企业园为补充的产业平台体系',
    section: '4.4',
    related: ['box7'],
    camera: { center: [121.38, 28.8], zoom: 10.3 },
    frame: [120.95, 28.7, 121.85, 28.93],
    layers: ['platforms', 'zones'],
  },
  {
    id: 'transport',
    title: { zh: '交通网络', en: 'Transport network' },
    quote: '与现有的沿海高速、台金高速等构建“三纵一横两连”高速公路网',
    section: '8.1',
    related: ['fn3'],
    camera: WHOLE_CITY,
    frame: CITY_FRAME,
    layers: ['rail', 'expressways', 'roads'],
  },
  {
    id: 'ancient-prefecture-city',
    title: { zh: '千年府城', en: 'The ancient prefecture city' },
    quote: '推动临海古长城“中国明清城墙”项目申请列入世界文化遗产名录',
    section: '9.2',
    camera: { center: [121.11, 28.849], zoom: 14.5, bearing: -15, pitch: 40 },
    frame: [121.1, 28.843, 121.12, 28.855],
    layers: ['culture'],
  },
  {
    id: 'mountains-river-sea',
    title: { zh: '山海生态与旅游', en: 'Mountains, river and sea' },
    quote: '加强三山（括苍山、大雷山、兰田山）一江（灵江）一海（东海）生态系统保护',
    section: '10.1',
    related: ['fn1', 'box8'],
    camera: WHOLE_CITY,
    frame: CITY_FRAME,
    layers: ['ecology', 'water', 'culture'],
  },
];

/** The step at a 1-based position (as in `#tour=3`), or undefined. */
export function stepAt(
  position: number,
  steps: readonly TourStep[] = TOUR_STEPS,
): TourStep | undefined {
  return Number.isInteger(position) && position >= 1 ? steps[position - 1] : undefined;
}

/**
 * Camera options for `map.flyTo` / `map.jumpTo` (jump under `prefers-reduced-motion`).
 * Bearing and pitch default to 0, so a step without them resets a tilted view.
 */
export function cameraOptions(step: TourStep): {
  center: [number, number];
  zoom: number;
  bearing: number;
  pitch: number;
} {
  const { center, zoom, bearing = 0, pitch = 0 } = step.camera;
  return { center: [center[0], center[1]], zoom, bearing, pitch };
}
