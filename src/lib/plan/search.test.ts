import { describe, expect, it } from 'vitest';
import { planDoc as doc } from './fixtures/plan';
import { searchPlan } from './search';
import { allSectionIds } from './text';

describe('searchPlan', () => {
  it('finds 头门港 in many sections, in reading order', () => {
    const hits = searchPlan(doc, '头门港');
    const sections = [...new Set(hits.map((h) => h.sectionId))];
    expect(sections.length).toBeGreaterThanOrEqual(8);
    expect(sections).toEqual(expect.arrayContaining(['3.1', '6.1', '6.2', '7.2', '8.2']));
    const order = allSectionIds(doc);
    const positions = hits.map((h) => order.indexOf(h.targetId));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    // Boxes and the figure-free 专栏 text are searched too.
    expect(hits.some((h) => h.targetId === 'box5' && h.sectionId === '4.3')).toBe(true);
    expect(hits.some((h) => h.targetId === 'box7')).toBe(true);
  });

  it('marks the match inside a short snippet', () => {
    for (const hit of searchPlan(doc, '头门港')) {
      expect(hit.snippet.slice(hit.matchStart, hit.matchEnd)).toBe('头门港');
      expect(hit.snippet.length).toBeLessThanOrEqual(3 + 40 + 2);
      expect(hit.sectionTitle.length).toBeGreaterThan(0);
    }
    const [first] = searchPlan(doc, '东矾列岛');
    expect(first).toMatchObject({ sectionId: '4.3', sectionTitle: '加快发展现代服务业' });
    expect(first!.snippet.startsWith('…')).toBe(true);
  });

  it('finds text that the source split across a page break or a footnote', () => {
    expect(searchPlan(doc, '228国道').map((h) => h.sectionId)).toContain('8.1');
    expect(searchPlan(doc, '企业注销工作获国办肯定')).toHaveLength(1);
  });

  it('searches table rows and footnotes', () => {
    expect(searchPlan(doc, '粮食综合生产能力')).toMatchObject([
      { sectionId: '1.5', targetId: 'table2' },
    ]);
    expect(searchPlan(doc, '一网通办').map((h) => h.targetId)).toEqual(
      expect.arrayContaining(['table2', 'fn5']),
    );
  });

  it('respects the limit and ignores an empty query', () => {
    expect(searchPlan(doc, '发展', 5)).toHaveLength(5);
    expect(searchPlan(doc, '   ')).toEqual([]);
    expect(searchPlan(doc, '没有这个词语的规划')).toEqual([]);
  });

  it('finds every occurrence in a paragraph, not only the first', () => {
    const hits = searchPlan(doc, '头门港').filter((h) => h.sectionId === '6.1');
    expect(hits.length).toBeGreaterThan(1);
  });
});
