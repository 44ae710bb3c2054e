import { describe, expect, it } from 'vitest';
import { chineseNumber, normalizeSpacing, removeCjkSpaces, toChineseNumber } from './normalize';

describe('normalize', () => {
  it('removes OCR spaces between numbers and Chinese, keeps spaces between ideographs', () => {
    expect(normalizeSpacing('达到 738.5 亿元和 101.9 亿元')).toBe('达到738.5亿元和101.9亿元');
    expect(normalizeSpacing('“工业 4.0 体系+5G 技术”')).toBe('“工业4.0体系+5G技术”');
    expect(normalizeSpacing('加强 PPP 项目，R&D 经费')).toBe('加强PPP项目，R&D经费');
    expect(normalizeSpacing('“万鹿同行 追梦临海”')).toBe('“万鹿同行 追梦临海”');
    expect(normalizeSpacing('[ ]内为五年累计值')).toBe('[ ]内为五年累计值');
    expect(removeCjkSpaces('临海经济 开发区')).toBe('临海经济开发区');
  });

  it('reads and writes the plan numbering both ways', () => {
    for (let n = 1; n <= 19; n++) expect(chineseNumber(toChineseNumber(n))).toBe(n);
    expect(toChineseNumber(14)).toBe('十四');
    expect(chineseNumber('二十')).toBe(20);
    expect(chineseNumber('百')).toBeNull();
  });
});
