import { describe, expect, it } from 'vitest';
import type { AgendaTopic } from './api';
import {
  ALL_TOPICS,
  arrangeByTopic,
  chosenTopic,
  groupByTopic,
  hasTopics,
  NO_TOPIC,
  topicIndex,
  type TopicGroup,
} from './topicGroups';

const PORT = '6a0c1d2e-0000-4000-8000-000000000001';
const INDUSTRY = '6a0c1d2e-0000-4000-8000-000000000002';
const EMPTY = '6a0c1d2e-0000-4000-8000-000000000003';
const GONE_EARLY = '6a0c1d2e-0000-4000-8000-00000000000a';
const GONE_LATE = '6a0c1d2e-0000-4000-8000-00000000000b';

const agenda: AgendaTopic[] = [
  { id: INDUSTRY, title: '临港产业', section: '6.2' },
  { id: PORT, title: '港城融合', section: '6.1' },
  { id: EMPTY, title: '还没人说话', section: '7' },
];

interface Row {
  id: string;
  created: string;
  topic?: string;
}
const row = (id: string, minute: number, topic?: string): Row => ({
  id,
  created: `2026-12-07T10:${String(minute).padStart(2, '0')}:00Z`,
  ...(topic ? { topic } : {}),
});

// Newest first, as the lists show them.
const rows: Row[] = [
  row('r9', 59, GONE_EARLY),
  row('r8', 50, PORT),
  row('r7', 45),
  row('r6', 40, GONE_LATE),
  row('r5', 30, INDUSTRY.toUpperCase()),
  row('r4', 20, PORT),
  row('r3', 10, GONE_EARLY),
  row('r2', 5),
];
const topicOf = (r: Row) => r.topic;
const ids = (groups: TopicGroup<Row>[] | null) =>
  groups?.map((g) => [g.entry.key, g.items.map((r) => r.id)]) ?? null;

describe('comments grouped by agenda topic', () => {
  const index = topicIndex(rows, agenda);

  it('heads are the agenda in its order, then removed topics by their first comment, then no topic', () => {
    expect(index.map((e) => [e.key, e.topic?.title ?? null, e.removed])).toEqual([
      [INDUSTRY, '临港产业', 0],
      [PORT, '港城融合', 0],
      [EMPTY, '还没人说话', 0],
      [GONE_EARLY, null, 1], // its first comment (10:10) came before GONE_LATE's (10:40)
      [GONE_LATE, null, 2],
      [NO_TOPIC, null, 0],
    ]);
  });

  it('puts every comment under exactly one head, keeping the list order within each, case-blind ids', () => {
    const groups = groupByTopic(rows, topicOf, index);
    expect(ids(groups)).toEqual([
      [INDUSTRY, ['r5']],
      [PORT, ['r8', 'r4']],
      [EMPTY, []],
      [GONE_EARLY, ['r9', 'r3']],
      [GONE_LATE, ['r6']],
      [NO_TOPIC, ['r7', 'r2']],
    ]);
    expect(groups.reduce((n, g) => n + g.items.length, 0)).toBe(rows.length);
  });

  it('a comment whose topic the index does not know gets a removed head of its own, never lost', () => {
    const stranger = row('r10', 58, '6a0c1d2e-0000-4000-8000-0000000000ff');
    const groups = groupByTopic([stranger, ...rows], topicOf, index);
    expect(groups.map((g) => g.entry.key).slice(-3)).toEqual([GONE_LATE, stranger.topic, NO_TOPIC]);
    const own = groups.at(-2)!;
    expect(own.entry).toMatchObject({ topic: null, removed: 3 });
    expect(own.items).toEqual([stranger]);
  });

  it('flat while showing all without grouping; under every non-empty head when grouping', () => {
    expect(arrangeByTopic(rows, topicOf, index, ALL_TOPICS, false)).toBeNull();
    expect(ids(arrangeByTopic(rows, topicOf, index, ALL_TOPICS, true))).toEqual([
      [INDUSTRY, ['r5']],
      [PORT, ['r8', 'r4']],
      [GONE_EARLY, ['r9', 'r3']],
      [GONE_LATE, ['r6']],
      [NO_TOPIC, ['r7', 'r2']],
    ]);
  });

  it('a chosen topic shows only its comments under its head, grouping or not, even when it has none', () => {
    for (const grouped of [false, true]) {
      expect(ids(arrangeByTopic(rows, topicOf, index, PORT, grouped))).toEqual([
        [PORT, ['r8', 'r4']],
      ]);
      expect(ids(arrangeByTopic(rows, topicOf, index, NO_TOPIC, grouped))).toEqual([
        [NO_TOPIC, ['r7', 'r2']],
      ]);
      expect(ids(arrangeByTopic(rows, topicOf, index, GONE_LATE, grouped))).toEqual([
        [GONE_LATE, ['r6']],
      ]);
      expect(ids(arrangeByTopic(rows, topicOf, index, EMPTY, grouped))).toEqual([[EMPTY, []]]);
    }
  });

  it('a choice the index no longer has (another session, a removed empty topic) falls back to all', () => {
    const gone = '6a0c1d2e-0000-4000-8000-0000000000ee';
    expect(chosenTopic(gone, index)).toBe(ALL_TOPICS);
    expect(chosenTopic(PORT.toUpperCase(), index)).toBe(PORT);
    expect(chosenTopic(NO_TOPIC, index)).toBe(NO_TOPIC);
    expect(arrangeByTopic(rows, topicOf, index, gone, false)).toBeNull();
  });

  it('a session without an agenda or topics has only the no-topic head', () => {
    const plain = topicIndex([row('a', 1), row('b', 2)], []);
    expect(plain.map((e) => e.key)).toEqual([NO_TOPIC]);
    expect(hasTopics(plain)).toBe(false);
    expect(hasTopics(index)).toBe(true);
    // An agenda whose topics have no comments yet still offers them.
    expect(hasTopics(topicIndex([], agenda))).toBe(true);
  });
});
