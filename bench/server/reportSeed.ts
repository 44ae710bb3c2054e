import { randomUUID } from 'node:crypto';
import { createComment, type Comment } from '../../src/lib/comments/schema';
import { DEFAULT_FACILITATOR, type AgendaTopic } from '../../src/lib/consultation/api';
import { DEFAULT_LIMITS } from '../../src/server/config';
import { loadPlacingPlan } from '../../src/server/placing';
import { openDatabase } from '../../src/server/server';
import { discuss, putAgenda } from '../../src/server/store/agenda';
import { setAnswer } from '../../src/server/store/answers';
import type { Db } from '../../src/server/store/db';
import { createDevice, createSession, hashToken, newToken } from '../../src/server/store/queries';
import { commentPlace } from '../../src/lib/geo/commentPlace';
import {
  ANSWER_WEIGHTS,
  answer,
  commentText,
  KIND_WEIGHTS,
  pick,
  pins,
  random,
  weighted,
} from './reportFixtures';

/**
 * A session of the size for the report benchmark (issue 22), written
 * fast but exactly as the server writes it, before the server starts on the
 * same database: the store's own functions (createSession, createDevice,
 * putAgenda, discuss, setAnswer) and the server's own SQL functions, called
 * for many rows per statement — `lh_insert_placed_comment` with the placement
 * the server's placing code computes (src/server/placing.ts + the app's geo
 * module) and `lh_set_support`. So every row, count, event and audit entry is
 * what the same comments, 附议 and answers sent over HTTP would have left.
 */

export interface ReportSeed {
  sid: string;
  comments: number;
  withTopic: number;
  withSection: number;
  supports: number;
  supported: number;
  answered: number;
  answerChanges: number;
  /** Rows of the 采纳情况 table: a comment appears under each of its chapters. */
  tableRows: number;
  seedSeconds: number;
  phases: Record<string, number>;
}

// Rows per statement: each call locks and updates the session row, whose versions pile up within
// one transaction, so 500 a statement was slower than 50 (附议: 12.6 s against 1.7 s for 4,078).
const BATCH = 50;

