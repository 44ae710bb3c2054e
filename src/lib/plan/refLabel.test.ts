import { describe, expect, it } from 'vitest';
import { planDoc as doc } from './fixtures/plan';
import { sectionRefLabel } from './refLabel';
import { allSectionIds } from './text';

describe('sectionRefLabel', () => {
  it('uses the plan’s own Chinese labels for boxes and tables', () => {
    expect(sectionRefLabel('box5', doc, 'zh')).toBe('专栏五');
    expect(sectionRefLabel('box10', doc, 'zh')).toBe('专栏十');
    expect(sectionRefLabel('table2', doc, 'zh')).toBe('表二');
    expect(sectionRefLabel('fn3', doc, 'zh')).toBe('注3');
    expect(sectionRefLabel('5.1', doc, 'zh')).toBe('第 5.1 节');
  });

  it('names the parts in English', () => {
    expect(sectionRefLabel('box5', doc, 'en')).toBe('Box 5');
    expect(sectionRefLabel('table2', doc, 'en')).toBe('Table 2');
    expect(sectionRefLabel('fn3', doc, 'en')).toBe('Note 3');
    expect(sectionRefLabel('5.1', doc, 'en')).toBe('Section 5.1');
  });

  it('never shows a raw id, even before the plan has loaded', () => {
    expect(sectionRefLabel('box5', null, 'zh')).toBe('专栏5');
    for (const lang of ['zh', 'en'] as const) {
      for (const id of allSectionIds(doc)) {
        const label = sectionRefLabel(id, doc, lang);
        expect(label).not.toMatch(/\b(box|table|fn)\d/);
        expect(label).not.toBe(id);
      }
    }
  });
});
