import { z } from 'zod';
import {
  createComment,
  exportCsv,
  exportGeojson,
  mergeComments,
  parseCommentsFile,
  withStatus,
  type Comment,
  type CommentInput,
  type CommentStatus,
  type MergeResult,
} from '../../comments';
import { LocalStore, toStorageError } from '../../storage';
import { comments } from './commentsModel.svelte';
import { downloadText, stampedName } from './download';

/**
 * Storage for the consultation comments in `comments` (`commentsModel.svelte.ts`).
 * Memory is updated first and disk right after, so a comment whose write fails
 * is still shown (marked unsaved) and still exported: never lost silently.
 */

export { comments };

const FACILITATOR_KEY = 'facilitator';
let store: LocalStore | null = null;
let starting: Promise<void> | null = null;

function fail(error: unknown) {
  const e = toStorageError(error);
  comments.storageError = { kind: e.kind, message: e.message };
}

/** Open storage and read the comments and the facilitator setting (once). */
export function startComments(): Promise<void> {
  starting ??= (async () => {
    try {
      store = await LocalStore.open();
      const { comments: list } = await store.loadComments();
      // Anything added before storage answered stays and is written now.
      const merged = mergeComments(list, comments.comments);
      comments.comments = merged.comments;
      comments.quarantined = (await store.listQuarantine()).length;
      comments.facilitator = await store.getSetting(FACILITATOR_KEY, z.boolean(), false);
      if (merged.changed.length) await write(merged.changed);
    } catch (error) {
      fail(error);
    } finally {
      comments.loaded = true;
    }
  })();
  return starting;
}

/** Put comments in memory now and on disk right after; failures are kept as unsaved. */
async function write(list: readonly Comment[]): Promise<boolean> {
  const ids = new Set(list.map((c) => c.id));
  const byId = new Map(list.map((c) => [c.id, c] as const));
  const known = new Set(comments.comments.map((c) => c.id));
  comments.comments = [
    ...comments.comments.map((c) => byId.get(c.id) ?? c),
    ...list.filter((c) => !known.has(c.id)),
  ];
  try {
    if (!store) throw toStorageError(new DOMException('No local database.', 'InvalidStateError'));
    await store.putComments(list);
    comments.unsaved = new Set([...comments.unsaved].filter((id) => !ids.has(id)));
    comments.storageError = null;
    return true;
  } catch (error) {
    comments.unsaved = new Set([...comments.unsaved, ...ids]);
    fail(error);
    return false;
  }
}

/** Told of every comment this device adds, once it is on disk (the consultation outbox listens). */
export const commentAdded: ((comment: Comment) => void)[] = [];

/** Create and store a comment. Throws a ZodError on invalid input (nothing is stored). */
export async function addComment(
  input: CommentInput,
): Promise<{ comment: Comment; saved: boolean }> {
  const comment = createComment(input);
  const saved = await write([comment]);
  for (const listener of commentAdded) listener(comment);
  return { comment, saved };
}

/** A facilitator's approve / hide / restore, stored at once. */
export async function setStatus(id: string, status: CommentStatus): Promise<boolean> {
  const current = comments.comments.find((c) => c.id === id);
  if (!current || current.status === status) return true;
  return write([withStatus(current, status)]);
}

/** Write again every comment that failed to save. */
export async function retrySave(): Promise<boolean> {
  const pending = comments.comments.filter((c) => comments.unsaved.has(c.id));
  if (!store) {
    starting = null;
    await startComments();
  }
  return pending.length ? write(pending) : comments.storageError === null;
}

export async function setFacilitator(on: boolean): Promise<void> {
  comments.facilitator = on;
  try {
    await store?.setSetting(FACILITATOR_KEY, on);
  } catch (error) {
    fail(error);
  }
}

/** Download every comment (visible and hidden, with status) as GeoJSON or CSV. */
export function exportComments(format: 'geojson' | 'csv'): number {
  const list = comments.comments;
  if (format === 'geojson') {
    downloadText(
      stampedName('linhai-comments', 'geojson'),
      exportGeojson(list),
      'application/geo+json',
    );
  } else {
    downloadText(stampedName('linhai-comments', 'csv'), exportCsv(list), 'text/csv');
  }
  return list.length;
}

/** Download the quarantined records as they were found, for a technician. */
export async function exportQuarantine(): Promise<void> {
  const entries = (await store?.listQuarantine()) ?? [];
  downloadText(
    stampedName('linhai-quarantine', 'json'),
    JSON.stringify(entries, null, 1),
    'application/json',
  );
}

export type ImportOutcome =
  { ok: true; result: MergeResult } | { ok: false; error: string; problems: string[] };

/**
 * Merge a comments file (another laptop's export) by id, newer version winning.
 * A bad file, or a failed write, changes nothing.
 */
export async function importComments(text: string): Promise<ImportOutcome> {
  const parsed = parseCommentsFile(text);
  if (!parsed.ok) return parsed;
  const result = mergeComments(comments.comments, parsed.comments);
  try {
    if (!store) throw toStorageError(new DOMException('No local database.', 'InvalidStateError'));
    await store.putComments(result.changed);
  } catch (error) {
    fail(error);
    return { ok: false, error: toStorageError(error).message, problems: [] };
  }
  comments.comments = result.comments;
  return { ok: true, result };
}
