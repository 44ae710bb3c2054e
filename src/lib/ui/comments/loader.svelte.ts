/**
 * Loads the comments code (`commentsUi.ts`) off the first load: the app calls `loadCommentsUi`
 * once the map is first drawn, or as soon as the comments are asked for (the 意见 tab,
 * placing a pin). Light on purpose: it is part of the first-load bundle.
 */

export type CommentsUi = typeof import('./commentsUi');

class CommentsLoader {
  /** The loaded components, or null until they arrive. */
  ui = $state.raw<CommentsUi | null>(null);
  /** Why the last load failed, or null. */
  error = $state<string | null>(null);
}

export const commentsUi = new CommentsLoader();

let loading: Promise<CommentsUi> | null = null;

/** Load the comments code once; after a failure the next call tries again. */
export function loadCommentsUi(): Promise<CommentsUi> {
  loading ??= import('./commentsUi').then(
    (ui) => {
      commentsUi.error = null;
      commentsUi.ui = ui;
      return ui;
    },
    (error: Error) => {
      loading = null;
      commentsUi.error = error.message;
      throw error;
    },
  );
  return loading;
}
