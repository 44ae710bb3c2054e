/**
 * The comments code that is not needed to draw the map: the pins (with IndexedDB storage)
 * and the 意见 panel (with the schemas, zod, and papaparse for comment files). Loaded by
 * `loadCommentsUi` as one chunk after the first draw, or sooner when it is asked for.
 */
// The session's Chinese strings come with this chunk, before any of its components renders.
import '../../i18n/sessionStringsZh';
export { default as CommentPins } from './CommentPins.svelte';
export { default as CommentsPanel } from './CommentsPanel.svelte';
export { default as ChapterCommentCount } from './ChapterCommentCount.svelte';
