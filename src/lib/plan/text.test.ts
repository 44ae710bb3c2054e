import { describe, expect, it } from 'vitest';
import { planDoc as doc } from './fixtures/plan';
import {
  allSectionIds,
  containingSection,
  findSectionsNaming,
  quoteOccursIn,
  sectionText,
} from './text';

describe('plan text helpers', () => {
  it('lists every citable id once, in reading order', () => {
    const ids = allSectionIds(doc);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.slice(0, 4)).toEqual(['1', '1.1', 'table1', '1.2']);
    expect(ids).toEqual(
      expect.arrayContaining(['14.4', 'box1', 'box10', 'table2', 'fn1', 'fn5', '8']),
    );
    expect(ids.indexOf('fn2')).toBe(ids.indexOf('8') + 1);
    expect(ids.filter((id) => /^\d+\.\d+$/.test(id))).toHaveLength(doc.sections.length);
  });

  it('gives the plain text of sections, chapters, boxes, tables and footnotes', () => {
    expect(sectionText(doc, '3.2')!.split('\n')[0]).toBe('3.2 积极扩大内需激发消费潜力');
    expect(sectionText(doc, '8')).toMatch(/实施综合交通“12345”工程/);
    expect(sectionText(doc, 'box7')).toMatch(
      /^专栏七 头门港、临海经济开发区和特色产业园发展方向\n浙江头门港经济开发区 重点推进/,
    );
    expect(sectionText(doc, 'table2')).toMatch(
      /安全保障 34 粮食综合生产能力 万吨 2020年 30\.75 2025年 32\.5/,
    );
    expect(sectionText(doc, 'fn3')).toMatch(/^注3\n一绕一横三纵：/);
    expect(sectionText(doc, 'nope')).toBeNull();
    // A section's own text: the boxes inside it are separate units.
    expect(sectionText(doc, '4.3')).not.toMatch(/两核带动：以浙江世通/);
  });

  it('finds the units naming a place', () => {
    const ids = findSectionsNaming(doc, '头门港');
    expect(ids).toEqual(expect.arrayContaining(['1.1', '3.1', '6.1', 'box5', 'box7']));
    expect(findSectionsNaming(doc, '括苍山')).toEqual(expect.arrayContaining(['10.1', 'fn1']));
    expect(findSectionsNaming(doc, '东矶列岛')).toEqual([]);
    expect(findSectionsNaming(doc, '')).toEqual([]);
  });

  it('checks quotes whitespace-insensitively', () => {
    expect(quoteOccursIn(doc, ['1.1'], '分别达到 738.5 亿元和 101.9 亿元')).toBe(true);
    expect(quoteOccursIn(doc, ['8.1'], '高标准建设 104 国道、228 国道')).toBe(true);
    expect(quoteOccursIn(doc, ['8.2', '8.1'], '规划207省道（秀洲—仙居）')).toBe(true);
    expect(quoteOccursIn(doc, ['8.2'], '规划207省道（秀洲—仙居）')).toBe(false);
    expect(quoteOccursIn(doc, ['box5'], '一极引领：以头门港国际物流园')).toBe(true);
    expect(quoteOccursIn(doc, ['nope'], '头门港')).toBe(false);
    expect(quoteOccursIn(doc, ['1.1'], '  ')).toBe(false);
  });
});

describe('containingSection', () => {
  it('maps every id to the chapter or section that shows it', () => {
    expect(containingSection(doc, '5.1')).toBe('5.1');
    expect(containingSection(doc, '8')).toBe('8');
    expect(containingSection(doc, 'box7')).toBe('4.4');
    expect(containingSection(doc, 'table2')).toBe('1.5');
    expect(containingSection(doc, 'fn2')).toBe('8');
    expect(containingSection(doc, 'fig5-1')).toBe('5.1');
    expect(containingSection(doc, 'x')).toBeNull();
  });
});
