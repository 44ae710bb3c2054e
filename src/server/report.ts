import { COMMENT_KINDS } from '../lib/comments/schema';
import type { Agenda, Session } from '../lib/consultation/api';
import {
  REPORT_STATES,
  type ReportRow,
  type ReportState,
  type SessionReport,
  type StateCounts,
} from '../lib/consultation/report';
import { csv } from './exports';
import type { ReportComment } from './store/reportComments';
import { publicComment } from './views';

/**
 * A session's report (issue 22), built in one place from the store's listing.
 * The public version takes only what a participant may see: visible comments
 * through `publicComment` (views.ts), so never a pending or hidden one, a hiding
 * reason, a device or a report count. The facilitator's takes every comment.
 */

export type ReportVersion = SessionReport['version'];

const stateOf = (c: ReportComment): ReportState => c.answer?.state ?? 'unanswered';

function counts(): StateCounts {
  return {
    total: 0,
    states: Object.fromEntries(REPORT_STATES.map((s) => [s, 0])) as StateCounts['states'],
  };
}

/** Buckets in first-seen order (or `order` first), each counting its comments by state. */
class Tally<K> {
  readonly buckets = new Map<K, StateCounts>();
  constructor(order: readonly K[] = []) {
    for (const key of order) this.buckets.set(key, counts());
  }
  add(key: K, state: ReportState): void {
    let bucket = this.buckets.get(key);
    if (!bucket) this.buckets.set(key, (bucket = counts()));
    bucket.total++;
    bucket.states[state]++;
  }
}

const naturally = (a: string | null, b: string | null) =>
  a === null ? 1 : b === null ? -1 : a.localeCompare(b, 'en', { numeric: true });

export function toRow(c: ReportComment, version: ReportVersion): ReportRow {
  const { answer, placement } = c;
  return {
    id: c.id,
    kind: c.kind,
    text: c.text,
    lon: c.lon,
    lat: c.lat,
    zone: placement?.zone ?? null,
    place: placement?.place ?? null,
    chapters: placement?.chapters ?? [],
    supports: c.supports ?? 0,
    topic: c.topic ?? null,
    answer: answer
      ? {
          state: answer.state,
          ...(answer.reply ? { reply: answer.reply } : {}),
          ...(answer.reason ? { reason: answer.reason } : {}),
          ...(answer.section ? { section: answer.section } : {}),
        }
      : null,
    ...(version === 'facilitator' && c.hidden
      ? { hidden: true as const, ...(c.hiddenReason ? { hiddenReason: c.hiddenReason } : {}) }
      : {}),
    ...(version === 'facilitator' && c.pending ? { pending: true as const } : {}),
  };
}

/** What the report says of its session, as of this request (`open` changes with the clock alone). */
export type ReportHead = Pick<SessionReport, 'version' | 'session' | 'generatedAt'>;
/** What the report says of its comments: a function of the comments and the agenda only. */
export type ReportBody = Pick<SessionReport, 'totals' | 'rows'>;

export function buildReport(
  session: Session,
  agenda: Agenda,
  all: readonly ReportComment[],
  version: ReportVersion,
  now = new Date(),
): SessionReport {
  return { ...reportHead(session, version, now), ...reportBody(agenda, all, version) };
}

export function reportHead(session: Session, version: ReportVersion, now = new Date()): ReportHead {
  return {
    version,
    session: {
      id: session.id,
      title: session.title,
      open: session.open,
      ...(session.closesAt ? { closesAt: session.closesAt } : {}),
    },
    generatedAt: now.toISOString(),
  };
}

/**
 * The report as JSON (UTF-8) from its head and the rest already serialised
 * (`,"totals":…,"rows":[…]}`, kept by reportCache.ts per state of the session),
 * in two chunks so the kept part is sent as it is, never copied: the same text
 * as `JSON.stringify(buildReport(…))`.
 */
export function reportJson(head: ReportHead, tail: Uint8Array): Uint8Array[] {
  return [Buffer.from(JSON.stringify(head).slice(0, -1)), tail];
}

/** The part of the report's JSON after its head, from the totals and each row's JSON (UTF-8). */
export function reportJsonTail(
  totals: SessionReport['totals'],
  rowsJson: readonly Uint8Array[],
): Uint8Array {
  const start = Buffer.from(`,"totals":${JSON.stringify(totals)},"rows":[`);
  let length = start.length + Math.max(rowsJson.length - 1, 0) + 2;
  for (const row of rowsJson) length += row.length;
  const tail = Buffer.allocUnsafe(length); // every byte is written below
  tail.set(start);
  let at = start.length;
  rowsJson.forEach((row, i) => {
    if (i > 0) tail[at++] = 0x2c; // ,
    tail.set(row, at);
    at += row.length;
  });
  tail[at++] = 0x5d; // ]
  tail[at] = 0x7d; // }
  return tail;
}

/** One row of the report as JSON (UTF-8). */
export const rowJson = (c: ReportComment, version: ReportVersion): Uint8Array =>
  Buffer.from(JSON.stringify(toRow(viewIn(version, c), version)));

