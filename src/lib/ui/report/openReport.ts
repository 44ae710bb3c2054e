import { writeHash } from '../permalink';
import { sessionModel } from '../session/sessionModel.svelte';

/** The report page's own link (`#report=<sid>`), to copy or open in a new tab. */
export const reportHref = (sid: string) => `#report=${sid}`;

/**
 * Open a session's report over this page (the session stays joined underneath);
 * for a link's click, so its `href` still works to copy or open in a new tab.
 */
export function openReport(sid: string, event?: MouseEvent): void {
  if (event && (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0)) return;
  event?.preventDefault();
  sessionModel.report = sid;
  writeHash();
}
