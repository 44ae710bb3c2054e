import { describe, expect, it } from 'vitest';
import { splitAtFootnotes, splitHighlight } from './highlight';

describe('splitHighlight', () => {
  it('marks every occurrence and keeps the text intact', () => {
    const parts = splitHighlight('头门港区与头门港', '头门港');
    expect(parts).toEqual([
      { text: '头门港', hit: true },
      { text: '区与', hit: false },
      { text: '头门港', hit: true },
    ]);
    expect(parts.map((p) => p.text).join('')).toBe('头门港区与头门港');
  });

  it('gives one run without a term or without a match', () => {
    expect(splitHighlight('临海', null)).toEqual([{ text: '临海', hit: false }]);
    expect(splitHighlight('临海', '  ')).toEqual([{ text: '临海', hit: false }]);
    expect(splitHighlight('临海', '台州')).toEqual([{ text: '临海', hit: false }]);
    expect(splitHighlight('', '台州')).toEqual([{ text: '', hit: false }]);
  });
});

describe('splitAtFootnotes', () => {
  it('cuts at each reference and keeps the tail', () => {
    const pieces = splitAtFootnotes('甲乙丙丁', [
      { id: 'fn2', number: 2, offset: 3 },
      { id: 'fn1', number: 1, offset: 1 },
    ]);
    expect(pieces).toEqual([
      { text: '甲', footnotes: [{ id: 'fn1', number: 1 }] },
      { text: '乙丙', footnotes: [{ id: 'fn2', number: 2 }] },
      { text: '丁', footnotes: [] },
    ]);
  });

  it('handles a reference at the very end', () => {
    expect(splitAtFootnotes('甲乙', [{ id: 'fn1', number: 1, offset: 2 }])).toEqual([
      { text: '甲乙', footnotes: [{ id: 'fn1', number: 1 }] },
    ]);
  });
});
