import { describe, expect, it } from 'vitest';
import { placeholders } from './index';
import { closingEn, closingZh } from './closingStrings';

describe('closing strings (deadline, reader counts)', () => {
  it('has the same keys and placeholders in both languages', () => {
    expect(Object.keys(closingEn).sort()).toEqual(Object.keys(closingZh).sort());
    for (const key of Object.keys(closingZh) as (keyof typeof closingZh)[]) {
      expect(placeholders(closingEn[key]), key).toEqual(placeholders(closingZh[key]));
    }
  });
  it('English has no Chinese', () => {
    for (const [key, value] of Object.entries(closingEn)) {
      expect(value, key).not.toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
