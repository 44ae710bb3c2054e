import { describe, expect, it } from 'vitest';
import { LAYERS } from '../data/features';
import { planDoc } from '../plan/fixtures/plan';
import { allSectionIds, quoteOccursIn } from '../plan/text';
import { cameraOptions, LINHAI_BBOX, stepAt, TOUR_STEPS, TourSteps } from './steps';

const sectionIds = new Set(allSectionIds(planDoc));

describe('tour steps', () => {
  it('pass the schema', () => {
    const result = TourSteps.safeParse(TOUR_STEPS);
    expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);
  });

  it('tell the story in the planned order', () => {
    expect(TOUR_STEPS.map((s) => s.title.zh)).toEqual([
      '一带三区',
      '中心城区',
      '湾区与头门港',
      '物流格局',
      '产业平台',
      '交通网络',
      '千年府城',
      '山海生态与旅游',
    ]);
  });

  it.each(TOUR_STEPS.map((s) => [s.id, s] as const))(
    '%s: quote occurs verbatim in its section',
    (_id, step) => {
      expect(sectionIds.has(step.section)).toBe(true);
      expect(quoteOccursIn(planDoc, [step.section], step.quote)).toBe(true);
      for (const id of step.related ?? []) expect(sectionIds.has(id), id).toBe(true);
    },
  );

  it('keep cameras inside Linhai and layers among the known ones', () => {
    for (const step of TOUR_STEPS) {
      const [lon, lat] = step.camera.center;
      expect(lon).toBeGreaterThanOrEqual(LINHAI_BBOX.west);
      expect(lon).toBeLessThanOrEqual(LINHAI_BBOX.east);
      expect(lat).toBeGreaterThanOrEqual(LINHAI_BBOX.south);
      expect(lat).toBeLessThanOrEqual(LINHAI_BBOX.north);
      for (const layer of step.layers) expect(LAYERS).toContain(layer);
      expect(new Set(step.layers).size).toBe(step.layers.length);
    }
  });

  it('reject a camera outside Linhai, an unknown layer or a bad section', () => {
    const step = TOUR_STEPS[0]!;
    expect(
      TourSteps.safeParse([{ ...step, camera: { center: [120, 28.8], zoom: 10 } }]).success,
    ).toBe(false);
    expect(TourSteps.safeParse([{ ...step, layers: ['nope'] }]).success).toBe(false);
    expect(TourSteps.safeParse([{ ...step, section: 'chapter 5' }]).success).toBe(false);
    expect(TourSteps.safeParse([step, step]).success).toBe(false);
  });

  it('does not accept a paraphrase as a quote', () => {
    expect(quoteOccursIn(planDoc, ['5.1'], '串联东部湾区、中部城区、西部城镇')).toBe(false);
  });
});

describe('helpers', () => {
  it('stepAt is 1-based and safe', () => {
    expect(stepAt(1)).toBe(TOUR_STEPS[0]);
    expect(stepAt(TOUR_STEPS.length)).toBe(TOUR_STEPS.at(-1));
    expect(stepAt(0)).toBeUndefined();
    expect(stepAt(TOUR_STEPS.length + 1)).toBeUndefined();
    expect(stepAt(1.5)).toBeUndefined();
    expect(stepAt(Number.NaN)).toBeUndefined();
  });

  it('cameraOptions resets bearing and pitch when a step has none', () => {
    expect(cameraOptions(TOUR_STEPS[0]!)).toEqual({
      center: [121.36, 28.85],
      zoom: 10,
      bearing: 0,
      pitch: 0,
    });
    expect(cameraOptions(stepAt(7)!)).toMatchObject({ bearing: -15, pitch: 40 });
  });
});