export async function seedReportSession(
  target: { dataDir?: string; databaseUrl?: string },
  options: {
    comments: number;
    devices: number;
    /** Share of comments with at least one 附议. */
    supportedShare: number;
    answered: number;
    /** Of the answered, how many were answered twice (研究中 first, then the final answer). */
    changed: number;
    seed?: number;
  },
): Promise<ReportSeed> {
  const started = performance.now();
  // Seconds each step took, to show where a slow seed spends its time.
  const phases: Record<string, number> = {};
  let lapStart = started;
  const lap = (name: string) => {
    const now = performance.now();
    phases[name] = Math.round((now - lapStart) / 100) / 10;
    lapStart = now;
  };
  const rng = random(options.seed ?? 22);
  const plan = await loadPlacingPlan();
  const db = await openDatabase({
    dataDir: target.dataDir ?? '',
    databaseUrl: target.databaseUrl ?? '',
  });
  try {
    const actor = DEFAULT_FACILITATOR;
    lap('open');
    const { id: sid } = await createSession(
      db,
      { title: `临海市“十四五”规划征求意见汇总（${options.comments.toLocaleString('en')} 条）` },
      actor,
    );
    const devices: string[] = [];
    for (let i = 0; i < options.devices; i++) {
      const token = newToken();
      await createDevice(db, sid, token);
      devices.push(hashToken(token));
    }

    lap('devices');
    // Six agenda topics; the first 60 % of comments come before any topic was pushed.
    const sections = [
      ...new Set(
        plan.places.flatMap((p) => (p.properties as { sections?: string[] }).sections ?? []),
      ),
    ];
    const topics: AgendaTopic[] = Array.from({ length: 6 }, (_, i) => ({
      id: randomUUID(),
      title: `议题 ${i + 1}：${sections[i * 3]}`,
      section: sections[i * 3],
      minutes: 20,
    }));
    await putAgenda(db, sid, topics, actor);

    const placed = pins(rng, plan.places, options.comments);
    const comments: (Comment & { device: string })[] = [];
    let withSection = 0;
    for (const { at, near } of placed) {
      const kind = weighted(rng, KIND_WEIGHTS);
      const nearSections = (near?.properties as { sections?: string[] } | undefined)?.sections;
      const section =
        rng() < 0.12 ? pick(rng, nearSections?.length ? nearSections : sections) : undefined;
      const feature = near && rng() < 0.1 ? near.properties.id : undefined;
      if (section) withSection++;
      const name = near && rng() < 0.7 ? String(near.properties.name) : null;
      const comment = createComment({
        kind,
        text: commentText(rng, kind, name),
        lon: at[0]!,
        lat: at[1]!,
        ...(section ? { section } : {}),
        ...(feature ? { feature } : {}),
      });
      comments.push({ ...comment, device: pick(rng, devices) });
    }
    // The first 60 % before any topic was pushed, then one sixth under each topic (正在讨论).
    const untopical = Math.round(options.comments * 0.6);
    const perTopic = Math.ceil((options.comments - untopical) / topics.length);
    for (let t = -1; t < topics.length; t++) {
      if (t >= 0) await discuss(db, sid, topics[t]!.id, actor);
      const from = t < 0 ? 0 : untopical + t * perTopic;
      const to = t < 0 ? untopical : Math.min(options.comments, from + perTopic);
      for (let i = from; i < to; i += BATCH)
        await insertComments(db, sid, comments.slice(i, Math.min(to, i + BATCH)));
    }
    lap('comments');
    const stored = await db.query<{ id: string; device_hash: string; chapters: unknown }>(
      'SELECT id, device_hash, chapters FROM comments WHERE session_id = $1 ORDER BY seq',
      [sid],
    );
    let tableRows = 0;
    for (const row of stored) {
      const chapters = typeof row.chapters === 'string' ? JSON.parse(row.chapters) : row.chapters;
      tableRows += Math.max(1, (chapters as string[]).length);
    }
    await discuss(db, sid, null, actor);

    // 附议: a share of comments, most with a few, some with many, each from a device not its author's.
    const supportRows: { id: string; device: string }[] = [];
    let supported = 0;
    for (const row of stored) {
      if (rng() >= options.supportedShare) continue;
      supported++;
      const count = Math.min(options.devices - 1, 1 + Math.floor(-Math.log(1 - rng()) * 4));
      const from = new Set<string>();
      while (from.size < count) {
        const device = pick(rng, devices);
        if (device !== row.device_hash) from.add(device);
      }
      for (const device of from) supportRows.push({ id: row.id, device });
    }
    for (let i = 0; i < supportRows.length; i += BATCH)
      await insertSupports(db, sid, supportRows.slice(i, i + BATCH));

    lap('supports');
    // Answers in every state, through the store (history row, audit row, event each).
    const order = stored.map((r) => r.id);
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    const answeredIds = order.slice(0, options.answered);
    for (const [n, id] of answeredIds.entries()) {
      if (n < options.changed)
        await setAnswer(db, sid, id, answer(rng, 'studying', sections), actor);
      await setAnswer(db, sid, id, answer(rng, weighted(rng, ANSWER_WEIGHTS), sections), actor);
    }
    lap('answers');
    return {
      sid,
      comments: stored.length,
      withTopic: options.comments - untopical,
      withSection,
      supports: supportRows.length,
      supported,
      answered: answeredIds.length,
      answerChanges: Math.min(options.changed, answeredIds.length),
      tableRows,
      seedSeconds: Math.round((performance.now() - started) / 100) / 10,
      phases,
    };
  } finally {
    await db.close();
  }

  /** Many new comments in one statement, each through lh_insert_placed_comment as putComment calls it. */
  async function insertComments(db: Db, sid: string, batch: (Comment & { device: string })[]) {
    const rows = batch.map((c) => ({
      id: c.id,
      device: c.device,
      kind: c.kind,
      text: c.text,
      lon: c.lon,
      lat: c.lat,
      section: c.section ?? null,
      feature: c.feature ?? null,
      created: c.created,
      updated: c.updated,
      version: c.schemaVersion,
      place: commentPlace([c.lon, c.lat], c.section, plan),
    }));
    const outcomes = await db.query<{ outcome: string }>(
      `SELECT r.outcome FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS c(v, n)
       CROSS JOIN LATERAL lh_insert_placed_comment($1, (c.v->>'id')::uuid, c.v->>'device',
         c.v->>'kind', c.v->>'text', (c.v->>'lon')::double precision, (c.v->>'lat')::double precision,
         c.v->>'section', c.v->>'feature', c.v->>'created', c.v->>'updated', (c.v->>'version')::int,
         $3, c.v->'place') AS r
       ORDER BY c.n`,
      [sid, JSON.stringify(rows), DEFAULT_LIMITS.sessionMaxComments],
    );
    const refused = outcomes.filter((o) => o.outcome !== 'created');
    if (refused.length) throw new Error(`seeding comments: ${refused[0]!.outcome}`);
  }
}

/** Many 附议 in one statement, each through lh_set_support as setSupport (supports.ts) calls it. */
async function insertSupports(db: Db, sid: string, batch: { id: string; device: string }[]) {
  const outcomes = await db.query<{ outcome: string }>(
    `SELECT r.outcome FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS s(v, n)
     CROSS JOIN LATERAL lh_set_support($1, (s.v->>'id')::uuid, s.v->>'device', true) AS r
     ORDER BY s.n`,
    [sid, JSON.stringify(batch)],
  );
  const refused = outcomes.filter((o) => o.outcome !== 'changed');
  if (refused.length) throw new Error(`seeding supports: ${refused[0]!.outcome}`);
}
