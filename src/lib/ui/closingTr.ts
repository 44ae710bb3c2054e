import { interpolate, type Params } from '../i18n';
import { closingEn, closingZh, type ClosingKey } from '../i18n/closingStrings';
import { stringsLang } from './tr.svelte';

/**
 * `tr` for the strings of closingStrings.ts: the same language switch (reactive,
 * English once the rest of English has arrived), from a table that ships with
 * the lazy chunks that use it instead of the first load.
 */
export function closingTr(key: ClosingKey, params?: Params): string {
  return interpolate((stringsLang() === 'en' ? closingEn : closingZh)[key], params);
}
