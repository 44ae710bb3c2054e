import { describe, expect, it } from 'vitest';
import { planDoc as doc } from './fixtures/plan';
import { commentCounts, concerns, unitsOf } from './commentUnits';

describe('the chapters and sections a comment concerns', () => {
  it('a section ref concerns the section and its chapter', () => {
    expect([...unitsOf(doc, ['5.1', '5.3'])].sort()).toEqual(['5', '5.1', '5.3']);
  });
  it('a box or footnote concerns the section it stands in', () => {
    expect([...unitsOf(doc, ['box5'])].sort()).toEqual(['4', '4.3']);
    expect([...unitsOf(doc, ['fn2'])]).toEqual(['8']);
    expect(concerns(doc, ['fn3'], '8.1')).toBe(true);
    expect(concerns(doc, ['fn3'], '8.2')).toBe(false);
  });
  it('ignores refs the plan does not have', () => {
    expect(unitsOf(doc, ['99.9', 'box99']).size).toBe(0);
  });
});

describe('commentCounts', () => {
  it('counts each comment once per chapter, however many of its sections it names', () => {
    const counts = commentCounts(doc, [['5.1', '5.3'], ['5.1'], ['8.1', 'fn3'], []]);
    expect(counts.get('5')).toBe(2);
    expect(counts.get('5.1')).toBe(2);
    expect(counts.get('5.3')).toBe(1);
    expect(counts.get('5.2')).toBeUndefined();
    expect(counts.get('8')).toBe(1);
    expect(counts.get('8.1')).toBe(1);
  });
});