/** Whether a version shows the comment: the public one only what a participant may see. */
export const shows = (version: ReportVersion, c: ReportComment) =>
  version === 'facilitator' || (!c.hidden && !c.pending);

/** The comment as the version shows it (the public view is decided in views.ts). */
export const viewIn = (version: ReportVersion, c: ReportComment): ReportComment =>
  version === 'public' ? publicComment(c) : c;

/** The comments a version shows, as it shows them. */
export function inVersion(
  all: readonly ReportComment[],
  version: ReportVersion,
): readonly ReportComment[] {
  return all.filter((c) => shows(version, c)).map((c) => viewIn(version, c));
}

export function reportBody(
  agenda: Agenda,
  all: readonly ReportComment[],
  version: ReportVersion,
): ReportBody {
  const comments = inVersion(all, version);
  return {
    totals: reportTotals(agenda, comments),
    rows: comments.map((c) => toRow(c, version)),
  };
}

/** The totals of the comments of one version (`inVersion`). */
export function reportTotals(
  agenda: Agenda,
  comments: readonly ReportComment[],
): SessionReport['totals'] {
  const total = new Tally<'all'>();
  const byKind = new Tally(COMMENT_KINDS);
  const byTopic = new Tally<string | null>(agenda.topics.map((t) => t.id));
  const byZone = new Tally<string | null>();
  const byChapter = new Tally<string | null>();
  for (const c of comments) {
    const state = stateOf(c);
    total.add('all', state);
    byKind.add(c.kind, state);
    byTopic.add(c.topic ?? null, state);
    byZone.add(c.placement?.zone ?? null, state);
    const chapters = new Set(c.placement?.chapters ?? []);
    if (chapters.size === 0) byChapter.add(null, state);
    for (const chapter of chapters) byChapter.add(chapter, state);
  }
  const titles = new Map(agenda.topics.map((t) => [t.id, t.title]));
  const hadAgenda = agenda.topics.length > 0 || comments.some((c) => c.topic);
  const sorted = <K extends string | null>(tally: Tally<K>) =>
    [...tally.buckets].sort(([a], [b]) => naturally(a, b));
  return {
    all: total.buckets.get('all') ?? counts(),
    byKind: [...byKind.buckets].map(([kind, c]) => ({ kind, ...c })),
    ...(hadAgenda
      ? {
          byTopic: [...byTopic.buckets]
            .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : 0))
            .map(([topic, c]) => ({
              topic,
              title: topic ? (titles.get(topic) ?? null) : null,
              ...c,
            })),
        }
      : {}),
    byZone: sorted(byZone).map(([zone, c]) => ({ zone, ...c })),
    byChapter: sorted(byChapter).map(([chapter, c]) => ({ chapter, ...c })),
  };
}

export const REPORT_COLUMNS = [
  'id',
  'kind',
  'text',
  'lon',
  'lat',
  'zone',
  'place',
  'placeKm',
  'chapters',
  'supports',
  'topic',
  'answerState',
  'answerReply',
  'answerReason',
  'answerSection',
] as const;
const FACILITATOR_COLUMNS = ['hidden', 'hiddenReason', 'pending'] as const;

/** A row flattened for CSV and GeoJSON properties (chapters joined by "; "). */
function flat(row: ReportRow) {
  return {
    id: row.id,
    kind: row.kind,
    text: row.text,
    lon: row.lon,
    lat: row.lat,
    zone: row.zone,
    place: row.place?.id ?? null,
    placeKm: row.place?.km ?? null,
    chapters: row.chapters.join('; '),
    supports: row.supports,
    topic: row.topic,
    answerState: row.answer?.state ?? 'unanswered',
    answerReply: row.answer?.reply ?? null,
    answerReason: row.answer?.reason ?? null,
    answerSection: row.answer?.section ?? null,
    hidden: row.hidden === true,
    hiddenReason: row.hiddenReason ?? null,
    pending: row.pending === true,
  };
}

const columnsOf = (report: SessionReport) =>
  report.version === 'facilitator'
    ? [...REPORT_COLUMNS, ...FACILITATOR_COLUMNS]
    : [...REPORT_COLUMNS];

/** The report's rows as CSV: UTF-8 with BOM, formulas neutralised (exports.ts). */
export function reportCsv(report: SessionReport): string {
  return csv(columnsOf(report), report.rows.map(flat));
}

/** The report's rows as a GeoJSON FeatureCollection of points, same properties as the CSV. */
export function reportGeojson(report: SessionReport): string {
  const columns = columnsOf(report);
  return JSON.stringify({
    type: 'FeatureCollection',
    features: report.rows.map((row) => {
      const props = flat(row) as Record<string, unknown>;
      return {
        type: 'Feature',
        id: row.id,
        geometry: { type: 'Point', coordinates: [row.lon, row.lat] },
        properties: {
          ...Object.fromEntries(columns.map((k) => [k, props[k]])),
          chapters: row.chapters,
        },
      };
    }),
  });
}
