import { readFileSync } from 'node:fs';
import { booleanPointInPolygon, bbox } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import type { CommentKind } from '../../src/lib/comments/schema';
import type { AnswerRequest } from '../../src/lib/consultation/api';
import type { PlanLikeFeature } from '../../src/lib/geo/input';

/**
 * What a large consultation in Linhai looks like, for the report benchmark:
 * pins around the plan's places (most people comment on a place they know)
 * and anywhere in the county, texts and replies of the length people write,
 * from one seeded random source so every run seeds the same session.
 */

/** A small seeded PRNG (mulberry32): the same session on every run. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Rng = () => number;
export const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;

/** One of `weights`' keys, each as likely as its weight. */
export function weighted<K extends string>(rng: Rng, weights: Record<K, number>): K {
  const entries = Object.entries(weights) as [K, number][];
  let x = rng() * entries.reduce((sum, [, w]) => sum + w, 0);
  for (const [key, w] of entries) if ((x -= w) < 0) return key;
  return entries.at(-1)![0];
}

const KM_PER_DEGREE = 111.32;

/** The county's outline (geodata/linhai-boundary.geojson), for pins anywhere in Linhai. */
function boundary(): Feature<Polygon | MultiPolygon> {
  const url = new URL('../../geodata/linhai-boundary.geojson', import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')).features[0];
}

export interface Pin {
  at: Position;
  /** The plan place the pin was dropped near (its name goes into the text), if any. */
  near: PlanLikeFeature | null;
}

/**
 * Pins: `nearShare` of them within a few km of a plan place (a point, or a
 * vertex of a line), the others anywhere inside the county's boundary.
 */
export function pins(
  rng: Rng,
  places: readonly PlanLikeFeature[],
  count: number,
  nearShare = 0.65,
): Pin[] {
  const county = boundary();
  const [w, s, e, n] = bbox(county);
  const result: Pin[] = [];
  while (result.length < count) {
    if (rng() < nearShare) {
      const place = pick(rng, places);
      const geometry = place.geometry!;
      const base =
        geometry.type === 'Point'
          ? geometry.coordinates
          : geometry.type === 'LineString'
            ? pick(rng, geometry.coordinates)
            : geometry.type === 'MultiLineString'
              ? pick(rng, pick(rng, geometry.coordinates))
              : null;
      if (!base) continue;
      // Most within 2 km of the place, a tail farther out (placed at no place then).
      const km = Math.abs(gaussian(rng)) * 1.3;
      const bearing = rng() * 2 * Math.PI;
      const lat = base[1]! + (km * Math.cos(bearing)) / KM_PER_DEGREE;
      const lon =
        base[0]! + (km * Math.sin(bearing)) / (KM_PER_DEGREE * Math.cos((lat * Math.PI) / 180));
      result.push({ at: [round6(lon), round6(lat)], near: place });
    } else {
      const at = [round6(w + rng() * (e - w)), round6(s + rng() * (n - s))];
      if (booleanPointInPolygon(at, county)) result.push({ at, near: null });
    }
  }
  return result;
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

function gaussian(rng: Rng): number {
  return Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
}

export const KIND_WEIGHTS: Record<CommentKind, number> = {
  concern: 32,
  idea: 30,
  support: 22,
  question: 16,
};

const OPENERS: Record<CommentKind, readonly string[]> = {
  support: ['支持', '非常赞成', '同意规划中提出的', '作为本地居民，支持'],
  concern: ['担心', '希望重视', '反映一个问题：', '建议慎重考虑'],
  idea: ['建议', '可否考虑', '提议加快', '希望规划增加'],
  question: ['请问', '想了解一下', '咨询：', '不太清楚'],
};

const SUBJECTS = [
  '道路拓宽改造',
  '周边停车难问题',
  '公交线路加密和站点优化',
  '污水管网改造',
  '老旧小区加装电梯',
  '滨水绿道建设',
  '农贸市场改造提升',
  '中小学学位供给',
  '社区卫生服务中心建设',
  '工业园区噪声和废气治理',
  '海塘安澜工程',
  '古城保护与活化利用',
  '文旅融合和民宿发展',
  '农村生活垃圾分类',
  '山区群众出行',
  '快递物流网点布局',
  '新能源汽车充电桩布局',
  '防洪排涝能力',
  '体育公园和健身步道',
  '居家养老服务设施',
];

const DETAILS = [
  '上下班高峰期拥堵严重，孩子上学也不安全',
  '晚上路灯不足，存在安全隐患',
  '周边居民越来越多，但配套一直跟不上',
  '希望明确建设时间表和资金来源',
  '建议充分听取村民意见后再实施',
  '施工期间请做好交通疏导和噪声控制',
  '可以参考台州市区和周边县市的成熟做法',
  '希望优先解决老人和儿童的出行问题',
  '每年雨季都有积水，低洼地段尤其严重',
  '建议与已有规划做好衔接，避免重复建设',
  '现在的设施已经使用二十多年，老化明显',
  '周末游客多，临时停车和如厕都不方便',
];

const ASKS = [
  '希望尽快落实',
  '请相关部门研究',
  '能否在“十四五”期间完成',
  '期待早日见到成效',
  '希望公开进展情况',
];

/** A comment's text, one to four sentences (about 25 to 180 characters), now and then a long one. */
export function commentText(rng: Rng, kind: CommentKind, placeName: string | null): string {
  const sentences = 1 + Math.floor(rng() * (rng() < 0.05 ? 10 : 4));
  const parts: string[] = [];
  for (let i = 0; i < sentences; i++) {
    const where = placeName && i === 0 ? placeName : '';
    const ask = rng() < 0.5 ? `，${pick(rng, ASKS)}` : '';
    parts.push(
      `${pick(rng, OPENERS[kind])}${where}${pick(rng, SUBJECTS)}，${pick(rng, DETAILS)}${ask}。`,
    );
  }
  return parts.join('');
}

export const ANSWER_WEIGHTS: Record<AnswerRequest['state'], number> = {
  adopted: 25,
  partly: 20,
  rejected: 15,
  in_plan: 20,
  studying: 20,
};

const REPLIES: Record<AnswerRequest['state'], readonly string[]> = {
  adopted: [
    '感谢您的意见，已纳入年度实施计划。',
    '意见已采纳，相关项目将在规划实施中落实，届时将公开进展。',
  ],
  partly: [
    '感谢您的意见，部分内容已吸纳进规划文本，其余将结合实际逐步推进。',
    '已部分采纳：建设内容纳入规划，具体时序需根据财力统筹安排。',
  ],
  rejected: ['感谢您的关注。', '感谢参与，意见已转交相关部门研究处理。'],
  in_plan: [
    '规划中已有相应安排，详见所列章节。',
    '该事项规划已有安排，实施中将充分考虑您提出的具体问题。',
  ],
  studying: [
    '感谢您的意见，正在会同有关部门研究，研究结果将及时反馈。',
    '该意见涉及多个部门，目前正在研究论证中。',
  ],
};

const REASONS = [
  '不属于本规划范围，已转交相关部门',
  '与上位规划和国土空间管控要求不一致',
  '现阶段财力难以支撑，将在下一轮规划中研究',
];

/** A facilitator's answer in `state`, with a reply (and a reason, a section where its state needs one). */
export function answer(
  rng: Rng,
  state: AnswerRequest['state'],
  sections: readonly string[],
): AnswerRequest {
  const reply = pick(rng, REPLIES[state]) + (rng() < 0.4 ? pick(rng, REPLIES.studying) : '');
  return {
    state,
    reply,
    ...(state === 'rejected' ? { reason: pick(rng, REASONS) } : {}),
    ...(state === 'in_plan' && sections.length ? { section: pick(rng, sections) } : {}),
  };
}
