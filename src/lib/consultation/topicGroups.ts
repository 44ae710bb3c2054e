import type { AgendaTopic } from './api';

/**
 * Comments by agenda topic, for the facilitator's queue and the 意见 list: the
 * heads a list can be grouped under, a filter, and the grouping. Pure, so the
 * rules are tested without a browser. A comment's topic is the id the server
 * tagged it with (`SessionComment.topic`); the titles come from the agenda, which
 * keeps none for a topic removed since, so such a head has only its id.
 */

/** The filter's value for every comment, and the head (and filter value) of comments of no topic. */
export const ALL_TOPICS = 'all';
export const NO_TOPIC = 'none';

/** One head: a topic of the agenda, one removed from it since, or none. */
export interface TopicEntry {
  /** The topic's id (lower case), or NO_TOPIC. */
  key: string;
  /** The agenda's topic; null for a removed one and for NO_TOPIC. */
  topic: AgendaTopic | null;
  /** A removed topic's place among the removed ones (1, 2 …, by its first comment); else 0. */
  removed: number;
}

/** A head and the comments under it, in the order the list had them. */
export interface TopicGroup<T> {
  entry: TopicEntry;
  items: T[];
}

const NO_TOPIC_ENTRY: TopicEntry = { key: NO_TOPIC, topic: null, removed: 0 };

type TopicOf<T> = (item: T) => string | null | undefined;

const keyOf = (topic: string | null | undefined): string =>
  topic ? topic.toLowerCase() : NO_TOPIC;

/**
 * The heads of a session's comments: the agenda's topics in its order (those
 * with no comment yet included), then the removed topics that comments still
 * carry, by their first comment, then NO_TOPIC.
 */
export function topicIndex(
  comments: Iterable<{ topic?: string | null; created: string }>,
  topics: readonly AgendaTopic[],
): TopicEntry[] {
  const onAgenda = new Set(topics.map((t) => t.id.toLowerCase()));
  const firstSeen = new Map<string, number>();
  for (const c of comments) {
    const key = keyOf(c.topic);
    if (key === NO_TOPIC || onAgenda.has(key)) continue;
    const at = Date.parse(c.created) || 0;
    if (at < (firstSeen.get(key) ?? Infinity)) firstSeen.set(key, at);
  }
  const removed = [...firstSeen].sort(([a, x], [b, y]) => x - y || a.localeCompare(b));
  return [
    ...topics.map((topic) => ({ key: topic.id.toLowerCase(), topic, removed: 0 })),
    ...removed.map(([key], i) => ({ key, topic: null, removed: i + 1 })),
    NO_TOPIC_ENTRY,
  ];
}

/** Whether there is anything to filter or group by: a topic on the agenda or on a comment. */
export const hasTopics = (index: readonly TopicEntry[]): boolean =>
  index.some((e) => e.key !== NO_TOPIC);

/** The filter as it applies to `index`: a topic it does not have (any more) means all. */
export function chosenTopic(filter: string, index: readonly TopicEntry[]): string {
  const key = filter.toLowerCase();
  return index.some((e) => e.key === key) ? key : ALL_TOPICS;
}

/**
 * Every head of `index` with the items under it (possibly none), each item under
 * exactly one, in the items' order. An item whose topic `index` lacks gets a
 * removed head of its own at the end, so nothing listed is ever left out.
 */
export function groupByTopic<T>(
  items: readonly T[],
  topicOf: TopicOf<T>,
  index: readonly TopicEntry[],
): TopicGroup<T>[] {
  const groups = new Map(index.map((entry) => [entry.key, { entry, items: [] as T[] }]));
  if (!groups.has(NO_TOPIC)) groups.set(NO_TOPIC, { entry: NO_TOPIC_ENTRY, items: [] });
  const extra: TopicGroup<T>[] = [];
  let removed = index.reduce((n, e) => Math.max(n, e.removed), 0);
  for (const item of items) {
    const key = keyOf(topicOf(item));
    let group = groups.get(key);
    if (!group) {
      group = { entry: { key, topic: null, removed: ++removed }, items: [] };
      groups.set(key, group);
      extra.push(group);
    }
    group.items.push(item);
  }
  const listed = index.filter((e) => e.key !== NO_TOPIC).map((e) => groups.get(e.key)!);
  return [...listed, ...extra, groups.get(NO_TOPIC)!];
}

/**
 * How a list shows `items`: flat (null) while it shows every topic ungrouped;
 * else under heads — the chosen topic's alone (even when empty), or, grouping
 * all, every head that has any.
 */
export function arrangeByTopic<T>(
  items: readonly T[],
  topicOf: TopicOf<T>,
  index: readonly TopicEntry[],
  filter: string,
  grouped: boolean,
): TopicGroup<T>[] | null {
  const chosen = chosenTopic(filter, index);
  if (chosen === ALL_TOPICS && !grouped) return null;
  const groups = groupByTopic(items, topicOf, index);
  return chosen === ALL_TOPICS
    ? groups.filter((g) => g.items.length > 0)
    : groups.filter((g) => g.entry.key === chosen);
}
