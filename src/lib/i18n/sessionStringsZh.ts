/**
 * The consultation session's Chinese strings join the string table when this module runs:
 * imported by the session and comments chunks (sessionUi.ts, commentsUi.ts), they travel with
 * the only code that shows them and stay off the first load (issue 23). English carries them
 * in its own chunk (en.ts).
 */
import { sessionZh } from './sessionStrings.ts';
import { STRINGS } from './strings.ts';

Object.assign(STRINGS.zh, sessionZh);
