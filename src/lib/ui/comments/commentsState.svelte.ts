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
import { DraftKeeper, hasContent, type CommentDraft } from '../../comments/draft';
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
let drafts: DraftKeeper | null = null;
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
      drafts = new DraftKeeper(store);
      await restoreDraft(drafts);
      if (merged.changed.length) await write(merged.changed);
    } catch (error) {
      fail(error);
    } finally {
      comments.loaded = true;
    }
  })();
  return starting;
}

/** Bring back a comment left unsent, unless one is already being written. */
async function restoreDraft(keeper: DraftKeeper) {
  const draft = await keeper.load();
  if (!draft || comments.draft || !hasContent(draft)) return;
  const { lon, lat, kind, text, section, feature } = draft;
  comments.fields = { kind, text, section, feature };
  comments.draft = { lon, lat };
  comments.draftRestored = true;
  comments.draftState = 'saved';
}

/** Keep the comment being written on this device (every change; the last one wins). */
export async function keepDraft(draft: Omit<CommentDraft, 'saved'>): Promise<void> {
  if (!hasContent(draft)) {
    comments.draftState = null;
    await drafts?.discard().catch(() => {});
    return;
  }
  // The earlier version stays "saved" on screen meanwhile; tests wait for the attribute.
  if (comments.draftState !== 'failed') comments.draftState = 'saving';
  try {
    if (!drafts) throw new Error('no local database');
    await drafts.save(draft);
    comments.draftState = 'saved';
  } catch {
    // The form stays on screen with its text; only the copy on disk is missing, and it says so.
    comments.draftState = 'failed';
  }
}

/** Forget the draft: sent, or discarded by the participant. */
export async function discardDraft(): Promise<void> {
  comments.fields = null;
  comments.draftRestored = false;
  comments.draftState = null;
  await drafts?.discard().catch(() => {});
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
  // A mark for the live-latency e2e (submit → stored → sent → shown): no cost, no flag.
  performance.mark('linhai:comment-stored');
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
