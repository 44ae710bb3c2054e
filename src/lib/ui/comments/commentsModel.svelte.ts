import type { Comment, CommentKind } from '../../comments';
import type { CommentDraft } from '../../comments/draft';
import type { StorageErrorKind } from '../../storage';

/**
 * The consultation comments of this device as the UI shows them: what is on disk, mirrored
 * in memory. Only state, no code of its own: the add-comment button and pin placing read
 * and write it on the first load, while storage, schemas and the panel
 * (`commentsState.svelte.ts`, loaded with the comments code) fill it in later.
 */
class CommentsState {
  /** Every comment, visible and hidden, in storage order. */
  comments = $state.raw<Comment[]>([]);
  /** Ids whose latest version is not on disk yet (a write failed). */
  unsaved = $state.raw<ReadonlySet<string>>(new Set());
  /** True once storage has been read (or found unavailable). */
  loaded = $state(false);
  /** Records set aside because they could not be read (kept in the quarantine store). */
  quarantined = $state(0);
  /** Why storage failed last, or null. */
  storageError = $state<{ kind: StorageErrorKind; message: string } | null>(null);
  /** Facilitator view: hidden comments shown (greyed) with moderation buttons. */
  facilitator = $state(false);
  /** The comment open in the panel. */
  openId = $state<string | null>(null);
  /** The pin placed for the comment being written. */
  draft = $state<{ lon: number; lat: number } | null>(null);
  /** The form's fields while a comment is written: they outlive a tab switch and are kept as a draft. */
  fields = $state.raw<Pick<CommentDraft, 'kind' | 'text' | 'section' | 'feature'> | null>(null);
  /** The draft came back from an earlier visit. */
  draftRestored = $state(false);
  /** Whether the draft's latest version is on this device ('saving' while it is written). */
  draftState = $state<'saving' | 'saved' | 'failed' | null>(null);
  kindFilter = $state<CommentKind | 'all'>('all');
  /** The list's order: newest first, or (in a session) the most 附议 first. */
  sort = $state<'newest' | 'support'>('newest');
  /** In a session: only comments in this zone ('none': outside all three), or of this chapter. */
  zoneFilter = $state<string>('all');
  chapterFilter = $state<string>('all');
  /** Bumped to ask the panel to focus the new-comment form. */
  formRequest = $state(0);
}

export const comments = new CommentsState();
