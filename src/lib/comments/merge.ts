import { updatedAt, type Comment } from './schema';

/** The merged list and what the merge did. */
export interface MergeResult {
  /** Existing comments in their order (newer versions in place), then the new ones. */
  comments: Comment[];
  /** Comments that were new or replaced an older version: what must be written to storage. */
  changed: Comment[];
  added: number;
  updated: number;
  unchanged: number;
}

/**
 * Merge `incoming` (an imported file) into `existing` by id, without duplicates.
 * For the same id the version with the later `updated` wins; on a tie the
 * existing one is kept. Duplicates inside `incoming` are resolved the same way.
 * Counts are per incoming id: `added` + `updated` + `unchanged` = distinct incoming ids.
 */
export function mergeComments(
  existing: readonly Comment[],
  incoming: readonly Comment[],
): MergeResult {
  const byId = new Map<string, Comment>();
  for (const comment of existing) {
    const seen = byId.get(comment.id);
    if (!seen || updatedAt(comment) > updatedAt(seen)) byId.set(comment.id, comment);
  }
  const existingIds = new Set(byId.keys());

  // The newest version of each incoming id.
  const newest = new Map<string, Comment>();
  for (const comment of incoming) {
    const seen = newest.get(comment.id);
    if (!seen || updatedAt(comment) > updatedAt(seen)) newest.set(comment.id, comment);
  }

  const changed: Comment[] = [];
  let added = 0;
  let updated = 0;
  let unchanged = 0;
  for (const [id, comment] of newest) {
    const current = byId.get(id);
    if (!current) {
      added++;
      changed.push(comment);
      byId.set(id, comment);
    } else if (updatedAt(comment) > updatedAt(current)) {
      updated++;
      changed.push(comment);
      byId.set(id, comment);
    } else {
      unchanged++;
    }
  }

  const comments = [
    ...[...existingIds].map((id) => byId.get(id)!),
    ...[...newest.keys()].filter((id) => !existingIds.has(id)).map((id) => byId.get(id)!),
  ];
  return { comments, changed, added, updated, unchanged };
}
