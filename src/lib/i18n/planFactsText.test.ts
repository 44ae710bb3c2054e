import { describe, expect, it } from 'vitest';
import type { Investment } from '../data/planFacts';
import { investmentText, yearsText } from './planFactsText';

const flood: Investment = {
  amount_yi: 58.33,
  approx: false,
  scope: 'programme',
  programme: { zh: '专栏八 防洪保安工程', en: 'Box 8, flood-protection works' },
  item: { zh: '海塘安澜', en: 'seawall safety' },
  section: 'box8',
  quote: '…“十四五”期间投资58.33亿元。',
};

describe('investment and years in words', () => {
  it('says a programme total is the programme’s, not the project’s', () => {
    expect(investmentText(flood, 'zh')).toBe(
      '专栏八 防洪保安工程合计 58.33 亿元（含海塘安澜；本项目份额未注明）',
    );
    expect(investmentText(flood, 'en')).toBe(
      '58.33 × 100 million yuan in total for Box 8, flood-protection works (incl. seawall safety; this project’s share not stated)',
    );
  });

  it('writes a period, an end year or 未注明', () => {
    const y = { section: '1.5', quote: '“十四五”…' };
    expect(yearsText({ ...y, from: 2021, to: 2025 }, 'zh')).toBe('2021–2025 年');
    expect(yearsText({ ...y, from: null, to: 2025 }, 'en')).toBe('by 2025 (start not stated)');
    expect(yearsText(undefined, 'zh')).toBe('未注明');
    expect(investmentText(undefined, 'en')).toBe('not stated');
  });
});
