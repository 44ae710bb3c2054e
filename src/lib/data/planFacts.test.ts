import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../plan/parse';
import { quoteOccursIn } from '../plan/text';
import { PlanFeatureProperties, PlanFeatureSourceCollection } from './features';
import { Investment, Years } from './planFacts';
import { UnplacedList } from './unplaced';

/**
 * Investment, lead body and years are figures of the plan: each must be stated, in so many
 * words, by the passage it carries, and that passage must be in the plan's section.
 */
const root = join(import.meta.dirname, '../../..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const doc = parsePlan(read('src/content/linhai-14th-five-year-plan.md'));
const features = PlanFeatureSourceCollection.parse(
  JSON.parse(read('geodata/plan-features.geojson')),
).features.map((f) => f.properties);
const unplaced = UnplacedList.parse(JSON.parse(read('geodata/unplaced.json'))).places;
const places = [
  ...features.map((p) => ({ ...p, key: p.id })),
  ...unplaced.map((p) => ({ ...p, key: p.name })),
];
const squeeze = (s: string) => s.replace(/\s/g, '');
const byKey = new Map(places.map((p) => [p.key, p]));

describe('investments, lead bodies and years', () => {
  it('carry passages that occur in their sections', () => {
    for (const p of places)
      for (const fact of [p.investment, p.lead, p.years])
        if (fact)
          expect(quoteOccursIn(doc, [fact.section], fact.quote), `${p.key}: ${fact.quote}`).toBe(
            true,
          );
  });

  it('state each investment figure in its passage (约 only where the plan says 约)', () => {
    const withInvestment = places.filter((p) => p.investment);
    expect(withInvestment.length).toBeGreaterThan(0);
    for (const { key, investment: i } of withInvestment) {
      const q = squeeze(i!.quote);
      expect(q, key).toContain(`${i!.approx ? '约' : ''}${i!.amount_yi}亿元`);
      if (!i!.approx) expect(q, key).not.toMatch(new RegExp(`约${i!.amount_yi}亿元`));
      if (i!.item) expect(q, `${key}: the programme names its kind of work`).toContain(i!.item.zh);
    }
  });

  it('match the figures of the plan text', () => {
    // 8.1: “十四五”期间，完成航空总投资约 2 亿元 (the general airport is not on the map: no site)
    expect(byKey.get('临海市通用机场')!.investment).toMatchObject({ amount_yi: 2, approx: true });
    // 专栏八 1. 防洪保安工程 … “十四五”期间投资 58.33 亿元; 2. 水资源协同保障工程 … 5.29 亿元
    expect(byKey.get('nanyang-seawall')!.investment).toMatchObject({
      amount_yi: 58.33,
      scope: 'programme',
      item: { zh: '海塘安澜' },
    });
    expect(byKey.get('fangxi-reservoir')!.investment).toMatchObject({ amount_yi: 5.29 });
    expect(byKey.get('dongcheng-lighting-park')!.lead!.name).toBe('东塍镇');
    expect(byKey.get('nanyangtu-shoreline')!.years).toMatchObject({ from: null, to: 2025 });
    // the plan is silent on 吉利汽车临海产业园's investment and years
    expect(byKey.get('geely-park')!.investment).toBeUndefined();
    expect(byKey.get('geely-park')!.years).toBeUndefined();
  });

  it('name the lead body and the place in the same passage', () => {
    for (const p of places) {
      if (!p.lead) continue;
      const q = squeeze(p.lead.quote);
      expect(q, p.key).toContain(p.lead.name);
      const names = [p.name, ...(p.aliases ?? [])].map(squeeze);
      expect(
        names.some((n) => q.includes(n)),
        `${p.key}: the passage must name it`,
      ).toBe(true);
    }
  });

  it('state the years in the passage: a year, or the 十四五 period for 2021–2025', () => {
    for (const p of places) {
      if (!p.years) continue;
      const { from, to, quote } = p.years;
      const q = squeeze(quote);
      if (from === null) expect(q, p.key).toContain(`到${to}年`);
      else {
        expect(q, p.key).toContain('十四五');
        expect([from, to], p.key).toEqual([2021, 2025]);
      }
    }
  });

  it('refuse a programme total without its programme, reversed years, and years off the horizon', () => {
    const base = { amount_yi: 1, approx: false, section: 'box8', quote: '投资1亿元' };
    expect(Investment.safeParse({ ...base, scope: 'programme' }).success).toBe(false);
    expect(Investment.safeParse({ ...base, scope: 'project' }).success).toBe(true);
    expect(
      Years.safeParse({ from: 2025, to: 2021, section: '1.5', quote: '十四五期间' }).success,
    ).toBe(false);
    const p = features.find((f) => f.id === 'nanyangtu-shoreline')!;
    const off = PlanFeatureProperties.safeParse({ ...p, horizon: null, horizon_basis: undefined });
    expect(off.success).toBe(false);
    expect(JSON.stringify(off.error?.issues)).toContain('years');
  });
});
