import { describe, expect, it } from 'vitest';
import type { ReportRow } from '../../consultation/report';
import { rowsByChapter } from './byChapter';

const row = (id: string, chapters: string[]): ReportRow => ({
  id,
  kind: 'idea',
  text: id,
  lon: 121.4,
  lat: 28.8,
  zone: null,
  place: null,
  chapters,
  supports: 0,
  topic: null,
  answer: null,
});

describe('rowsByChapter', () => {
  it('puts a comment under each of its chapters, in the plan’s order, the rest last', () => {
    const groups = rowsByChapter([row('a', ['5.10', '5.2']), row('b', []), row('c', ['5.2'])]);
    expect(groups.map(([chapter, rows]) => [chapter, rows.map((r) => r.id)])).toEqual([
      ['5.2', ['a', 'c']],
      ['5.10', ['a']],
      [null, ['b']],
    ]);
  });
});
