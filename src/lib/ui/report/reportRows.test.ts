import { describe, expect, it } from 'vitest';
import type { ReportRow, ReportState } from '../../consultation/report';
import { interpolate, type Lang } from '../../i18n';
import { answerEn, answerZh } from '../../i18n/answerStrings';
import { reportEn, reportZh } from '../../i18n/reportStrings';
import { sectionRefLabel } from '../../plan/refLabel';
import {
  chapterGroups,
  inBlocks,
  inTables,
  prepareRows,
  rowViews,
  type ReportNames,
} from './reportRows';

/** The report's own strings in one language, two plan features by name (as reportNames gives them). */
function names(lang: Lang): ReportNames & { calls: Record<string, number> } {
  const report = lang === 'en' ? reportEn : reportZh;
  const answer = lang === 'en' ? answerEn : answerZh;
  const features: Record<string, [string, string]> = {
    'town-duqiao': ['杜桥镇', 'Duqiao'],
    'zone-east': ['东部新区', 'Eastern New Area'],
  };
  const calls: Record<string, number> = { feature: 0, chapter: 0 };
  return {
    calls,
    text: (key, params) => interpolate(report[key], params),
    kind: (kind) => ({ idea: lang === 'en' ? 'Idea' : '建议' })[kind as 'idea'] ?? kind,
    state: (state: ReportState) =>
      state === 'unanswered' ? report.unanswered : answer[`state.${state}`],
    feature: (id) => {
      calls.feature!++;
      return features[id]?.[lang === 'en' ? 1 : 0] ?? id;
    },
    chapter: (id) => {
      calls.chapter!++;
      return sectionRefLabel(id, null, lang);
    },
  };
}

const row = (id: string, more: Partial<ReportRow> = {}): ReportRow => ({
  id,
  kind: 'idea',
  text: `<b>${id}</b>`,
  lon: 121.4,
  lat: 28.8,
  zone: null,
  place: null,
  chapters: [],
  supports: 0,
  topic: null,
  answer: null,
  ...more,
});

describe('prepareRows', () => {
  const rows = [
    row('a', {
      chapters: ['5.10', '5.2'],
      place: { id: 'town-duqiao', km: 1.234 },
      zone: 'zone-east',
      supports: 12,
      answer: { state: 'rejected', reply: '不在本规划范围', reason: '属市级事权' },
    }),
    row('b', { zone: 'zone-east' }),
    row('c', {
      chapters: ['5.2'],
      hidden: true,
      hiddenReason: '广告',
      pending: true,
      answer: { state: 'in_plan', section: '7.3' },
    }),
  ];

  it('gives each chapter its heading and count, a comment under each of its chapters', () => {
    const chapters = prepareRows(rows, names('zh'));
    expect(chapters.map((c) => [c.chapter, c.heading, c.rows.map((r) => r.id)])).toEqual([
      ['5.2', '第 5.2 节 · 2', ['a', 'c']],
      ['5.10', '第 5.10 节 · 1', ['a']],
      ['', '未关联章节 · 1', ['b']],
    ]);
    // The same comment twice is the same prepared row.
    expect(chapters[0]!.rows[0]).toBe(chapters[1]!.rows[0]);
  });

  it('shows every cell as the text a reader sees, in Chinese', () => {
    const [a, c] = prepareRows(rows, names('zh'))[0]!.rows;
    expect(a).toMatchObject({
      place: '杜桥镇 · 1.2 公里',
      kind: '建议',
      text: '<b>a</b>',
      supports: '12',
      state: 'rejected',
      stateName: '不采纳',
      reply: '不在本规划范围',
      notes: ['属市级事权'],
      hiddenFlag: null,
      pendingFlag: null,
    });
    expect(c).toMatchObject({
      hidden: true,
      pending: true,
      hiddenFlag: '已隐藏',
      hiddenReason: '隐藏理由：广告',
      pendingFlag: '待审核',
      stateName: '规划已有安排',
      reply: '',
      notes: ['第 7.3 节'],
    });
  });

  it('falls back to the zone, then to a dash, and is all English in English', () => {
    const chapters = prepareRows(rows, names('en'));
    const b = chapters[2]!.rows[0]!;
    expect(b).toMatchObject({ place: 'Eastern New Area', stateName: 'Not answered' });
    expect(chapters[0]!.rows[0]).toMatchObject({
      place: 'Duqiao · 1.2 km',
      stateName: 'Not adopted',
    });
    expect(chapters[0]!.heading).toBe('Section 5.2 · 2');
    const outside = prepareRows([row('d')], names('en'))[0]!.rows[0]!;
    expect(outside.place).toBe('—');
  });

  it('looks each place and chapter name up once, however many rows name it', () => {
    const many = Array.from({ length: 500 }, (_, i) =>
      row(`r${i}`, { chapters: ['5.2'], place: { id: 'town-duqiao', km: i / 100 } }),
    );
    const counted = names('zh');
    prepareRows(many, counted);
    expect(counted.calls).toEqual({ feature: 1, chapter: 1 });
  });
});

describe('chapterGroups and rowViews', () => {
  it('groups the rows as they came, and makes the strings of a row only when asked, once', () => {
    const rows = [row('a', { chapters: ['5.2'] }), row('b')];
    const counted = names('zh');
    const groups = chapterGroups(rows, counted);
    expect(groups.map((g) => [g.heading, g.rows])).toEqual([
      ['第 5.2 节 · 1', [rows[0]]],
      ['未关联章节 · 1', [rows[1]]],
    ]);
    expect(counted.calls.feature).toBe(0);
    const view = rowViews(counted);
    expect(view(rows[0]!)).toBe(view(rows[0]!));
    expect(view(rows[1]!).place).toBe('—');
  });
});

describe('inBlocks', () => {
  it('cuts each chapter into runs of rows, the heading on its first only', () => {
    const many = Array.from({ length: 5 }, (_, i) => row(`r${i}`, { chapters: ['5.2'] }));
    const blocks = inBlocks(prepareRows([...many, row('x')], names('zh')), 2);
    expect(blocks.map((b) => [b.key, b.heading, b.rows.map((r) => r.id)])).toEqual([
      ['5.2:0', '第 5.2 节 · 5', ['r0', 'r1']],
      ['5.2:2', null, ['r2', 'r3']],
      ['5.2:4', null, ['r4']],
      [':0', '未关联章节 · 1', ['x']],
    ]);
  });
});

describe('inTables', () => {
  it('puts the blocks of each chapter into tables of at most a few blocks each, in order', () => {
    const many = Array.from({ length: 5 }, (_, i) => row(`r${i}`, { chapters: ['5.2'] }));
    const blocks = inBlocks(prepareRows([...many, row('x')], names('zh')), 2);
    const tables = inTables(blocks, 2);
    expect(tables.map((t) => [t.key, t.blocks.map((b) => b.key)])).toEqual([
      ['5.2:0', ['5.2:0', '5.2:2']],
      ['5.2:4', ['5.2:4']],
      [':0', [':0']],
    ]);
  });
});
