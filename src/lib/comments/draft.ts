import { z } from 'zod';
import { SectionRef } from '../data/features';
import { CommentKind } from './schema';

/**
 * A comment being written but not yet sent: the pin, the kind, the text and the links,
 * kept on this device (the storage layer's settings) so a reload or a closed tab does
 * not lose it. It is dropped when the comment is sent or when the participant discards it.
 * Decisions: only a draft with something the participant made (a kind or some text) is
 * kept; a text longer than a comment may be is kept as typed (the form says it is too long).
 */

/** The settings key the draft is stored under. */
export const DRAFT_SETTING = 'commentDraft';
/** Far above a comment's 1,000 characters: a pasted text is kept, never cut. */
const MAX_DRAFT_LENGTH = 100_000;

export const CommentDraft = z.object({
  lon: z.number().min(-180).max(180),
  lat: z.number().min(-90).max(90),
  kind: CommentKind.nullable(),
  text: z.string().max(MAX_DRAFT_LENGTH),
  section: z.union([SectionRef, z.literal('')]),
  feature: z.union([z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/), z.literal('')]),
  /** When it was last saved (ISO 8601). */
  saved: z.iso.datetime({ offset: true }),
});
export type CommentDraft = z.infer<typeof CommentDraft>;

/** True when the participant has made something worth keeping. */
export function hasContent(draft: Pick<CommentDraft, 'kind' | 'text'>): boolean {
  return draft.kind !== null || draft.text.trim() !== '';
}

/** What the draft keeper needs of the storage layer (`LocalStore`). */
export interface SettingsStore {
  getSetting<T>(key: string, schema: z.ZodType<T>, fallback: T): Promise<T>;
  setSetting(key: string, value: unknown): Promise<void>;
}

/**
 * Reads and writes the one draft. Writes run one after another in the order asked, so the
 * last keystroke always wins; `discard` after a `save` leaves nothing behind.
 */
export class DraftKeeper {
  private last: Promise<void> = Promise.resolve();

  constructor(private readonly store: SettingsStore) {}

  /** The stored draft, or null (an unreadable one is quarantined by the store). */
  load(): Promise<CommentDraft | null> {
    return this.store.getSetting(DRAFT_SETTING, CommentDraft.nullable(), null);
  }

  /** Keep `draft` (validated first: an invalid one is refused and the stored draft kept). */
  save(draft: Omit<CommentDraft, 'saved'>, at = new Date()): Promise<void> {
    const record = CommentDraft.parse({ ...draft, saved: at.toISOString() });
    if (!hasContent(record)) return this.discard();
    return this.queue(() => this.store.setSetting(DRAFT_SETTING, record));
  }

  /** Forget the draft. */
  discard(): Promise<void> {
    return this.queue(() => this.store.setSetting(DRAFT_SETTING, null));
  }

  private queue(write: () => Promise<void>): Promise<void> {
    const next = this.last.then(write, write);
    this.last = next.catch(() => {});
    return next;
  }
}
