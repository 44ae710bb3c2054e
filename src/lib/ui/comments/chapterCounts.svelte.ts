import { commentCounts } from '../../plan/commentUnits';
import { app } from '../appState.svelte';
import { sessionModel } from '../session/sessionModel.svelte';
import { comments } from './commentsModel.svelte';

/**
 * In a session: how many of its visible comments concern each chapter and section
 * of the plan (commentUnits.ts), from the live view, computed once per change and
 * read by every count in the reader. Part of the lazy comments chunk: the reader
 * shows counts once that has loaded, and the first load carries none of it.
 */
class ChapterCounts {
  counts = $derived.by((): ReadonlyMap<string, number> => {
    const view = sessionModel.sid ? sessionModel.view : null;
    const plan = app.plan;
    if (!view || !plan) return new Map();
    const refLists: string[][] = [];
    for (const c of view.comments.values()) {
      if (!c.hidden && c.placement) refLists.push(c.placement.chapters);
    }
    return commentCounts(plan, refLists);
  });
}

export const chapterCounts = new ChapterCounts();

/** The 意见 list, filtered to the comments that concern this chapter or section. */
export function openChapterComments(id: string): void {
  comments.kindFilter = 'all';
  comments.zoneFilter = 'all';
  comments.chapterFilter = id;
  comments.openId = null;
  app.panel = 'comments';
  app.panelOpen = true;
}
